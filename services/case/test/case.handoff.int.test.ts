import { randomUUID } from 'node:crypto';
import { testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  OFFICE,
  readCaseEvents,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';

// The citizen's request for an officer and the officer's hand-back (architecture §6.1), over
// real gRPC, FerretDB and NATS.
const officer: Caller = { id: 'officer-1', role: 'officer', officeId: OFFICE };
const supervisor: Caller = { id: 'supervisor-1', role: 'supervisor', officeId: OFFICE };
const admin: Caller = { id: 'admin-1', role: 'admin', officeId: OFFICE };
const otherOffice: Caller = { id: 'officer-dumai', role: 'officer', officeId: 'dumai' };

let seq = 0;
const newPhone = () => `62813${String(Date.now() % 1_000_000).padStart(6, '0')}${++seq}`;

describe('handoff to an officer and back to the bot (FerretDB, NATS)', () => {
  let svc: InProcessCase;

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
  });
  afterAll(async () => {
    await svc?.close();
  });

  const asCitizen = (phone: string): Caller => ({
    id: phone,
    role: 'citizen',
    citizen: { phone },
  });

  /** A case the conversation opened, as a plain complaint or as a handoff (request_officer). */
  const open = (phone: string, requestOfficer: boolean) =>
    call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'LAINNYA',
        citizen: { profileName: 'Budi' },
        description: 'Warga meminta bicara dengan petugas.',
        requestOfficer,
      },
      asCitizen(phone),
    );

  const handBack = (caseId: string, caller: Caller, extra: Record<string, unknown> = {}) =>
    call(svc.client, 'HandBackToBot', { officeId: OFFICE, caseId, ...extra }, caller);

  const waiting = async () =>
    (
      await call(
        svc.client,
        'ListCases',
        { officeId: OFFICE, awaitingOfficer: true, pageSize: 100 },
        officer,
      )
    ).cases.map((c) => c.id);

  it('a handoff case waits for an officer: active, listed in the queue filter, with an event', async () => {
    const phone = newPhone();
    const handed = await open(phone, true);
    expect(handed.handoff).toMatchObject({ active: true, endedAt: '', endedBy: '' });
    expect(handed.handoff?.requestedAt).not.toBe('');
    const plain = await open(newPhone(), false);
    expect(plain.handoff).toMatchObject({ active: false, requestedAt: '' });
    const listed = await waiting();
    expect(listed).toContain(handed.id);
    expect(listed).not.toContain(plain.id);
    const events = await waitFor(async () => {
      const mine = (await readCaseEvents(svc.bus)).filter((e) => e.data.caseId === handed.id);
      return mine.some((e) => e.type === 'case.events.handoff_changed') ? mine : undefined;
    });
    expect(events.find((e) => e.type === 'case.events.handoff_changed')?.data).toMatchObject({
      active: true,
      actor: { id: phone, role: 'citizen' },
    });
  });

  it('an officer hands it back: ended, audited, one event, out of the filter; a second call is a no-op', async () => {
    const handed = await open(newPhone(), true);
    const back = await handBack(handed.id, officer);
    expect(back.status).toBe('BARU');
    expect(back.handoff).toMatchObject({ active: false, endedBy: 'officer-1' });
    expect(back.handoff?.endedAt).not.toBe('');
    expect(back.audit?.at(-1)).toMatchObject({
      action: 'handed_back',
      actorId: 'officer-1',
      actorRole: 'officer',
    });
    expect(await waiting()).not.toContain(handed.id);

    const again = await handBack(handed.id, officer);
    expect(again.version).toBe(back.version);
    expect(again.audit?.filter((a) => a.action === 'handed_back')).toHaveLength(1);
    const events = await waitFor(async () => {
      const changes = (await readCaseEvents(svc.bus)).filter(
        (e) => e.data.caseId === handed.id && e.type === 'case.events.handoff_changed',
      );
      return changes.length >= 2 ? changes : undefined;
    });
    expect(events.map((e) => e.data.active)).toEqual([true, false]);
    expect(events[1]!.data).toMatchObject({
      actor: { id: 'officer-1', role: 'officer' },
      endedAt: expect.any(String),
    });
  });

  it('supervisors and admins may hand back; citizens and services may not; another office gets NOT_FOUND', async () => {
    const phone = newPhone();
    const a = await open(phone, true);
    const b = await open(newPhone(), true);
    await expect(handBack(a.id, asCitizen(phone))).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(handBack(a.id, { id: 'conversation', role: 'service' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(
      call(svc.client, 'HandBackToBot', { officeId: 'dumai', caseId: a.id }, otherOffice),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await handBack(a.id, supervisor)).handoff?.active).toBe(false);
    expect((await handBack(b.id, admin)).handoff?.endedBy).toBe('admin-1');
    await expect(handBack(randomUUID(), officer)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a citizen message asking for an officer restarts a handoff on an open case; closing the case ends it', async () => {
    const phone = newPhone();
    const plain = await open(phone, false);
    const add = (waMessageId: string, requestOfficer: boolean) =>
      call(
        svc.client,
        'AddCitizenMessage',
        {
          officeId: OFFICE,
          caseId: plain.id,
          text: 'Warga meminta bicara dengan petugas.',
          waMessageId,
          requestOfficer,
        },
        asCitizen(phone),
      );
    expect((await add('wamid.h1', false)).handoff?.active).toBe(false);
    const asked = await add('wamid.h2', true);
    expect(asked.handoff?.active).toBe(true);
    // Asking again while it runs keeps the citizen's place (the first request time).
    const twice = await add('wamid.h3', true);
    expect(twice.handoff?.requestedAt).toBe(asked.handoff?.requestedAt);
    await handBack(plain.id, officer);
    const anew = await add('wamid.h4', true);
    expect(anew.handoff).toMatchObject({ active: true, endedAt: '' });

    const closed = await call(
      svc.client,
      'TransitionCase',
      { officeId: OFFICE, caseId: plain.id, toStatus: 'DITOLAK', reason: 'Sudah dijawab' },
      officer,
    );
    expect(closed.handoff?.active).toBe(false);
    expect(await waiting()).not.toContain(plain.id);
    // Nothing to hand back on a closed case: unchanged.
    expect((await handBack(plain.id, officer)).version).toBe(closed.version);
  });

  it('refuses an expected version the case has moved past', async () => {
    const handed = await open(newPhone(), true);
    await expect(
      handBack(handed.id, officer, { expectedVersion: Number(handed.version) + 5 }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(handBack(handed.id, officer, { expectedVersion: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
