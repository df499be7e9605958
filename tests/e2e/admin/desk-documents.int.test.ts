import { createHash } from 'node:crypto';
import { callUnary } from '@pandawa/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png } from '../../../services/document-storage/test/fixtures.js';
import { deskSeed } from './support/desk-seed.js';
import { startDeskSystem, type DeskSystem, type SeededCase } from './support/desk-system.js';

interface AccessEntry {
  action: string;
  outcome: string;
  deniedReason: string | null;
  documentId: string | null;
  caseId: string | null;
  reason: string;
  actor: { kind: string; id: string | null; displayName: string | null; role: string | null };
  at: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Documents, the access log and the statistics through the admin API, against case,
 * document-storage and the gateway as processes.
 */
describe('case desk: documents, the access log, statistics', () => {
  let desk: DeskSystem;
  let seed: ReturnType<typeof deskSeed>;
  let theCase: SeededCase;
  let otherCase: SeededCase;
  let dumaiCase: SeededCase;
  let pdfDoc: { id: string; sha256: string };
  let imageDoc: { id: string };
  let otherCaseDoc: { id: string };
  let dumaiDoc: { id: string };

  const call = async (username: string | undefined, path: string) =>
    desk.api(username ? await desk.tokenOf(username) : undefined, 'GET', path);
  const docPath = (c: SeededCase, id: string, what: 'preview' | 'download', reason = 'cek KK') =>
    `/cases/${c.id}/documents/${id}/${what}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`;

  beforeAll(async () => {
    desk = await startDeskSystem();
    seed = deskSeed(desk);
    theCase = await desk.seedCase('pekanbaru');
    otherCase = await desk.seedCase('pekanbaru');
    dumaiCase = await desk.seedCase('dumai');
    pdfDoc = await seed.addDocument('pekanbaru', theCase.id, pdf('/Title (KK)'), 'KK');
    imageDoc = await seed.addDocument('pekanbaru', theCase.id, await png(), 'KTP_EL');
    otherCaseDoc = await seed.addDocument('pekanbaru', otherCase.id, pdf('/Title (lain)'));
    dumaiDoc = await seed.addDocument('dumai', dumaiCase.id, pdf('/Title (dumai)'));
  }, 300_000);
  afterAll(async () => {
    await desk?.stop();
  });

  it('lists the case’s documents in its detail', async () => {
    const res = await call('officer.pekanbaru', `/cases/${theCase.id}`);
    const detail = (await res.json()) as {
      documents: { id: string; kind: string; mimeType: string; hasPreview: boolean }[];
    };
    expect(detail.documents.map((d) => [d.id, d.kind, d.mimeType, d.hasPreview])).toEqual([
      [pdfDoc.id, 'KK', 'application/pdf', false],
      [imageDoc.id, 'KTP_EL', 'image/png', true],
    ]);
  });

  it('streams a document as stored, with its type, a file name, no-store and nosniff', async () => {
    const res = await call('officer.pekanbaru', docPath(theCase, pdfDoc.id, 'download'));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sha256(bytes)).toBe(pdfDoc.sha256);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="kk-${pdfDoc.id}.pdf"`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const preview = await call('officer.pekanbaru', docPath(theCase, imageDoc.id, 'preview'));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expect(preview.headers.get('content-disposition')).toMatch(/^inline; filename="preview-/);
    const jpeg = Buffer.from(await preview.arrayBuffer());
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    // A PDF has no preview: document-storage's 404, passed on.
    expect((await call('officer.pekanbaru', docPath(theCase, pdfDoc.id, 'preview'))).status).toBe(
      404,
    );
  });

  it('answers 404 for another office’s case or document and a document of another case; 400 without a reason', async () => {
    for (const [user, path] of [
      ['officer.pekanbaru', docPath(dumaiCase, dumaiDoc.id, 'download')],
      ['officer.pekanbaru', docPath(theCase, dumaiDoc.id, 'download')],
      ['officer.pekanbaru', docPath(theCase, otherCaseDoc.id, 'download')],
      ['officer.pekanbaru', docPath(theCase, otherCaseDoc.id, 'preview')],
      ['officer.dumai', docPath(theCase, pdfDoc.id, 'download')],
      ['supervisor.dumai', docPath(theCase, imageDoc.id, 'preview')],
    ] as const) {
      const res = await call(user, path);
      expect(res.status, `${user} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
    for (const reason of ['', 'x', 'alasan\u0000', 'é'.repeat(10), 'r'.repeat(201)]) {
      const res = await call('officer.pekanbaru', docPath(theCase, pdfDoc.id, 'download', reason));
      expect(res.status, JSON.stringify(reason)).toBe(400);
    }
    expect((await call(undefined, docPath(theCase, pdfDoc.id, 'download'))).status).toBe(401);
  });

  it('records each view with the officer and the reason; a supervisor lists it (acceptance 5)', async () => {
    const viewer = 'officer2.pekanbaru';
    const reason = 'verifikasi data KK warga';
    const res = await call(viewer, docPath(theCase, pdfDoc.id, 'download', reason));
    expect(res.status).toBe(200);
    await res.arrayBuffer();

    const log = await call('supervisor.pekanbaru', `/documents/access-log?documentId=${pdfDoc.id}`);
    expect(log.status).toBe(200);
    const page = (await log.json()) as Page<AccessEntry>;
    const mineViews = page.items.filter((e) => e.actor.id === desk.accountIds[viewer]);
    expect(mineViews).toEqual([
      expect.objectContaining({
        action: 'READ',
        outcome: 'OK',
        documentId: pdfDoc.id,
        caseId: theCase.id,
        reason,
        actor: expect.objectContaining({ kind: 'officer', displayName: viewer, role: 'officer' }),
      }),
    ]);
    // The same through the officer filter, and for the admin too.
    const byOfficer = (await (
      await call('admin.pekanbaru', `/documents/access-log?officerId=${desk.accountIds[viewer]}`)
    ).json()) as Page<AccessEntry>;
    expect(byOfficer.items.map((e) => [e.action, e.reason])).toEqual([['READ', reason]]);
  });

  it('lists refused reads too, filters by case and time, pages, and is for supervisors of the office only', async () => {
    // Dumai's officer asking document-storage for a Pekanbaru document in Dumai's name: refused
    // as not found, and filed in Pekanbaru's log, the document's office.
    const dumaiOfficer = seed.as('officer.dumai', 'dumai');
    dumaiOfficer.metadata.set('x-access-reason', 'coba lihat');
    await expect(
      callUnary(
        desk.grpc.documents,
        desk.grpc.documents.readPreview,
        { officeId: 'dumai', id: imageDoc.id },
        dumaiOfficer,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const refused = (await (
      await call('supervisor.pekanbaru', `/documents/access-log?documentId=${imageDoc.id}`)
    ).json()) as Page<AccessEntry & { actorOfficeId: string }>;
    expect(refused.items).toContainEqual(
      expect.objectContaining({
        action: 'PREVIEW',
        outcome: 'DENIED',
        deniedReason: 'DOCUMENT_NOT_FOUND',
        actorOfficeId: 'dumai',
        reason: 'coba lihat',
        actor: expect.objectContaining({ id: desk.accountIds['officer.dumai'], displayName: null }),
      }),
    );
    const byCase = (await (
      await call('supervisor.pekanbaru', `/documents/access-log?caseId=${theCase.id}&limit=100`)
    ).json()) as Page<AccessEntry>;
    expect(byCase.items.length).toBeGreaterThan(0);
    expect(byCase.items.every((e) => e.caseId === theCase.id)).toBe(true);
    const times = byCase.items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const denied = (await (
      await call('supervisor.pekanbaru', `/documents/access-log?documentId=${dumaiDoc.id}`)
    ).json()) as Page<AccessEntry>;
    expect(denied.items).toEqual([]); // Dumai's document is not in Pekanbaru's log

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        'supervisor.pekanbaru',
        `/documents/access-log?caseId=${theCase.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      const page = (await res.json()) as Page<AccessEntry>;
      walked.push(...page.items.map((e) => `${e.at}|${e.action}|${e.actor.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(byCase.items.map((e) => `${e.at}|${e.action}|${e.actor.id}`));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = (await (
      await call('supervisor.pekanbaru', `/documents/access-log?from=${encodeURIComponent(future)}`)
    ).json()) as Page<AccessEntry>;
    expect(none.items).toEqual([]);

    expect((await call('officer.pekanbaru', '/documents/access-log')).status).toBe(403);
    const dumai = (await (
      await call('supervisor.dumai', `/documents/access-log?documentId=${pdfDoc.id}`)
    ).json()) as Page<AccessEntry>;
    expect(dumai.items).toEqual([]);
    for (const query of ['from=soon', 'limit=500', 'cursor=bogus', 'caseId=%24ne'])
      expect(
        (await call('supervisor.pekanbaru', `/documents/access-log?${query}`)).status,
        query,
      ).toBe(400);
  });

  it('gives supervisors the office’s statistics and the same as CSV, without personal data', async () => {
    const stats = await call('supervisor.pekanbaru', '/statistics');
    expect(stats.status).toBe(200);
    const body = (await stats.json()) as {
      total: number;
      byStatus: { status: string; count: number }[];
      byCategory: { category: string; count: number }[];
      slaBreaches: { firstResponse: number; resolution: number };
    };
    expect(body.total).toBe(2);
    expect(body.byStatus.find((s) => s.status === 'BARU')).toEqual({ status: 'BARU', count: 2 });
    expect(body.byStatus).toHaveLength(8);
    expect(body.byCategory.find((c) => c.category === 'NIK_TIDAK_AKTIF')!.count).toBe(2);
    expect(body.slaBreaches).toEqual({ firstResponse: 0, resolution: 0 });
    const dumai = (await (await call('supervisor.dumai', '/statistics')).json()) as {
      total: number;
    };
    expect(dumai.total).toBe(1);

    const csv = await call('supervisor.pekanbaru', '/statistics/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="statistik-pekanbaru-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const text = await csv.text();
    const rows = text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,key,value');
    expect(rows).toContain('cases,total,2');
    expect(rows).toContain('status,BARU,2');
    expect(rows).toContain('category,NIK_TIDAK_AKTIF,2');
    expect(text.endsWith('\r\n')).toBe(true);
    for (const secret of ['1471011201900001', 'Siti', theCase.phone, theCase.trackingCode])
      expect(text).not.toContain(secret);

    for (const [user, path, status] of [
      ['officer.pekanbaru', '/statistics', 403],
      ['officer.pekanbaru', '/statistics/export.csv', 403],
      [
        'supervisor.pekanbaru',
        '/statistics?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        400,
      ],
      [
        'supervisor.pekanbaru',
        '/statistics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        400,
      ],
      ['supervisor.pekanbaru', '/statistics?from=1999-01-01T00:00:00Z', 400],
      ['supervisor.pekanbaru', '/statistics/export.csv?to=later', 400],
    ] as const)
      expect((await call(user, path)).status, `${user} ${path}`).toBe(status);
  });

  it('describes the binary answers honestly in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${desk.apiUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const download = doc.paths['/api/cases/{caseId}/documents/{documentId}/download']!.get!;
    expect(Object.keys(download.responses['200']!.content!)).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
    ]);
    const csv = doc.paths['/api/statistics/export.csv']!.get!;
    expect(Object.keys(csv.responses['200']!.content!)).toEqual(['text/csv']);
    expect(doc.paths['/api/cases']!.get).toBeDefined();
    expect(doc.paths['/api/documents/access-log']!.get).toBeDefined();
  });
});
