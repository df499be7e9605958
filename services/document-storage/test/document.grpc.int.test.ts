import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaSource } from '../src/ingest/media.source.js';
import { jpegWithGps, pdf, png } from './fixtures.js';
import {
  callerMetadata,
  readDocument,
  startHarness,
  unary,
  uploadDocument,
  type DocOut,
  type Harness,
} from './harness.js';

const OFFICE = 'pekanbaru';

/** Media by id from memory: the gRPC edge's behaviour does not depend on where bytes come from. */
class MemoryMedia implements MediaSource {
  readonly items = new Map<string, Buffer>();
  async fetch(mediaId: string) {
    const bytes = this.items.get(mediaId);
    if (!bytes) throw Object.assign(new Error('gone'), { kind: 'not_found' });
    return { bytes, declaredMime: 'image/jpeg' };
  }
}

/** The gRPC edge: caller identity, office scoping, the access log, attach, delete, upload limits. */
describe('DocumentService over gRPC', () => {
  let h: Harness;
  const media = new MemoryMedia();
  const officer = callerMetadata({
    id: 'officer-7',
    role: 'officer',
    reason: 'memeriksa KK untuk verifikasi',
  });

  beforeAll(async () => {
    h = await startHarness({
      media,
      env: {
        DOCUMENT_IMAGE_MAX_BYTES: '200000',
        DOCUMENT_PDF_MAX_BYTES: '300000',
        DOCUMENT_CHUNK_BYTES: String(255 * 1024),
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records every read in the access log: who, when, which document, why', async () => {
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'c-log', kind: 'KK' },
      await jpegWithGps(),
    );
    await readDocument(h.client, OFFICE, doc.id, officer);
    await unary(h.client, 'readPreview', { officeId: OFFICE, id: doc.id }, officer);
    await unary(h.client, 'getDocument', { officeId: OFFICE, id: doc.id }, officer);
    const log = await h.app.accessLog.forDocument(OFFICE, doc.id);
    expect(log.map((e) => e.action).sort()).toEqual(['METADATA', 'PREVIEW', 'READ']);
    for (const entry of log) {
      expect(entry).toMatchObject({
        actorId: 'officer-7',
        actorRole: 'officer',
        reason: 'memeriksa KK untuk verifikasi',
        outcome: 'OK',
      });
      expect(entry.at).toBeInstanceOf(Date);
    }
  });

  it('refuses callers without identity, from another office, or reading without a reason, and logs each refusal of an identified caller', async () => {
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'c-auth', kind: 'KK' },
      pdf('/Title (KK 1471010101900001)'),
    );
    const { grpc } = await import('@pandawa/grpc');
    await expect(readDocument(h.client, OFFICE, doc.id, new grpc.Metadata())).rejects.toMatchObject(
      { code: 'UNAUTHENTICATED' },
    );
    const intruder = { id: 'officer-dumai', officeId: 'dumai', reason: 'iseng' };
    await expect(
      readDocument(h.client, OFFICE, doc.id, callerMetadata(intruder)),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'OTHER_OFFICE' });
    // A caller of another office asking in its own office's name finds nothing.
    await expect(
      readDocument(h.client, 'dumai', doc.id, callerMetadata(intruder)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'DOCUMENT_NOT_FOUND' });
    await expect(
      unary(h.client, 'readPreview', { officeId: 'dumai', id: doc.id }, callerMetadata(intruder)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'DOCUMENT_NOT_FOUND' });
    await expect(
      readDocument(h.client, OFFICE, doc.id, callerMetadata({ id: 'officer-2', reason: '' })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      reason: 'ACCESS_REASON_REQUIRED',
    });
    // A citizen never reads documents back: ownership is unknown to this service.
    const citizen = { id: '6281277770001', role: 'citizen', reason: 'lihat dokumen saya' };
    await expect(
      readDocument(h.client, OFFICE, doc.id, callerMetadata(citizen)),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'ROLE_NOT_ALLOWED' });
    // In process, the service checks the office itself.
    await expect(
      h.app.service.get(OFFICE, doc.id, {
        id: 'svc-dumai',
        role: 'service',
        officeId: 'dumai',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'OFFICE_MISMATCH' });

    // Every refusal of a caller who said who it is is in the document's own office's log; the
    // one at the gRPC edge is written in the background.
    const expected = [
      ['officer-dumai', 'READ', 'OTHER_OFFICE', 'dumai'],
      ['officer-dumai', 'READ', 'DOCUMENT_NOT_FOUND', 'dumai'],
      ['officer-dumai', 'PREVIEW', 'DOCUMENT_NOT_FOUND', 'dumai'],
      ['officer-2', 'READ', 'ACCESS_REASON_REQUIRED', OFFICE],
      ['6281277770001', 'READ', 'ROLE_NOT_ALLOWED', OFFICE],
      ['svc-dumai', 'METADATA', 'OFFICE_MISMATCH', 'dumai'],
    ];
    const summary = async () =>
      (await h.app.accessLog.forDocument(OFFICE, doc.id))
        .map((e) => [e.actorId, e.action, e.deniedReason, e.actorOfficeId])
        .sort();
    await waitFor(async () => (await summary()).length >= expected.length, 5000, 'refusals logged');
    expect(await summary()).toEqual(expected.sort());
    const log = await h.app.accessLog.forDocument(OFFICE, doc.id);
    for (const entry of log) {
      expect(entry).toMatchObject({ officeId: OFFICE, documentId: doc.id, outcome: 'DENIED' });
      expect(entry.at).toBeInstanceOf(Date);
      // Who, what, when, why refused: nothing of the document itself.
      expect(JSON.stringify(entry)).not.toContain('1471010101900001');
      expect(Object.keys(entry).sort()).toEqual(
        [
          '_id',
          'officeId',
          'documentId',
          'caseId',
          'action',
          'actorId',
          'actorRole',
          'reason',
          'outcome',
          'deniedReason',
          'actorOfficeId',
          'at',
        ].sort(),
      );
    }
    expect(log.find((e) => e.deniedReason === 'OTHER_OFFICE')).toMatchObject({
      actorRole: 'officer',
      reason: 'iseng',
    });
  });

  it('logs a refused read of a document that does not exist under the office asked, and a refused list', async () => {
    const caller = callerMetadata({ id: 'officer-9' });
    await expect(readDocument(h.client, OFFICE, 'no-such-document', caller)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const missing = await h.app.accessLog.forDocument(OFFICE, 'no-such-document');
    expect(missing).toEqual([
      expect.objectContaining({
        outcome: 'DENIED',
        deniedReason: 'DOCUMENT_NOT_FOUND',
        actorId: 'officer-9',
        action: 'READ',
      }),
    ]);
    // Refused at the gRPC edge, before the service, with its real status.
    await expect(
      unary(
        h.client,
        'listCaseDocuments',
        { officeId: OFFICE, caseId: 'c-list-denied' },
        callerMetadata({ id: 'officer-9', officeId: 'dumai' }),
      ),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'OTHER_OFFICE' });
    await waitFor(
      async () =>
        (await h.mongo
          .collection('document_access_log')
          .countDocuments({ caseId: 'c-list-denied', outcome: 'DENIED' })) === 1,
      5000,
      'refused list logged',
    );
    expect(
      await h.mongo.collection('document_access_log').findOne({ caseId: 'c-list-denied' }),
    ).toMatchObject({
      officeId: OFFICE,
      documentId: '',
      action: 'LIST',
      deniedReason: 'OTHER_OFFICE',
      actorOfficeId: 'dumai',
    });
  });

  it('does not log as denied a read refused for the state of the content, and reads older records as served', async () => {
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'c-state', kind: 'KK' },
      pdf('/Title (tanpa pratinjau)'),
    );
    await expect(
      unary(h.client, 'readPreview', { officeId: OFFICE, id: doc.id }, officer),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'PREVIEW_NOT_FOUND' });
    expect(await h.app.accessLog.forDocument(OFFICE, doc.id)).toHaveLength(0);
    // A record written before `outcome` existed.
    await h.mongo.collection('document_access_log').insertOne({
      _id: 'old-record' as never,
      officeId: OFFICE,
      documentId: doc.id,
      caseId: 'c-state',
      action: 'READ',
      actorId: 'officer-old',
      actorRole: 'officer',
      reason: 'dulu',
      at: new Date('2024-01-01T00:00:00Z'),
    });
    expect(await h.app.accessLog.forDocument(OFFICE, doc.id)).toEqual([
      expect.objectContaining({ actorId: 'officer-old', outcome: 'OK' }),
    ]);
  });

  it('attaches the documents of an intake session to the case it became', async () => {
    media.items.set('m-1', await png(20, 20));
    media.items.set('m-2', pdf('/Title (akta)'));
    const service = callerMetadata({ id: 'conversation', role: 'service' });
    const a = await unary<object, DocOut>(
      h.client,
      'ingestFromWhatsApp',
      { officeId: OFFICE, mediaId: 'm-1', sessionRef: 's-1', kind: 'KK' },
      service,
    );
    const b = await unary<object, DocOut>(
      h.client,
      'ingestFromWhatsApp',
      { officeId: OFFICE, mediaId: 'm-2', sessionRef: 's-1', kind: 'AKTA_KELAHIRAN' },
      service,
    );
    expect(a.caseId).toBe('');
    const attached = await unary<object, { documents: DocOut[] }>(
      h.client,
      'attachSessionToCase',
      { officeId: OFFICE, sessionRef: 's-1', caseId: 'c-session' },
      service,
    );
    expect(attached.documents.map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    const listed = await unary<object, { documents: DocOut[] }>(
      h.client,
      'listCaseDocuments',
      { officeId: OFFICE, caseId: 'c-session' },
      officer,
    );
    expect(listed.documents).toHaveLength(2);
    await expect(
      unary(h.client, 'attachToCase', { officeId: OFFICE, id: a.id, caseId: 'c-other' }, service),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'DOCUMENT_ALREADY_ATTACHED' });
  });

  it('lets a supervisor delete a document: content gone, metadata and audit kept; an officer may not', async () => {
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'c-del', kind: 'KK' },
      pdf('/Title (hapus)'),
    );
    await expect(
      unary(
        h.client,
        'deleteDocument',
        { officeId: OFFICE, id: doc.id, reason: 'salah kirim' },
        officer,
      ),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    const supervisor = callerMetadata({ id: 'sup-1', role: 'supervisor' });
    const res = await unary<object, { document: DocOut }>(
      h.client,
      'deleteDocument',
      { officeId: OFFICE, id: doc.id, reason: 'salah kirim' },
      supervisor,
    );
    expect(res.document).toMatchObject({ status: 'DELETED', hasPreview: false });
    expect(res.document.removedAt).not.toBe('');
    await expect(readDocument(h.client, OFFICE, doc.id, officer)).rejects.toMatchObject({
      reason: 'DOCUMENT_DELETED',
    });
    expect(await h.mongo.collection('document_chunks').countDocuments({ documentId: doc.id })).toBe(
      0,
    );
    const audit = await h.mongo.collection('document_audit').findOne({ documentId: doc.id });
    expect(audit).toMatchObject({ action: 'DELETED', actorId: 'sup-1', reason: 'salah kirim' });
    // Deleting again is harmless.
    await unary(
      h.client,
      'deleteDocument',
      { officeId: OFFICE, id: doc.id, reason: 'lagi' },
      supervisor,
    );
    expect(await h.mongo.collection('document_audit').countDocuments({ documentId: doc.id })).toBe(
      1,
    );
  });

  it('refuses an upload over the limit by its declared size, and one that lies about its size while streaming', async () => {
    await expect(
      uploadDocument(
        h.client,
        { officeId: OFFICE, caseId: 'c-big', kind: 'KK', declaredSizeBytes: 10_000_000 },
        pdf(),
      ),
    ).rejects.toMatchObject({ reason: 'DOCUMENT_TOO_LARGE' });
    const big = Buffer.concat([pdf(), Buffer.alloc(400_000, 0x20)]);
    await expect(
      uploadDocument(
        h.client,
        { officeId: OFFICE, caseId: 'c-big', kind: 'KK', declaredSizeBytes: 1000 },
        big,
      ),
    ).rejects.toMatchObject({ reason: 'DOCUMENT_TOO_LARGE' });
    expect(await h.mongo.collection('documents').countDocuments({ caseId: 'c-big' })).toBe(0);
  });

  it('streams a multi-chunk document back in order', async () => {
    const bytes = pdf(`/Junk (${'y'.repeat(280_000)})`);
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'c-stream', kind: 'KK' },
      bytes,
    );
    const read = await readDocument(h.client, OFFICE, doc.id, officer);
    expect(read.messages).toBe(2); // 255 KB chunks
    expect(read.bytes.equals(bytes)).toBe(true);
    expect(read.document.id).toBe(doc.id);
  });
});
