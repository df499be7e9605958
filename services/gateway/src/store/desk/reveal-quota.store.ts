import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';

export const REVEAL_QUOTA_COLLECTION = 'identity_reveal_slots';

interface RevealSlotDoc {
  /** `<key>/<window>/<n>`: the n-th reveal of `key` in a fixed time window. */
  _id: string;
  expiresAt: Date;
}

export interface RevealQuotaRule {
  maxPerWindow: number;
  windowMs: number;
}

/**
 * How many citizens' full numbers one officer had revealed (`<officeId>/<accountId>`), shared by
 * every gateway replica through the database. Like the sign-in throttle, each reveal claims a
 * numbered slot with an insert under a unique `_id` — the one write FerretDB v1 makes atomic (its
 * `$inc` is an unisolated read-modify-write) — so racing replicas never let one more through.
 * Windows are fixed (`floor(now / windowMs)`), so replicas agree on them without talking.
 */
export class RevealQuotaStore {
  private readonly slots: mongo.Collection<RevealSlotDoc>;

  constructor(connection: Connection) {
    this.slots = connection.collection<RevealSlotDoc>(
      REVEAL_QUOTA_COLLECTION,
    ) as unknown as mongo.Collection<RevealSlotDoc>;
  }

  /** Claims one reveal for `key` in the current window; false when the window's are spent. */
  async claim(key: string, rule: RevealQuotaRule, now: number): Promise<boolean> {
    const window = Math.floor(now / rule.windowMs);
    const slot = (n: number) => `${key}/${window}/${n}`;
    // A spent window costs one read, not a probe of every slot.
    if (await this.slots.findOne({ _id: slot(rule.maxPerWindow) })) return false;
    const expiresAt = new Date((window + 1) * rule.windowMs);
    for (let n = 1; n <= rule.maxPerWindow; n++) {
      try {
        await this.slots.insertOne({ _id: slot(n), expiresAt });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return false;
  }

  /**
   * Removes slots of past windows. A filtered delete: a scan on FerretDB v1 (no TTL indexes
   * there), run rarely; MongoDB uses the `expires_at` index.
   */
  async purge(now: number): Promise<void> {
    await this.slots.deleteMany({ expiresAt: { $lt: new Date(now) } });
  }

  async ensureIndexes(): Promise<void> {
    // purge(): slots of windows that are over.
    await this.slots.createIndex({ expiresAt: 1 }, { name: 'expires_at' });
  }
}
