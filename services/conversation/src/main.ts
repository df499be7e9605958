import { CallerSigner, callerCredential, useCallerSigner } from '@pandawa/grpc';
import { createLogger } from '@pandawa/logging';
import { OfficeSettingsKv } from '@pandawa/nats';
import {
  connectBackbone,
  handleShutdown,
  Readiness,
  runMain,
  startHealthServer,
} from '@pandawa/lifecycle';
import { loadConversationConfig } from './config.js';
import { createConversationApp } from './conversation.app.js';

await runMain('conversation', async () => {
  const config = loadConversationConfig();
  // Every gRPC client this process creates signs its calls with the service's own key.
  useCallerSigner(
    new CallerSigner(callerCredential('conversation', config.CONVERSATION_CALLER_SIGNING_KEY)),
  );
  const logger = createLogger({ service: 'conversation', level: config.LOG_LEVEL });
  const backbone = await connectBackbone({
    service: 'conversation',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [t.streams.WA_IN, t.streams.NOTIFY, t.streams.DEAD_LETTER],
  });
  const app = await createConversationApp({
    config,
    mongo: backbone.mongo,
    publisher: backbone.publisher,
    js: backbone.js,
    jsm: backbone.jsm,
    topology: backbone.topology,
    logger,
    officeSettings: await OfficeSettingsKv.open(backbone.nc, backbone.topology, logger),
  });
  await app.start();
  const readiness = new Readiness({
    nats: backbone.natsHealthy,
    mongo: backbone.mongoHealthy,
    consumer: app.consumerRunning,
  });
  const health = await startHealthServer(readiness, config.HEALTH_PORT, config.BIND_HOST);

  handleShutdown(
    logger,
    [
      { name: 'mark not ready', run: () => readiness.markNotReady() },
      { name: 'stop consumer, finish messages in flight', run: () => app.stop() },
      ...backbone.closingSteps(),
      { name: 'close health endpoint', run: () => health.close() },
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info({ healthPort: health.port }, 'conversation service ready');
});
