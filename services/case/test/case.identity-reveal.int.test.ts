import { randomUUID } from 'node:crypto';
import { testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  OFFICE,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';

const NIK = '1471011201900001';
const KK = '1471010101100002';
const officer: Caller = { id: 'officer-1', role: 'officer' };
const conversation: Caller = { id: 'conversation', role: 'service' };

/** RevealCitizenIdentity (architecture §8): the full NIK and KK, audited before they are answered. */
describe('case service: revealing a citizen’s full NIK and KK number (FerretDB, NATS, gRPC)', () => {
  let svc: InProcessCase;
  let caseId: string;
  const phone = '6281277712345';

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
    const made = await call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF',
        citizen: { phone, profileName: 'Budi', nik: NIK, kkNumber: KK, name: 'Budi Santoso' },
        description: 'NIK saya tidak aktif',
      },
      conversation,
    );
    caseId = made.id!;
  });
  afterAll(async () => {
    await svc?.close();
  });

  const reveal = (caller: Caller, reason = 'cek NIK di SIAK', officeId = OFFICE, id = caseId) =>
    call(svc.client, 'RevealCitizenIdentity', { officeId, caseId: id, reason }, caller);
  const audit = async () =>
    (await call(svc.client, 'GetCase', { officeId: OFFICE, id: caseId }, officer)).audit!;

  it('shows the numbers masked in every other answer, to every caller', async () => {
    for (const caller of [officer, { id: phone, role: 'citizen', citizen: { phone } }]) {
      const got = await call(svc.client, 'GetCase', { officeId: OFFICE, id: caseId }, caller);
      expect(got.citizen).toMatchObject({ nik: '1471********0001', kkNumber: '1471********0002' });
      expect(JSON.stringify(got)).not.toContain(NIK);
      expect(JSON.stringify(got)).not.toContain(KK);
    }
    const written = await call(
      svc.client,
      'AddInternalNote',
      { officeId: OFFICE, caseId, text: 'cek data' },
      officer,
    );
    expect(JSON.stringify(written)).not.toContain(NIK);
  });

  it('answers the full numbers to every staff role and audits each reveal with its reason, never the numbers', async () => {
    const before = await call(svc.client, 'GetCase', { officeId: OFFICE, id: caseId }, officer);
    for (const role of ['officer', 'supervisor', 'admin']) {
      const revealed = await reveal({ id: `${role}-7`, role }, `  cek SIAK oleh ${role}  `);
      expect(revealed).toMatchObject({ caseId, nik: NIK, kkNumber: KK });
      expect(Date.parse(revealed.revealedAt!)).not.toBeNaN();
    }
    const after = await call(svc.client, 'GetCase', { officeId: OFFICE, id: caseId }, officer);
    const reveals = after.audit!.filter((a) => a.action === 'identity_revealed');
    expect(reveals.map((a) => [a.actorId, a.actorRole, a.reason])).toEqual([
      ['officer-7', 'officer', 'cek SIAK oleh officer'],
      ['supervisor-7', 'supervisor', 'cek SIAK oleh supervisor'],
      ['admin-7', 'admin', 'cek SIAK oleh admin'],
    ]);
    for (const entry of reveals) {
      expect(JSON.stringify(entry)).not.toContain(NIK);
      expect(JSON.stringify(entry)).not.toContain(KK);
      expect(JSON.parse(entry.after!)).toEqual({ fields: ['nik', 'kkNumber'] });
    }
    // A record of who looked, not a change: an officer's pending edit stays valid.
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toBe(before.updatedAt);
  });

  it('refuses callers that are not staff, another office and an unknown case, and writes nothing', async () => {
    const entries = (await audit()).length;
    await expect(reveal(conversation)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(reveal({ id: phone, role: 'citizen', citizen: { phone } })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(reveal(officer, 'cek SIAK', 'dumai')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(reveal({ ...officer, officeId: 'dumai' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(reveal(officer, 'cek SIAK', OFFICE, randomUUID())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await audit()).length).toBe(entries);
  });

  it('requires a reason: 3 to 200 printable ASCII characters, one line', async () => {
    const entries = (await audit()).length;
    for (const reason of ['', '  ', 'ab', 'r'.repeat(201), 'cek\nSIAK', 'cek\u0000', 'periksa é']) {
      await expect(reveal(officer, reason), JSON.stringify(reason)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    expect((await audit()).length).toBe(entries);
    await expect(reveal(officer, 'r'.repeat(200))).resolves.toMatchObject({ nik: NIK });
  });
});
