import { createLogger } from '@pandawa/logging';
import { CallerVerifier, GrpcServer } from '@pandawa/grpc';
import { connectBackbone, handleShutdown, runMain } from '@pandawa/lifecycle';
import { DEV_ONLY_MASTER_KEY_ID, loadDocumentConfig } from './config.js';
import { createDocumentApp } from './document-storage.app.js';

await runMain('document-storage', async () => {
  const config = loadDocumentConfig();
  const logger = createLogger({ service: 'document-storage', level: config.LOG_LEVEL });
  if (config.DOCUMENT_ACTIVE_KEY_ID === DEV_ONLY_MASTER_KEY_ID)
    logger.warn(
      'DEV-ONLY master key in use: documents are NOT protected. Set DOCUMENT_MASTER_KEYS.',
    );
  const backbone = await connectBackbone({
    service: 'document-storage',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [t.streams.CASE_EVENTS, t.streams.DEAD_LETTER],
  });
  const grpcServer = new GrpcServer({
    host: config.BIND_HOST,
    port: config.DOCUMENT_PORT,
    logger,
    isHealthy: async () => backbone.natsHealthy() && (await backbone.mongoHealthy()),
    callers: new CallerVerifier(config.CALLER_TRUSTED_KEYS),
  });
  const app = await createDocumentApp({
    config,
    mongo: backbone.mongo,
    logger,
    grpcServer,
    bus: { js: backbone.js, jsm: backbone.jsm, topology: backbone.topology },
  });
  if (config.DOCUMENT_REWRAP_ON_START) await app.service.rewrapKeys();
  await grpcServer.start();
  await app.start();

  handleShutdown(
    logger,
    [
      { name: 'mark not serving', run: () => grpcServer.markNotServing() },
      {
        name: 'stop gRPC, finish calls in flight',
        run: () => grpcServer.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2),
      },
      { name: 'stop case-closure consumer and retention purge', run: () => app.stop() },
      ...backbone.closingSteps(),
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info('document-storage service ready');
});
