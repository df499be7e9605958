import { commonEnv, grpcClientEnv, loadConfig, mongoEnv, natsEnv, port } from '@pandawa/config';
import { z } from 'zod';

export const gatewayConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  MONGO_DB: z.string().default('pandawa_gateway'),
  /** The HTTP edge: WhatsApp webhook, admin API, `/healthz`, `/readyz`. */
  GATEWAY_PORT: port(8080),
  CASE_ADDR: z.string().default('127.0.0.1:50051'),
  DOCUMENT_ADDR: z.string().default('127.0.0.1:50052'),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(gatewayConfigSchema, env);
