import type { Logger } from '@pandawa/logging';
import type { CaseService } from '../case.service.js';

export interface SlaCheckScheduleOptions {
  service: CaseService;
  logger: Logger;
  intervalMs: number;
  batchSize?: number;
  now?: () => Date;
}

/**
 * Raises SLA breaches on a clock (application/sla-breaches.ts does the work): a schedule is an
 * edge like a consumer, started and stopped by the app. Each breach is raised once: the case's
 * flags and version make a second checker (another replica, the next tick) find nothing left.
 */
export class SlaCheckSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: SlaCheckScheduleOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running)
        this.running = this.checkOnce()
          .catch((error: unknown) => this.options.logger.warn({ err: error }, 'SLA check failed'))
          .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run now (tests call it directly); returns how many breaches were raised. */
  checkOnce(): Promise<number> {
    const now = (this.options.now ?? (() => new Date()))();
    return this.options.service.raiseDueSlaBreaches(now, this.options.batchSize ?? 200);
  }
}
