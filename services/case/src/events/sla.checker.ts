import type { Logger } from '@pandawa/logging';
import type { CaseService } from '../case.service.js';
import type { CaseListView } from '../read-model/case-list.view.js';

export interface SlaCheckerOptions {
  /** Where due cases are found; each is re-read under its lock before anything is raised. */
  view: CaseListView;
  service: CaseService;
  logger: Logger;
  intervalMs: number;
  batchSize?: number;
  now?: () => Date;
}

/**
 * Periodically finds cases whose next SLA due time has passed and records the breach. Each
 * breach is raised once: the case's flags and version make a second checker (another replica,
 * the next tick) find nothing left to raise.
 */
export class SlaChecker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: SlaCheckerOptions) {}

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

  /** Returns how many breaches were raised. */
  async checkOnce(): Promise<number> {
    const now = (this.options.now ?? (() => new Date()))();
    const due = this.options.view.slaDue(now, this.options.batchSize ?? 200);
    let raised = 0;
    for (const doc of due) {
      try {
        raised += await this.options.service.markSlaBreaches(doc.officeId, doc.caseId);
      } catch (error) {
        this.options.logger.warn({ err: error, caseId: doc.caseId }, 'could not record SLA breach');
      }
    }
    if (raised) this.options.logger.info({ raised }, 'SLA breaches raised');
    return raised;
  }
}
