import type { AddressInfo } from 'node:net';
import { createLogger } from '@pandawa/logging';
import { connectBackbone, handleShutdown, Readiness, runMain } from '@pandawa/lifecycle';
import { loadGatewayConfig } from './config.js';
import { createApp } from './http/app.js';

await runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const backbone = await connectBackbone({
    service: 'gateway',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [t.streams.WA_IN],
  });
  const readiness = new Readiness({ nats: backbone.natsHealthy, mongo: backbone.mongoHealthy });
  const app = createApp({ logger, readiness });
  const server = app.listen(config.GATEWAY_PORT);
  await new Promise<void>((resolve, reject) =>
    server.once('listening', resolve).once('error', reject),
  );
  server.keepAliveTimeout = 65_000;

  handleShutdown(
    logger,
    [
      { name: 'mark not ready', run: () => readiness.markNotReady() },
      {
        name: 'stop HTTP, finish requests in flight',
        run: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      },
      ...backbone.closingSteps(),
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info({ port: (server.address() as AddressInfo).port }, 'gateway ready');
});
