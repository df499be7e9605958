import { createLogger } from '@pandawa/logging';
import { GrpcServer } from '@pandawa/grpc';
import { connectBackbone, handleShutdown, runMain } from '@pandawa/lifecycle';
import { loadCaseConfig } from './config.js';

await runMain('case', async () => {
  const config = loadCaseConfig();
  const logger = createLogger({ service: 'case', level: config.LOG_LEVEL });
  const backbone = await connectBackbone({
    service: 'case',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [t.streams.CASE_EVENTS],
  });
  const grpcServer = new GrpcServer({
    port: config.CASE_PORT,
    logger,
    isHealthy: async () => backbone.natsHealthy() && (await backbone.mongoHealthy()),
  });
  await grpcServer.start();

  handleShutdown(
    logger,
    [
      { name: 'mark not serving', run: () => grpcServer.markNotServing() },
      {
        name: 'stop gRPC, finish calls in flight',
        run: () => grpcServer.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2),
      },
      ...backbone.closingSteps(),
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info('case service ready');
});
