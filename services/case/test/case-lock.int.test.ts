import { connectMongo, type Connection } from '@pandawa/mongo';
import { testDbName, testLogger, testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseLocks } from '../src/store/case/case-lock.repository.js';

describe('case locks (FerretDB)', () => {
  let mongo: Connection;
  let other: Connection;

  beforeAll(async () => {
    const dbName = testDbName(testNamespace(), 'case');
    const logger = testLogger('case');
    mongo = await connectMongo({ url: process.env.MONGO_URL!, dbName, logger });
    // A second pool stands in for a second replica of the service.
    other = await connectMongo({ url: process.env.MONGO_URL!, dbName, logger });
  });
  afterAll(async () => {
    await mongo?.dropDatabase().catch(() => undefined);
    await mongo?.close();
    await other?.close();
  });

  it('lets one holder at a time into a case, across connection pools, and loses no update', async () => {
    const locks = [new CaseLocks(mongo), new CaseLocks(other)];
    const counter = mongo.collection<{ _id: string; n: number }>('lock_counter');
    await counter.insertOne({ _id: 'c', n: 0 });
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        locks[i % 2]!.withLock('pekanbaru', 'case-1', async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          // Read-modify-write: loses updates unless the sections are exclusive.
          const doc = await (i % 2 ? other : mongo)
            .collection<{ _id: string; n: number }>('lock_counter')
            .findOne({ _id: 'c' });
          await new Promise((r) => setTimeout(r, 2));
          await counter.updateOne({ _id: 'c' }, { $set: { n: doc!.n + 1 } });
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect((await counter.findOne({ _id: 'c' }))!.n).toBe(20);
  });

  it('takes over a lock whose holder died once it expires', async () => {
    const locks = new CaseLocks(mongo, 200, 3000);
    await mongo
      .collection<{ _id: string; owner: string; expiresAt: Date }>('case_locks')
      .insertOne({ _id: 'pekanbaru/case-2', owner: 'dead', expiresAt: new Date(Date.now() + 200) });
    const ran = await locks.withLock('pekanbaru', 'case-2', async () => 'ran');
    expect(ran).toBe('ran');
  });

  it('gives up with ABORTED when a live holder keeps the case', async () => {
    const locks = new CaseLocks(mongo, 10_000, 300);
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const held = locks.withLock('pekanbaru', 'case-3', () => {
      entered();
      return new Promise<void>((r) => (release = r));
    });
    await inside;
    await expect(locks.withLock('pekanbaru', 'case-3', async () => 'no')).rejects.toMatchObject({
      code: 'ABORTED',
    });
    release();
    await held;
  });
});
