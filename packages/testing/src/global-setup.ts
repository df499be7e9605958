import { ensureInfrastructure } from './infrastructure.js';

/** Vitest global setup for integration tests: servers up once, before any worker starts. */
export default async function setup(): Promise<() => Promise<void>> {
  const infra = await ensureInfrastructure();
  return () => infra.stop();
}
