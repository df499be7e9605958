import { createLogger } from '@pandawa/logging';
import { GrpcServer } from '@pandawa/grpc';
import { connectBackbone, handleShutdown, runMain } from '@pandawa/lifecycle';
import { loadDocumentConfig } from './config.js';

await runMain('document-storage', async () => {
  const config = loadDocumentConfig();
  const logger = createLogger({ service: 'document-storage', level: config.LOG_LEVEL });
  const backbone = await connectBackbone({
    service: 'document-storage',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: () => [],
  });
  const grpcServer = new GrpcServer({
    port: config.DOCUMENT_PORT,
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
  logger.info('document-storage service ready');
});
