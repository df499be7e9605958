import { commonEnv, grpcClientEnv, loadConfig, mongoEnv, natsEnv, port } from '@pandawa/config';
import { z } from 'zod';

export const documentConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  MONGO_DB: z.string().default('pandawa_document'),
  /** Serves pandawa.document.v1.DocumentService and grpc.health.v1.Health. */
  DOCUMENT_PORT: port(50052),
});

export type DocumentConfig = ReturnType<typeof loadDocumentConfig>;

export const loadDocumentConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(documentConfigSchema, env);
