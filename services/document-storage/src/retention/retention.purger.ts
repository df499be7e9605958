import type { Logger } from '@pandawa/logging';
import type { DocumentService } from '../document.service.js';
import type { DocumentChunkRepository } from '../store/document-chunk.repository.js';
import type { DocumentRepository } from '../store/document.repository.js';
import { expiredFilters, type RetentionPolicy } from './retention.policy.js';

export interface PurgeReport {
  purged: number;
  /** Removals a crash left half done, finished now. */
  finished: number;
  /** STORING records of dead writers, removed. */
  stale: number;
}

/**
 * Removes the content of documents past their retention: the data key first (the content is
 * unreadable from that moment), then the chunks, then an audit record without the content.
 * Running it again finds nothing more to do; running it on two replicas at once is harmless,
 * because each step is a conditional single-document write.
 */
export class RetentionPurger {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: {
      documents: DocumentRepository;
      chunks: DocumentChunkRepository;
      service: DocumentService;
      policy: RetentionPolicy;
      logger: Logger;
      batch?: number;
    },
  ) {}

  async purgeOnce(now = new Date()): Promise<PurgeReport> {
    const { documents, chunks, service, policy, logger } = this.deps;
    const batch = this.deps.batch ?? 100;
    const report: PurgeReport = { purged: 0, finished: 0, stale: 0 };
    for (const filter of expiredFilters(policy, now)) {
      for (;;) {
        const expired = await documents.findExpired(filter, batch);
        for (const record of expired) {
          if (
            await service.removeContent(
              record.officeId,
              record._id,
              'PURGED',
              'system:retention',
              'retention period ended',
            )
          )
            report.purged++;
        }
        if (expired.length < batch) break;
      }
    }
    for (const record of await documents.findCleanupPending(batch)) {
      await service.removeContent(
        record.officeId,
        record._id,
        record.status === 'DELETED' ? 'DELETED' : 'PURGED',
        'system:retention',
        'finishing an interrupted removal',
      );
      report.finished++;
    }
    const staleBefore = new Date(now.getTime() - policy.staleStoringMs);
    for (const record of await documents.findExpired(
      { status: 'STORING', createdAt: { $lt: staleBefore } },
      batch,
    )) {
      // The record goes only after its chunks: a crash in between leaves it to the next run.
      await chunks.deleteAll(record);
      if (await documents.removeStale(record.officeId, record._id)) report.stale++;
    }
    if (report.purged || report.finished || report.stale)
      logger.info({ ...report }, 'retention purge done');
    return report;
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
