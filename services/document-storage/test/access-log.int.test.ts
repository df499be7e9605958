import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from './fixtures.js';
import {
  callerMetadata,
  readDocument,
  startHarness,
  unary,
  uploadDocument,
  type Harness,
} from './harness.js';

const OFFICE = 'pekanbaru';

interface Entry {
  id: string;
  officeId: string;
  documentId: string;
  caseId: string;
  action: string;
  actorId: string;
  actorRole: string;
  actorOfficeId: string;
  reason: string;
  outcome: string;
  deniedReason: string;
  at: string;
}
interface Page {
  entries: Entry[];
  nextPageToken: string;
}

/** ListDocumentAccess: the access log as a supervisor reads it, over real gRPC and FerretDB. */
describe('DocumentService.ListDocumentAccess', () => {
  let h: Harness;
  const supervisor = callerMetadata({ id: 'spv-1', role: 'supervisor', reason: '' });
  const list = (request: Record<string, unknown>, md = supervisor) =>
    unary<Record<string, unknown>, Page>(
      h.client,
      'listDocumentAccess',
      { officeId: OFFICE, ...request },
      md,
    );
  let docA = '';
  let docB = '';

  beforeAll(async () => {
    h = await startHarness();
    docA = (
      await uploadDocument(h.client, { officeId: OFFICE, caseId: 'case-a', kind: 'KK' }, pdf())
    ).id;
    docB = (
      await uploadDocument(
        h.client,
        { officeId: OFFICE, caseId: 'case-b', kind: 'KTP_EL' },
        pdf('/Title (b)'),
      )
    ).id;
    const reader = (id: string, reason: string) => callerMetadata({ id, reason });
    await readDocument(h.client, OFFICE, docA, reader('officer-1', 'verifikasi KK'));
    await readDocument(h.client, OFFICE, docB, reader('officer-2', 'cek KTP'));
    await readDocument(h.client, OFFICE, docA, reader('officer-2', 'cek ulang'));
    // Refused: no reason given. Recorded as DENIED.
    await expect(
      readDocument(h.client, OFFICE, docA, reader('officer-3', '')),
    ).rejects.toMatchObject({ reason: 'ACCESS_REASON_REQUIRED' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the office’s reads newest first, served and refused, with who, when and why', async () => {
    const page = await list({});
    const reads = page.entries.filter((e) => e.action === 'READ');
    expect(reads.map((e) => [e.actorId, e.documentId, e.outcome])).toEqual([
      ['officer-3', docA, 'DENIED'],
      ['officer-2', docA, 'OK'],
      ['officer-2', docB, 'OK'],
      ['officer-1', docA, 'OK'],
    ]);
    expect(reads[0]).toMatchObject({
      deniedReason: 'ACCESS_REASON_REQUIRED',
      actorRole: 'officer',
      actorOfficeId: OFFICE,
      officeId: OFFICE,
    });
    expect(reads[1]).toMatchObject({ reason: 'cek ulang', caseId: 'case-a', deniedReason: '' });
    const times = page.entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by case, document, officer and time, and pages with the token it made', async () => {
    expect((await list({ caseId: 'case-b' })).entries.map((e) => e.documentId)).toEqual([docB]);
    const byDoc = await list({ documentId: docA, actorId: 'officer-2' });
    expect(byDoc.entries.map((e) => [e.actorId, e.reason])).toEqual([['officer-2', 'cek ulang']]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list({ from: future })).entries).toEqual([]);
    expect((await list({ to: '2020-01-02T00:00:00Z' })).entries).toEqual([]);

    const all = (await list({ pageSize: 100 })).entries.map((e) => e.id);
    const seen: string[] = [];
    let token = '';
    do {
      const page = await list({ pageSize: 2, pageToken: token });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.id));
      token = page.nextPageToken;
    } while (token);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('is for supervisors and admins of the office only; bad tokens and times are refused', async () => {
    await expect(list({}, callerMetadata({ id: 'officer-1' }))).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      reason: 'ROLE_NOT_ALLOWED',
    });
    await expect(
      list({}, callerMetadata({ id: 'conversation', role: 'service' })),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(
      list({}, callerMetadata({ id: 'spv-dumai', role: 'supervisor', officeId: 'dumai' })),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'OTHER_OFFICE' });
    // Dumai's supervisor in Dumai's name sees nothing of Pekanbaru's.
    const dumai = callerMetadata({ id: 'spv-dumai', role: 'supervisor', officeId: 'dumai' });
    expect(
      (await unary<object, Page>(h.client, 'listDocumentAccess', { officeId: 'dumai' }, dumai))
        .entries,
    ).toEqual([]);
    const admin = callerMetadata({ id: 'admin-1', role: 'admin', reason: '' });
    expect((await list({}, admin)).entries.length).toBeGreaterThan(0);

    for (const [request, reason] of [
      [{ pageToken: 'not-a-token' }, 'BAD_PAGE_TOKEN'],
      [{ pageToken: Buffer.from('[1,"x"]').toString('base64url') }, 'BAD_PAGE_TOKEN'],
      [{ from: 'yesterday' }, 'BAD_TIME'],
      [{ from: '1999-01-01T00:00:00Z' }, 'TIME_OUT_OF_RANGE'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'TIME_RANGE_INVALID'],
      [{ pageSize: -1 }, 'PAGE_SIZE_INVALID'],
      [{ actorId: 'x'.repeat(129) }, 'FIELD_TOO_LONG'],
    ] as const)
      await expect(list(request)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', reason });
  });
});
