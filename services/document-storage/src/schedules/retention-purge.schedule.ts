import type { Logger } from '@pandawa/logging';
import { purgeExpired, type PurgeReport } from '../application/purge-expired.js';
import type { DocumentContext } from '../application/document-context.js';
import type { RetentionPolicy } from '../domain/retention.policy.js';

/**
 * Runs the retention purge (application/purge-expired.ts) on a clock: a schedule is an edge
 * like a consumer, started and stopped by the app, and does no work of its own.
 */
export class RetentionPurgeSchedule {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: {
      ctx: DocumentContext;
      policy: RetentionPolicy;
      logger: Logger;
      batch?: number;
    },
  ) {}

  /** One run now (tests call it directly). */
  purgeOnce(now = new Date()): Promise<PurgeReport> {
    return purgeExpired(this.deps.ctx, this.deps.policy, now, this.deps.batch);
  }

  /** Runs the purge every `intervalMs` (first run soon after start). */
  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.purgeOnce()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'retention purge failed'))
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    this.first = setTimeout(tick, 5_000);
    this.first.unref();
  }

  /** Stops scheduling and waits for a run in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.first);
    await this.running;
  }
}
