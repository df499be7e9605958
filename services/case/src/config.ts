import {
  bool,
  callerTrustEnv,
  commonEnv,
  csv,
  duration,
  grpcClientEnv,
  loadConfig,
  mongoEnv,
  natsEnv,
  port,
} from '@pandawa/config';
import { z } from 'zod';

export const caseConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  ...callerTrustEnv,
  MONGO_DB: z.string().default('pandawa_case'),
  /** Serves pandawa.case.v1.CaseService and grpc.health.v1.Health. */
  CASE_PORT: port(50051),
  /** Office opening hours; SLA clocks run only inside them (architecture §7). */
  SERVICE_HOURS: z.string().default('mon-thu 08:00-15:00; fri 08:00-11:30'),
  SERVICE_TIMEZONE: z.string().default('Asia/Jakarta'),
  /** Fixed offset of SERVICE_TIMEZONE (Asia/Jakarta has no daylight saving). */
  SERVICE_UTC_OFFSET: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/, 'like +07:00')
    .default('+07:00'),
  /** Local dates the office is closed, `YYYY-MM-DD,YYYY-MM-DD`. */
  SERVICE_HOLIDAYS: csv(''),
  /** How often the outbox relay looks for events a write left behind (it is also kicked after each write). */
  OUTBOX_POLL_INTERVAL_MS: duration(1000),
  /**
   * Where officers' lists, statistics and the SLA check read from. `memory`: a view of every
   * case held by each instance, loaded at start and kept current from `case.events.*` (fast on
   * any store; FerretDB v1 scans for any other query). `indexed`: MongoDB queries on indexes,
   * nothing held, ready at once (production: many offices, many instances).
   */
  CASE_LISTS: z.enum(['memory', 'indexed']).default('memory'),
  /** How often the SLA checker looks for clocks past their due time. */
  SLA_CHECK_INTERVAL_MS: duration(30_000),
  /**
   * Fault injection for the crash test only: the relay kills its own process right after
   * JetStream acknowledged an event and before the outbox entry is removed.
   */
  CASE_FAULT_CRASH_AFTER_PUBLISH: bool(false),
});

export type CaseConfig = ReturnType<typeof loadCaseConfig>;

export const loadCaseConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(caseConfigSchema, env);
