import { randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';

export const CASE_LOCK_COLLECTION = 'case_locks';

interface LockDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Mutual exclusion per case, across processes, built on the one primitive FerretDB v1 makes
 * atomic: an insert under a unique key (`_id`). FerretDB v1 (SQLite backend) applies an update
 * as read-modify-write without isolation: measured here, 20 concurrent compare-and-set updates
 * on one document at the same version let 3 through, and 10 concurrent `$inc`s left +1. So
 * every write to a case runs inside this lock; the version filter stays for MongoDB and for
 * callers that pin a version. A holder that dies leaves a lock that expires after `ttlMs`
 * (FerretDB has no TTL index, so expiry is checked here).
 */
export class CaseLocks {
  private readonly collection: mongo.Collection<LockDoc>;

  constructor(
    connection: Connection,
    private readonly ttlMs = 10_000,
    private readonly waitMs = 5_000,
  ) {
    this.collection = connection.collection<LockDoc>(
      CASE_LOCK_COLLECTION,
    ) as unknown as mongo.Collection<LockDoc>;
  }

  async withLock<T>(officeId: string, caseId: string, fn: () => Promise<T>): Promise<T> {
    const key = `${officeId}/${caseId}`;
    const owner = randomUUID();
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.collection.insertOne({
          _id: key,
          owner,
          expiresAt: new Date(Date.now() + this.ttlMs),
        });
        break;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const held = await this.collection.findOne({ _id: key });
      if (held && held.expiresAt.getTime() < Date.now()) {
        // The holder died: take the lock away from that owner only.
        await this.collection.deleteOne({ _id: key, owner: held.owner });
        continue;
      }
      if (Date.now() > deadline)
        throw new AppError('ABORTED', 'the case is busy; try again', { reason: 'CASE_BUSY' });
      await sleep(Math.min(50, 2 + attempt * 3) * (0.5 + Math.random()));
    }
    try {
      return await fn();
    } finally {
      await this.collection.deleteOne({ _id: key, owner }).catch(() => undefined);
    }
  }
}
