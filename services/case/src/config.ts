import { commonEnv, grpcClientEnv, loadConfig, mongoEnv, natsEnv, port } from '@pandawa/config';
import { z } from 'zod';

export const caseConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  MONGO_DB: z.string().default('pandawa_case'),
  /** Serves pandawa.case.v1.CaseService and grpc.health.v1.Health. */
  CASE_PORT: port(50051),
});

export type CaseConfig = ReturnType<typeof loadCaseConfig>;

export const loadCaseConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(caseConfigSchema, env);
