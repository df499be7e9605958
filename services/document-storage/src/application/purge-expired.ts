import type { RetentionPolicy } from '../domain/retention.policy.js';
import type { DocumentContext } from './document-context.js';
import { removeContent } from './remove-content.js';

export interface PurgeReport {
  purged: number;
  /** Removals a crash left half done, finished now. */
  finished: number;
  /** STORING records of dead writers, removed. */
  stale: number;
}

const SYSTEM_ACTOR_ID = 'system:retention';

/**
 * Removes the content of documents past their retention: the data key first (the content is
 * unreadable from that moment), then the chunks, then an audit record without the content.
 * Running it again finds nothing more to do; running it on two replicas at once is harmless,
 * because each step is a conditional single-document write.
 */
export async function purgeExpired(
  ctx: DocumentContext,
  policy: RetentionPolicy,
  now: Date,
  batch = 100,
): Promise<PurgeReport> {
  const { documents, chunks, logger } = ctx;
  const report: PurgeReport = { purged: 0, finished: 0, stale: 0 };
  for (const query of documents.expiredQueries(policy, now)) {
    for (;;) {
      const expired = await documents.findExpired(query, batch);
      for (const record of expired) {
        const removed = await removeContent(
          ctx,
          record.officeId,
          record._id,
          'PURGED',
          SYSTEM_ACTOR_ID,
          'retention period ended',
        );
        if (removed) report.purged++;
      }
      if (expired.length < batch) break;
    }
  }
  for (const record of await documents.findCleanupPending(batch)) {
    await removeContent(
      ctx,
      record.officeId,
      record._id,
      record.status === 'DELETED' ? 'DELETED' : 'PURGED',
      SYSTEM_ACTOR_ID,
      'finishing an interrupted removal',
    );
    report.finished++;
  }
  const staleBefore = new Date(now.getTime() - policy.staleStoringMs);
  for (const record of await documents.findStaleStoring(staleBefore, batch)) {
    // The record goes only after its chunks: a crash in between leaves it to the next run.
    await chunks.deleteAll(record);
    if (await documents.removeStale(record.officeId, record._id)) report.stale++;
  }
  if (report.purged || report.finished || report.stale)
    logger.info({ ...report }, 'retention purge done');
  return report;
}
