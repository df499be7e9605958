import { closeMongo, connectMongo, type Connection } from '@pandawa/mongo';
import { testDbName, testLogger, testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followIdentityChange } from '../src/application/follow-identity-change.js';
import { initialState } from '../src/domain/intake.machine.js';
import {
  sessionId,
  SessionRepository,
  type Session,
} from '../src/store/session/session.repository.js';

// Sessions follow a citizen's identity change (architecture §1), on a real MongoDB-wire server.
let mongo: Connection;
let sessions: SessionRepository;
const logger = testLogger('conversation');

beforeAll(async () => {
  mongo = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName: testDbName(testNamespace(), 'conversation'),
    logger,
  });
  sessions = new SessionRepository(mongo);
});

afterAll(async () => {
  await mongo?.dropDatabase().catch(() => undefined);
  if (mongo) await closeMongo(mongo);
});

function session(id: string, phone: string): Session {
  return {
    id,
    officeId: 'pekanbaru',
    identity: { phone },
    profileName: 'Siti',
    flow: { ...initialState(2), step: 'kk', answers: { nik: '1471015501900003', documentIds: [] } },
    lastActivityAt: new Date(),
    lastMessageAt: new Date(),
    version: 1,
    recent: [{ messageId: 'wamid.1', commands: [] }],
    rate: { windowStartedAt: new Date(), count: 3, warned: false },
  };
}

describe('a citizen whose identity changes', () => {
  it('keeps their half-done complaint under the new identity, once', async () => {
    const phone = '6281211112222';
    const bsuid = 'ID.99887766554433';
    expect(await sessions.save(session(sessionId('pekanbaru', phone), phone))).toBe(true);
    const change = { officeId: 'pekanbaru', previous: { phone }, current: { phone, bsuid } };

    expect(await followIdentityChange({ sessions, logger }, change)).toBe('moved');
    expect(await sessions.load(sessionId('pekanbaru', phone))).toBeNull();
    const moved = await sessions.load(sessionId('pekanbaru', bsuid));
    expect(moved).toMatchObject({
      identity: { phone, bsuid },
      version: 1,
      flow: { step: 'kk', intakeSeq: 2, answers: { nik: '1471015501900003' } },
    });
    // Delivered again: nothing left to move.
    expect(await followIdentityChange({ sessions, logger }, change)).toBe('nothing');
  });

  it('a new number under the same BSUID only updates where replies go', async () => {
    const bsuid = 'ID.11223344556677';
    const stored = {
      ...session(sessionId('pekanbaru', bsuid), '6281233334444'),
      identity: { bsuid, phone: '6281233334444' },
    };
    await sessions.save(stored);
    const outcome = await followIdentityChange(
      { sessions, logger },
      {
        officeId: 'pekanbaru',
        previous: { bsuid, phone: '6281233334444' },
        current: { bsuid, phone: '6281255556666' },
      },
    );
    expect(outcome).toBe('updated');
    expect((await sessions.load(sessionId('pekanbaru', bsuid)))?.identity).toEqual({
      bsuid,
      phone: '6281255556666',
    });
  });
});
