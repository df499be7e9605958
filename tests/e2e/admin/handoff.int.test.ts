import { callerMetadata, callUnary } from '@pandawa/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskSystem, type DeskSystem } from './support/desk-system.js';

/**
 * An officer hands a conversation back to the bot through the admin API (gateway → case over
 * gRPC with the gateway's caller proof; real processes, NATS and FerretDB).
 */
interface HandBackBody {
  id: string;
  status: string;
  version: number;
  handoff: {
    active: boolean;
    requestedAt: string | null;
    endedAt: string | null;
    endedBy: string | null;
  };
  audit: { actorId: string; action: string }[];
  error?: { code: string };
}

describe('POST /cases/{caseId}/hand-back', () => {
  let desk: DeskSystem;
  const handBack = async (username: string, caseId: string, body: unknown = {}) => {
    const res = await desk.api(
      await desk.tokenOf(username),
      'POST',
      `/cases/${caseId}/hand-back`,
      body,
    );
    return { status: res.status, body: (await res.json()) as HandBackBody };
  };

  beforeAll(async () => {
    desk = await startDeskSystem();
  }, 240_000);
  afterAll(async () => {
    await desk?.stop();
  });

  it("ends the handoff of a citizen waiting for an officer, audited under the officer's account", async () => {
    const c = await desk.seedCase('pekanbaru', { category: 'LAINNYA', requestOfficer: true });
    const back = await handBack('officer.pekanbaru', c.id);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      id: c.id,
      status: 'BARU',
      handoff: { active: false, endedBy: desk.accountIds['officer.pekanbaru'] },
    });
    expect(back.body.handoff.requestedAt).not.toBeNull();
    expect(back.body.handoff.endedAt).not.toBeNull();
    expect(back.body.audit.at(-1)).toMatchObject({
      action: 'handed_back',
      actorId: desk.accountIds['officer.pekanbaru'],
    });
    // Again, or on a case nobody handed off: unchanged, nothing written.
    const again = await handBack('supervisor.pekanbaru', c.id);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(back.body.version);
    const plain = await desk.seedCase('pekanbaru');
    const none = await handBack('admin.pekanbaru', plain.id);
    expect(none.status).toBe(200);
    expect(none.body.handoff).toMatchObject({ active: false, requestedAt: null });
  });

  it("answers 404 for another office's case and 409 for a stale version; the handoff keeps running", async () => {
    const c = await desk.seedCase('pekanbaru', { category: 'LAINNYA', requestOfficer: true });
    const foreign = await handBack('supervisor.dumai', c.id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.code).toBe('NOT_FOUND');
    const stale = await handBack('officer.pekanbaru', c.id, { expectedVersion: 99 });
    expect(stale.status).toBe(409);
    const still = await callUnary(
      desk.grpc.cases,
      desk.grpc.cases.getCase,
      { officeId: 'pekanbaru', id: c.id },
      {
        deadlineMs: 60_000,
        metadata: callerMetadata({
          id: 'officer-check',
          role: 'officer',
          officeId: 'pekanbaru',
        }),
      },
    );
    expect(still.handoff?.active).toBe(true);
  });

  it('refuses a body it does not know and a malformed case id with 400', async () => {
    const c = await desk.seedCase('pekanbaru', { category: 'LAINNYA', requestOfficer: true });
    expect((await handBack('officer.pekanbaru', c.id, { handBack: true })).status).toBe(400);
    expect((await handBack('officer.pekanbaru', 'not$an$id')).status).toBe(400);
  });
});
