import { commonEnv, grpcClientEnv, loadConfig, mongoEnv, natsEnv, port } from '@pandawa/config';
import { z } from 'zod';

export const conversationConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  MONGO_DB: z.string().default('pandawa_conversation'),
  /** `/healthz` and `/readyz`. */
  HEALTH_PORT: port(8081),
  CASE_ADDR: z.string().default('127.0.0.1:50051'),
  DOCUMENT_ADDR: z.string().default('127.0.0.1:50052'),
});

export type ConversationConfig = ReturnType<typeof loadConversationConfig>;

export const loadConversationConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(conversationConfigSchema, env);
