import { randomUUID } from 'node:crypto';
import { CASE_LIMITS, COMMON_LIMITS, IDENTITY_LIMITS } from '@pandawa/contracts';
import { testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePageToken } from '../src/grpc/page-token.js';
import {
  call,
  OFFICE,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';
import { storeSnapshot } from './support/store-snapshot.js';

// One test per defect of issue 10 (case): each bound refused with INVALID_ARGUMENT naming the
// field and its limit, before anything is written.

const officer: Caller = { id: 'officer-1', role: 'officer' };
const conversation: Caller = { id: 'conversation', role: 'service' };
const supervisor: Caller = { id: 'supervisor-1', role: 'supervisor' };
const long = (n: number) => 'a'.repeat(n);

let seq = 0;
const newPhone = () => `62813000${String(++seq).padStart(5, '0')}`;

describe('case request bounds (FerretDB, NATS, gRPC)', () => {
  let svc: InProcessCase;

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
  });
  afterAll(async () => {
    await svc?.close();
  });

  const createRequest = (
    extra: Record<string, unknown> = {},
    citizen: Record<string, unknown> = {},
  ) => ({
    officeId: OFFICE,
    idempotencyKey: randomUUID(),
    category: 'NIK_TIDAK_AKTIF' as const,
    citizen: { phone: newPhone(), profileName: 'Budi', name: 'Budi Santoso', ...citizen },
    description: 'NIK saya tidak aktif',
    ...extra,
  });

  /** Calls, expects INVALID_ARGUMENT whose message names `field` (and `limit`), and no write. */
  async function refused(
    send: () => Promise<unknown>,
    field: string,
    limit?: number,
  ): Promise<{ reason?: string; message?: string }> {
    const before = await storeSnapshot(svc.mongo, svc.bus);
    const error = (await send().then(
      () => {
        throw new Error(`expected ${field} to be refused`);
      },
      (e: unknown) => e,
    )) as { code?: string; reason?: string; message?: string };
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(field);
    if (limit !== undefined) expect(error.message).toContain(String(limit));
    expect(await storeSnapshot(svc.mongo, svc.bus)).toBe(before);
    return error;
  }

  async function openCase() {
    return call(svc.client, 'CreateCase', createRequest(), conversation);
  }

  async function processing() {
    const c = await openCase();
    await call(
      svc.client,
      'TransitionCase',
      { officeId: OFFICE, caseId: c.id!, toStatus: 'DIVERIFIKASI' },
      officer,
    );
    return call(
      svc.client,
      'TransitionCase',
      { officeId: OFFICE, caseId: c.id!, toStatus: 'DIPROSES' },
      officer,
    );
  }

  it('refuses a citizen name longer than its bound, and writes nothing', async () => {
    await refused(
      () =>
        call(
          svc.client,
          'CreateCase',
          createRequest({}, { name: long(CASE_LIMITS.citizenName + 1) }),
          conversation,
        ),
      'citizen.name',
      CASE_LIMITS.citizenName,
    );
    // At the bound it opens.
    const ok = await call(
      svc.client,
      'CreateCase',
      createRequest({}, { name: long(CASE_LIMITS.citizenName) }),
      conversation,
    );
    expect(ok.status).toBe('BARU');
  });

  it('refuses a profile name longer than its bound', async () => {
    await refused(
      () =>
        call(
          svc.client,
          'CreateCase',
          createRequest({}, { profileName: long(CASE_LIMITS.profileName + 1) }),
          conversation,
        ),
      'citizen.profile_name',
      CASE_LIMITS.profileName,
    );
  });

  it('refuses a BSUID or phone number longer than its bound', async () => {
    await refused(
      () =>
        call(
          svc.client,
          'CreateCase',
          createRequest({}, { bsuid: `ID.${'1'.repeat(IDENTITY_LIMITS.bsuid)}` }),
          conversation,
        ),
      'citizen.bsuid',
      IDENTITY_LIMITS.bsuid,
    );
    await refused(
      () =>
        call(
          svc.client,
          'CreateCase',
          createRequest({}, { phone: '6'.repeat(IDENTITY_LIMITS.phone + 1) }),
          conversation,
        ),
      'citizen.phone',
      IDENTITY_LIMITS.phone,
    );
  });

  it('does not open a case with a blank description', async () => {
    const error = await refused(
      () => call(svc.client, 'CreateCase', createRequest({ description: ' \n\t ' }), conversation),
      'description',
    );
    expect(error.reason).toBe('DESCRIPTION_REQUIRED');
  });

  it('refuses an office id longer than the event envelope allows up front, not INTERNAL after a first write', async () => {
    const office = `o${long(COMMON_LIMITS.officeId)}`;
    await refused(
      () =>
        call(svc.client, 'CreateCase', createRequest({ officeId: office }), {
          ...conversation,
          officeId: office,
        }),
      'office_id',
      COMMON_LIMITS.officeId,
    );
  });

  it('refuses a NUL or other control character in a field', async () => {
    const error = await refused(
      () =>
        call(
          svc.client,
          'CreateCase',
          createRequest({}, { name: 'Budi\u0000Santoso' }),
          conversation,
        ),
      'citizen.name',
    );
    expect(error.reason).toBe('FIELD_CONTROL_CHARACTER');
  });

  it('refuses a DITOLAK reason longer than its bound, and the case stays as it was', async () => {
    const c = await openCase();
    await refused(
      () =>
        call(
          svc.client,
          'TransitionCase',
          {
            officeId: OFFICE,
            caseId: c.id!,
            toStatus: 'DITOLAK',
            reason: long(CASE_LIMITS.reason + 1),
          },
          officer,
        ),
      'reason',
      CASE_LIMITS.reason,
    );
  });

  it('refuses a SELESAI reason longer than its bound', async () => {
    const c = await processing();
    await refused(
      () =>
        call(
          svc.client,
          'TransitionCase',
          {
            officeId: OFFICE,
            caseId: c.id!,
            toStatus: 'SELESAI',
            reason: long(CASE_LIMITS.reason + 1),
          },
          officer,
        ),
      'reason',
      CASE_LIMITS.reason,
    );
  });

  it('refuses visit instructions longer than their bound', async () => {
    const c = await processing();
    await refused(
      () =>
        call(
          svc.client,
          'TransitionCase',
          {
            officeId: OFFICE,
            caseId: c.id!,
            toStatus: 'PERLU_KUNJUNGAN',
            visitInstructions: long(CASE_LIMITS.visitInstructions + 1),
          },
          officer,
        ),
      'visit_instructions',
      CASE_LIMITS.visitInstructions,
    );
  });

  it('refuses too many missing items, and a missing item longer than its bound', async () => {
    const c = await processing();
    const wait = (missingItems: string[]) =>
      call(
        svc.client,
        'TransitionCase',
        { officeId: OFFICE, caseId: c.id!, toStatus: 'MENUNGGU_DATA', missingItems },
        officer,
      );
    await refused(
      () => wait(Array.from({ length: CASE_LIMITS.missingItems + 1 }, (_, i) => `Dokumen ${i}`)),
      'missing_items',
      CASE_LIMITS.missingItems,
    );
    await refused(
      () => wait([long(CASE_LIMITS.missingItem + 1)]),
      'missing_items',
      CASE_LIMITS.missingItem,
    );
  });

  it('refuses an unassign reason longer than its bound', async () => {
    const c = await openCase();
    await call(
      svc.client,
      'AssignCase',
      { officeId: OFFICE, caseId: c.id!, assigneeId: 'officer-2' },
      supervisor,
    );
    await refused(
      () =>
        call(
          svc.client,
          'UnassignCase',
          { officeId: OFFICE, caseId: c.id!, reason: long(CASE_LIMITS.reason + 1) },
          supervisor,
        ),
      'reason',
      CASE_LIMITS.reason,
    );
  });

  it('refuses a note and a reply longer than one WhatsApp text (4 096 characters)', async () => {
    const c = await openCase();
    await refused(
      () =>
        call(
          svc.client,
          'AddInternalNote',
          { officeId: OFFICE, caseId: c.id!, text: long(4097) },
          officer,
        ),
      'text',
      4096,
    );
    await refused(
      () =>
        call(
          svc.client,
          'AddOfficerReply',
          { officeId: OFFICE, caseId: c.id!, text: long(4097) },
          officer,
        ),
      'text',
      4096,
    );
  });

  it('refuses an unknown list order instead of silently listing newest first', async () => {
    const error = await refused(
      () => call(svc.client, 'ListCases', { officeId: OFFICE, order: 7 as never }, officer),
      'order',
    );
    expect(error.reason).toBe('ORDER_INVALID');
  });

  it('refuses page tokens with non-finite or absurd times', async () => {
    const token = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const pageToken of [
      token([null, 'x']), // NaN and Infinity serialise as null
      token([1e300, 'x']),
      token([-8.64e15, 'x']),
      token([Date.UTC(1970, 0, 1), 'x']),
      token([Date.UTC(2999, 0, 1), 'x']),
      token([Date.now() + 0.5, 'x']),
      token([Date.now(), '']),
      token([Date.now(), long(COMMON_LIMITS.id + 1)]),
    ]) {
      const error = await refused(
        () => call(svc.client, 'ListCases', { officeId: OFFICE, pageToken }, officer),
        'page token',
      );
      expect(error.reason).toBe('BAD_PAGE_TOKEN');
    }
    // A token the service made is still read.
    const good = encodePageToken({ at: new Date(), id: randomUUID() });
    await expect(
      call(svc.client, 'ListCases', { officeId: OFFICE, pageToken: good }, officer),
    ).resolves.toBeDefined();
  });

  it('refuses a negative page size and a negative expected version', async () => {
    await refused(
      () => call(svc.client, 'ListCases', { officeId: OFFICE, pageSize: -1 }, officer),
      'page_size',
      100,
    );
    const c = await openCase();
    await refused(
      () =>
        call(
          svc.client,
          'TransitionCase',
          { officeId: OFFICE, caseId: c.id!, toStatus: 'DIVERIFIKASI', expectedVersion: '-1' },
          officer,
        ),
      'expected_version',
    );
  });

  it('refuses statistics over times outside the sane window', async () => {
    await refused(
      () =>
        call(
          svc.client,
          'GetStatistics',
          { officeId: OFFICE, from: '0001-01-01T00:00:00Z' },
          officer,
        ),
      'from',
    );
    await refused(
      () =>
        call(
          svc.client,
          'GetStatistics',
          { officeId: OFFICE, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
          officer,
        ),
      'from',
    );
  });
});
