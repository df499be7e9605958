import type { Logger } from '@pandawa/logging';
import type { HeldMessages } from '../application/held-messages.js';

/**
 * Purges held messages past their age on a clock (FerretDB v1 has no TTL index): a citizen who
 * never writes again does not keep their held content forever. Replicas may run it at once:
 * deleting what another already deleted is harmless.
 */
export class HeldPurgeSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly held: HeldMessages,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.held
      .purgeExpired()
      .then((purged) => {
        if (purged > 0) this.logger.info({ purged }, 'expired held messages purged');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'held message purge failed'))
      .finally(() => (this.running = undefined));
  }
}
