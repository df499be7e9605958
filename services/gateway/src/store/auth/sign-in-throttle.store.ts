import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';

export const THROTTLE_COLLECTION = 'sign_in_failures';

interface FailureSlotDoc {
  /** `<key>/<window>/<n>`: the n-th failure of `key` in a fixed time window. */
  _id: string;
  expiresAt: Date;
}

interface LockDoc {
  /** `<key>/lock` */
  _id: string;
  lockedUntil: Date;
  expiresAt: Date;
}

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

/**
 * Failed sign-ins per key (`account:<username>`, `address:<ip>`), shared by every gateway
 * replica through the database. Counted by claiming numbered slots with inserts under a unique
 * `_id` — the one write FerretDB v1 makes atomic (it applies `$inc` as an unisolated
 * read-modify-write: concurrent increments are lost, see the case service's CaseLocks) — so
 * every failure counts exactly once however many replicas race. Windows are fixed
 * (`floor(now / windowMs)`), so replicas agree on them without talking. The failure that
 * reaches the limit writes a lock that holds for `lockoutMs`.
 */
export class SignInThrottleStore {
  private readonly slots: mongo.Collection<FailureSlotDoc>;
  private readonly locks: mongo.Collection<LockDoc>;

  constructor(connection: Connection) {
    this.slots = connection.collection<FailureSlotDoc>(
      THROTTLE_COLLECTION,
    ) as unknown as mongo.Collection<FailureSlotDoc>;
    this.locks = connection.collection<LockDoc>(
      THROTTLE_COLLECTION,
    ) as unknown as mongo.Collection<LockDoc>;
  }

  /** When `key` is locked out, until when; else undefined. */
  async lockedUntil(key: string, now: number): Promise<Date | undefined> {
    const lock = await this.locks.findOne({ _id: `${key}/lock` });
    return lock && lock.lockedUntil.getTime() > now ? lock.lockedUntil : undefined;
  }

  /** Counts one failure; returns the count in the window and locks `key` at the limit. */
  async recordFailure(key: string, rule: ThrottleRule, now: number): Promise<number> {
    const window = Math.floor(now / rule.windowMs);
    const expiresAt = new Date((window + 1) * rule.windowMs + rule.lockoutMs);
    // The next free slot; at most `maxFailures` probes before the lock stops the attempts.
    let n = 1;
    for (;;) {
      try {
        await this.slots.insertOne({ _id: `${key}/${window}/${n}`, expiresAt });
        break;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        n++;
      }
    }
    if (n >= rule.maxFailures) {
      const lockedUntil = new Date(now + rule.lockoutMs);
      await this.locks.replaceOne(
        { _id: `${key}/lock` },
        { lockedUntil, expiresAt: lockedUntil },
        { upsert: true },
      );
    }
    return n;
  }

  /** A successful sign-in forgets the account's failures (its address's stay counted). */
  async clear(key: string, rule: ThrottleRule, now: number): Promise<void> {
    const window = Math.floor(now / rule.windowMs);
    await this.slots.deleteMany({ _id: { $in: slotIds(key, window, rule.maxFailures) } });
  }

  /**
   * Removes slots and locks past their use. A filtered delete: a scan on FerretDB v1 (no TTL
   * indexes there), run rarely; MongoDB uses the `expires_at` index.
   */
  async purge(now: number): Promise<void> {
    await this.slots.deleteMany({ expiresAt: { $lt: new Date(now) } });
  }

  async ensureIndexes(): Promise<void> {
    // purge(): slots and locks past their expiry.
    await this.slots.createIndex({ expiresAt: 1 }, { name: 'expires_at' });
  }
}

function slotIds(key: string, window: number, max: number): string[] {
  return Array.from({ length: max + 1 }, (_, i) => `${key}/${window}/${i + 1}`);
}
