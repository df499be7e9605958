import type { Logger } from '@pandawa/logging';
import {
  purgeOldRecords,
  type PurgeDeps,
  type PurgeOutcome,
} from '../application/purge-old-records.js';

/**
 * Runs the purge of old records on a clock (application/purge-old-records.ts does the work): a
 * schedule is an edge like a consumer, started and stopped by the app. Replicas may run it at
 * once: deleting what another already deleted is harmless.
 */
export class PurgeSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: PurgeDeps & { logger: Logger },
    private readonly intervalMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Indexes for the purge's queries, then a first run soon and one every interval. */
  async start(): Promise<void> {
    await Promise.all([this.deps.processed.ensureIndexes(), this.deps.sessions.ensureIndexes()]);
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run now (tests call it directly). */
  runOnce(): Promise<PurgeOutcome> {
    return purgeOldRecords(this.deps, this.now());
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'purge failed'))
      .finally(() => (this.running = undefined));
  }
}
