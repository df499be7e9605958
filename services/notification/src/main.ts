import { createLogger } from '@pandawa/logging';
import {
  connectBackbone,
  handleShutdown,
  Readiness,
  runMain,
  startHealthServer,
} from '@pandawa/lifecycle';
import { loadNotificationConfig } from './config.js';

await runMain('notification', async () => {
  const config = loadNotificationConfig();
  const logger = createLogger({ service: 'notification', level: config.LOG_LEVEL });
  const backbone = await connectBackbone({
    service: 'notification',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [
      t.streams.NOTIFY,
      t.streams.NOTIFY_RESULT,
      t.streams.CASE_EVENTS,
      t.streams.WA_IN,
    ],
  });
  const readiness = new Readiness({ nats: backbone.natsHealthy, mongo: backbone.mongoHealthy });
  const health = await startHealthServer(readiness, config.HEALTH_PORT, config.BIND_HOST);

  handleShutdown(
    logger,
    [
      { name: 'mark not ready', run: () => readiness.markNotReady() },
      ...backbone.closingSteps(),
      { name: 'close health endpoint', run: () => health.close() },
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info({ healthPort: health.port }, 'notification service ready');
});
