import { closeMongo, connectMongo, IdempotencyStore, type Connection } from '@pandawa/mongo';
import { testDbName, testLogger, testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../src/domain/intake.machine.js';
import { CONVERSATION_CONSUMER } from '../src/events/inbound-message.consumer.js';
import { PurgeSchedule } from '../src/schedules/purge.schedule.js';
import {
  sessionId,
  SessionRepository,
  type Session,
} from '../src/store/session/session.repository.js';

// The purge of old records in pandawa_conversation (FerretDB v1 has no TTL index), on a real
// MongoDB-wire server.
const DAY = 86_400_000;
const NOW = new Date('2026-12-02T01:00:00Z');
const logger = testLogger('conversation-purge');
let mongo: Connection;
let processed: IdempotencyStore;
let sessions: SessionRepository;

beforeAll(async () => {
  mongo = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName: testDbName(testNamespace(), 'conversation'),
    logger,
  });
  processed = new IdempotencyStore(mongo, CONVERSATION_CONSUMER);
  sessions = new SessionRepository(mongo);
});

afterAll(async () => {
  await mongo?.dropDatabase().catch(() => undefined);
  if (mongo) await closeMongo(mongo);
});

function session(key: string, lastActivityAt: Date): Session {
  return {
    id: sessionId('pekanbaru', key),
    officeId: 'pekanbaru',
    identity: { phone: key },
    profileName: 'Siti',
    flow: { ...initialState(1), step: 'kk', answers: { nik: '1471015501900003', documentIds: [] } },
    lastActivityAt,
    lastMessageAt: lastActivityAt,
    version: 1,
    recent: [],
    rate: { windowStartedAt: lastActivityAt, count: 1, warned: false },
  };
}

const schedule = (batchSize: number, maxBatches: number) =>
  new PurgeSchedule(
    {
      processed,
      sessions,
      logger,
      processedRetentionMs: 8 * DAY,
      sessionRetentionMs: 8 * DAY,
      batchSize,
      maxBatches,
    },
    3_600_000,
    () => NOW,
  );

describe('the purge of old conversation records', () => {
  it('forgets wamids past the redelivery horizon and long-idle sessions, in bounded batches, and keeps the rest', async () => {
    const records = mongo.collection<{ _id: string; at: Date }>('processed_conversation');
    const old = Array.from({ length: 7 }, (_, i) => ({
      _id: `wamid.old.${i}`,
      at: new Date(NOW.getTime() - 9 * DAY - i * 60_000),
    }));
    const recent = [
      { _id: 'wamid.recent.6d', at: new Date(NOW.getTime() - 6 * DAY) },
      // Inside Meta's 7 days plus the margin: still protects against a late redelivery.
      { _id: 'wamid.recent.7d23h', at: new Date(NOW.getTime() - 8 * DAY + 3_600_000) },
    ];
    await records.insertMany([...old, ...recent]);
    const idle = ['6281200000001', '6281200000002', '6281200000003'];
    for (const key of idle) await sessions.save(session(key, new Date(NOW.getTime() - 10 * DAY)));
    await sessions.save(session('6281200000009', new Date(NOW.getTime() - 2 * DAY)));

    // Batches of 3, at most 2 per run: the first run stops with work left.
    const first = await schedule(3, 2).runOnce();
    expect(first).toEqual({ processed: 6, sessions: 3, more: true });
    const second = await schedule(3, 2).runOnce();
    expect(second).toEqual({ processed: 1, sessions: 0, more: false });

    for (const r of old) expect(await processed.has(r._id)).toBe(false);
    for (const r of recent) expect(await processed.has(r._id)).toBe(true);
    for (const key of idle) expect(await sessions.load(sessionId('pekanbaru', key))).toBeNull();
    expect(await sessions.load(sessionId('pekanbaru', '6281200000009'))).toMatchObject({
      flow: { step: 'kk' },
    });
    expect(await schedule(3, 2).runOnce()).toEqual({ processed: 0, sessions: 0, more: false });
  });

  it('creates the indexes its queries use once, and starts and stops cleanly', async () => {
    const purge = schedule(100, 1);
    await purge.start();
    await purge.stop();
    // A second start finds them there (FerretDB v1 panics when asked to create existing ones).
    await purge.start();
    await purge.stop();
    const names = async (collection: string) =>
      (await mongo.collection(collection).listIndexes().toArray()).map((i) => i.name as string);
    expect(await names('processed_conversation')).toContain('recorded_at');
    expect(await names('sessions')).toContain('last_activity');
  });
});
