import type { Logger } from '@pandawa/logging';
import type { IdempotencyStore } from '@pandawa/mongo';
import type { SessionRepository } from '../store/session/session.repository.js';

export interface PurgeDeps {
  processed: IdempotencyStore;
  sessions: SessionRepository;
  logger: Logger;
  /** How long a handled wamid is remembered: past Meta's 7-day redelivery horizon, with a margin. */
  processedRetentionMs: number;
  /** How long a session is kept after the citizen's last message (long after it expired). */
  sessionRetentionMs: number;
  /** Documents deleted per batch, and batches per run: a run's work stays bounded. */
  batchSize: number;
  maxBatches: number;
}

export interface PurgeOutcome {
  processed: number;
  sessions: number;
  /** True when a run stopped at maxBatches with more left (the next run goes on). */
  more: boolean;
}

/**
 * Forgets what `pandawa_conversation` no longer needs (architecture §6.1): idempotency records
 * past the redelivery horizon, and sessions long idle (their half-done answers may hold a NIK).
 * FerretDB v1 has no TTL index, so this runs on a schedule, in bounded batches, on both servers.
 */
export async function purgeOldRecords(deps: PurgeDeps, now: Date): Promise<PurgeOutcome> {
  const processedCutoff = new Date(now.getTime() - deps.processedRetentionMs);
  const sessionCutoff = new Date(now.getTime() - deps.sessionRetentionMs);
  const drain = async (deleteBatch: () => Promise<number>) => {
    let total = 0;
    for (let batch = 0; batch < deps.maxBatches; batch++) {
      const deleted = await deleteBatch();
      total += deleted;
      if (deleted < deps.batchSize) return { total, more: false };
    }
    return { total, more: true };
  };
  const processed = await drain(() => deps.processed.forgetBefore(processedCutoff, deps.batchSize));
  const sessions = await drain(() => deps.sessions.deleteIdleSince(sessionCutoff, deps.batchSize));
  if (processed.total || sessions.total)
    deps.logger.info(
      { processed: processed.total, sessions: sessions.total },
      'old conversation records purged',
    );
  return {
    processed: processed.total,
    sessions: sessions.total,
    more: processed.more || sessions.more,
  };
}
