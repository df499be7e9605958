import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import { deleteBatch, ensureIndexes } from './ensure-indexes.js';

/**
 * Remembers which messages a consumer has already acted on. JetStream's duplicate window is two
 * minutes, but Meta retries webhooks for days (architecture §3), so every consumer keeps its own
 * record, keyed by message id, in its own database.
 */
export class IdempotencyStore {
  private readonly collectionName: string;

  constructor(
    private readonly connection: Connection,
    consumer: string,
  ) {
    this.collectionName = `processed_${consumer.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  }

  private get collection() {
    return this.connection.collection<{ _id: string; at: Date }>(this.collectionName);
  }

  /** The index the purge's query needs (on MongoDB; FerretDB v1 scans either way). */
  async ensureIndexes(): Promise<void> {
    // forgetBefore: records recorded before a time.
    await ensureIndexes(this.collection, [{ key: { at: 1 }, name: 'recorded_at' }]);
  }

  /**
   * Forgets up to `limit` records made before `cutoff`: past the horizon of redeliveries
   * (Meta's 7 days) a record protects nothing. Returns how many were forgotten.
   */
  forgetBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteBatch(this.collection, { at: { $lt: cutoff } }, limit);
  }

  async has(messageId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: messageId }, { limit: 1 })) > 0;
  }

  /**
   * Records that `messageId` was handled. Recording twice, even at once, is harmless: a plain
   * insert under a unique `_id` is atomic on MongoDB and FerretDB alike (an upsert is not, on
   * FerretDB v1), and the loser's duplicate-key error means "already recorded".
   */
  async remember(messageId: string): Promise<void> {
    try {
      await this.collection.insertOne({ _id: messageId, at: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
