import { fileURLToPath } from 'node:url';

/** Repository root, for launching scripts and services. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The test harness's only view of the environment. MONGO_URL / NATS_URL point tests at existing
 * servers; otherwise the harness starts its own.
 */
export const testEnv = {
  mongoUrl: process.env.MONGO_URL,
  natsUrl: process.env.NATS_URL,
  natsPort: process.env.PANDAWA_NATS_PORT ?? '4222',
  mongoPort: process.env.PANDAWA_MONGO_PORT ?? '27017',
  dockerHost: process.env.DOCKER_HOST,
  logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
  setInfra(mongoUrl: string, natsUrl: string): void {
    // Vitest workers inherit the environment of the process that ran the global setup.
    process.env.MONGO_URL = mongoUrl;
    process.env.NATS_URL = natsUrl;
  },
};
