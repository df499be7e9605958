import { randomUUID } from 'node:crypto';
import { citizenKey, waInIdentityChanged } from '@pandawa/contracts';
import { EventPublisher } from '@pandawa/nats';
import { testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseKey } from '../src/store/case/case.repository.js';
import type { CaseDocument } from '../src/store/case/case.schema.js';
import {
  call,
  OFFICE,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';

const officer: Caller = { id: 'officer-1', role: 'officer' };

let seq = 0;
const newBsuid = () => `ID.${Date.now()}${String(++seq).padStart(4, '0')}`;
const newPhone = () => `62813${String(Date.now() % 1e6).padStart(6, '0')}${seq++ % 10}`;

/** The conversation service calling for a citizen: x-actor-id = citizenKey, plus the identity. */
const citizenCaller = (who: { bsuid?: string; phone?: string }): Caller => ({
  id: citizenKey(who),
  role: 'citizen',
  citizen: who,
});

describe('citizens as WhatsApp identifies them (BSUID first, phone optional)', () => {
  let svc: InProcessCase;

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
  });
  afterAll(async () => {
    await svc?.close();
  });

  const open = (caller: Caller, citizen: Record<string, string> = {}) =>
    call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF',
        citizen: { name: 'Siti', ...citizen },
        description: 'NIK tidak aktif',
      },
      caller,
    );
  const listOwn = async (caller: Caller) =>
    (await call(svc.client, 'ListCitizenCases', { officeId: OFFICE }, caller)).cases!.map(
      (c) => c.id,
    );

  it('a BSUID-only citizen opens a case, lists it and looks it up by tracking code', async () => {
    const bsuid = newBsuid();
    const me = citizenCaller({ bsuid });
    const made = await open(me, { username: 'siti.pku' });
    expect(made.citizen).toMatchObject({ bsuid, phone: '', username: 'siti.pku' });
    expect(await listOwn(me)).toEqual([made.id]);
    const found = await call(
      svc.client,
      'GetCase',
      { officeId: OFFICE, trackingCode: made.trackingCode },
      me,
    );
    expect(found.id).toBe(made.id);
    // An officer finds the same case by the BSUID.
    const byOfficer = await call(
      svc.client,
      'ListCitizenCases',
      { officeId: OFFICE, bsuid },
      officer,
    );
    expect(byOfficer.cases!.map((c) => c.id)).toEqual([made.id]);
  });

  it("a case stored before BSUIDs (phone only, legacy waId) is the citizen's when they come back with phone and BSUID, and then by BSUID alone", async () => {
    const phone = newPhone();
    const bsuid = newBsuid();
    // A record as the case service wrote it before BSUIDs: citizen.waId, a phone-keyed ref.
    const legacy = await open(officer, { phone });
    const raw = svc.mongo.collection<CaseDocument>('cases');
    await raw.updateOne(
      { _id: caseKey(OFFICE, legacy.id) },
      { $set: { 'citizen.waId': phone }, $unset: { 'citizen.phone': '' } },
    );
    expect(await listOwn(citizenCaller({ phone }))).toEqual([legacy.id]);

    const both = citizenCaller({ bsuid, phone });
    expect(await listOwn(both)).toEqual([legacy.id]);
    const second = await open(both);
    expect(await listOwn(both)).toEqual([second.id, legacy.id]);
    // Linked: WhatsApp may now withhold the number (a username citizen).
    expect(await listOwn(citizenCaller({ bsuid }))).toEqual([second.id, legacy.id]);
    const viaCode = await call(
      svc.client,
      'GetCase',
      { officeId: OFFICE, trackingCode: legacy.trackingCode },
      citizenCaller({ bsuid }),
    );
    expect(viaCode.citizen).toMatchObject({ bsuid, phone });
    // A later owner of the same number (another BSUID) does not get them.
    expect(await listOwn(citizenCaller({ bsuid: newBsuid(), phone }))).toEqual([]);
  });

  it("an identity change from WhatsApp moves the citizen's cases to the new BSUID", async () => {
    const oldBsuid = newBsuid();
    const newId = newBsuid();
    const made = await open(citizenCaller({ bsuid: oldBsuid }));
    await new EventPublisher(svc.bus.js).publish(
      svc.bus.topology.subjects.waInIdentityChanged,
      waInIdentityChanged.create({
        id: `wamid.change-${oldBsuid}`,
        officeId: OFFICE,
        data: {
          phoneNumberId: '106540352242922',
          messageId: `wamid.change-${oldBsuid}`,
          change: 'user_changed_user_id',
          previous: { bsuid: oldBsuid },
          current: { bsuid: newId },
          timestamp: String(Math.floor(Date.now() / 1000)),
        },
      }),
      { msgID: `wamid.change-${oldBsuid}` },
    );
    await waitFor(
      async () => (await listOwn(citizenCaller({ bsuid: newId }))).includes(made.id),
      20_000,
      'the case listed under the new BSUID',
    );
    expect(await listOwn(citizenCaller({ bsuid: oldBsuid }))).toEqual([]);
    const moved = await call(svc.client, 'GetCase', { officeId: OFFICE, id: made.id }, officer);
    expect(moved.citizen!.bsuid).toBe(newId);
  });

  it("another citizen's identity sees none of a citizen's cases", async () => {
    const mine = await open(citizenCaller({ bsuid: newBsuid() }));
    const other = citizenCaller({ bsuid: newBsuid(), phone: newPhone() });
    expect(await listOwn(other)).toEqual([]);
    await expect(
      call(svc.client, 'GetCase', { officeId: OFFICE, trackingCode: mine.trackingCode }, other),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call(
        svc.client,
        'ListCitizenCases',
        { officeId: OFFICE, bsuid: mine.citizen!.bsuid! },
        other,
      ),
    ).resolves.toMatchObject({ cases: [] });
    // Nor can a citizen caller open a case in someone else's name.
    await expect(open(other, { bsuid: mine.citizen!.bsuid! })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('refuses a citizen caller whose actor id is not the key of the identity it carries', async () => {
    const bsuid = newBsuid();
    await expect(
      call(
        svc.client,
        'ListCitizenCases',
        { officeId: OFFICE },
        {
          id: newPhone(),
          role: 'citizen',
          citizen: { bsuid },
        },
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
