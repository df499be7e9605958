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
  awaitingOfficer: boolean;
  audit: { actor: { id: string | null; displayName: string | null }; action: string }[];
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
      awaitingOfficer: false,
    });
    expect(back.body.audit.at(-1)).toMatchObject({
      action: 'handed_back',
      actor: { id: desk.accountIds['officer.pekanbaru'] },
    });
    // Again, or on a case nobody handed off: unchanged, nothing written.
    const again = await handBack('supervisor.pekanbaru', c.id);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(back.body.version);
    const plain = await desk.seedCase('pekanbaru');
    const none = await handBack('admin.pekanbaru', plain.id);
    expect(none.status).toBe(200);
    expect(none.body.awaitingOfficer).toBe(false);
    expect(none.body.audit.map((a) => a.action)).not.toContain('handed_back');
  });

  it('the queue lists the cases whose citizen waits for an officer, and drops one handed back', async () => {
    const waiting = await desk.seedCase('pekanbaru', { category: 'LAINNYA', requestOfficer: true });
    const plain = await desk.seedCase('pekanbaru');
    const queue = async () => {
      const res = await desk.api(
        await desk.tokenOf('officer.pekanbaru'),
        'GET',
        '/cases?awaitingOfficer=true&limit=100',
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string; awaitingOfficer: boolean }[] }).items;
    };
    const before = await queue();
    expect(before.find((c) => c.id === waiting.id)?.awaitingOfficer).toBe(true);
    expect(before.map((c) => c.id)).not.toContain(plain.id);
    expect(before.every((c) => c.awaitingOfficer)).toBe(true);
    await handBack('officer.pekanbaru', waiting.id);
    expect((await queue()).map((c) => c.id)).not.toContain(waiting.id);
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
