import { randomUUID } from 'node:crypto';
import { caseStatusChanged } from '@pandawa/contracts';
import { EventPublisher, type ConsumerHandle } from '@pandawa/nats';
import { connectTestBus, testLogger, testNamespace, waitFor, type TestBus } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaseClosureConsumer } from '../src/events/case-closure.consumer.js';
import { noisyJpeg, pdf, png } from './fixtures.js';
import {
  callerMetadata,
  readDocument,
  startHarness,
  uploadDocument,
  type Harness,
} from './harness.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/**
 * Retention: content of documents whose case closed longer ago than the retention period is
 * purged (default 90 days; `dumai` keeps 30); everything else stays. Case closures arrive as
 * `case.events.status_changed` over NATS, as the case service publishes them.
 */
describe('retention purge', () => {
  let h: Harness;
  let bus: TestBus;
  let consumer: ConsumerHandle;
  let publisher: EventPublisher;

  const closeCase = async (
    officeId: string,
    caseId: string,
    to: 'SELESAI' | 'DITOLAK' | 'DIPROSES',
    at: Date,
  ) => {
    const event = caseStatusChanged.create({
      id: randomUUID(),
      officeId,
      occurredAt: at,
      data: {
        caseId,
        trackingCode: 'PKU-TEST',
        citizen: { phone: '6281200000000' },
        from: 'DIPROSES',
        to,
        actor: { id: 'officer-1', role: 'officer' },
      },
    });
    await publisher.publish(bus.topology.subjects.caseEvent('status_changed'), event);
  };
  const upload = (officeId: string, caseId: string, bytes: Buffer) =>
    uploadDocument(h.client, { officeId, caseId, kind: 'KK' }, bytes, callerMetadata({ officeId }));
  const chunkCount = (documentId: string, part?: 'content' | 'preview') =>
    h.mongo
      .collection('document_chunks')
      .countDocuments(part ? { documentId, part } : { documentId });
  const allChunks = () => h.mongo.collection('document_chunks').countDocuments({});
  const closedAtOf = async (id: string) =>
    (await h.mongo.collection('documents').findOne({ _id: id as never }))
      ?.caseClosedAt as Date | null;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        DOCUMENT_RETENTION_DAYS_BY_OFFICE: 'dumai:30',
        DOCUMENT_UNATTACHED_RETENTION_DAYS: '7',
        // Small chunks: documents span several, so a purge must find every one.
        DOCUMENT_CHUNK_BYTES: '1024',
      },
    });
    bus = await connectTestBus(process.env.NATS_URL!, testNamespace());
    publisher = new EventPublisher(bus.js);
    consumer = await startCaseClosureConsumer({
      js: bus.js,
      jsm: bus.jsm,
      topology: bus.topology,
      service: h.app.service,
      logger: testLogger('case-closure-consumer'),
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await bus?.close();
    await h?.close();
  });

  it('purges only the content whose retention ran out, keeps the rest, and a second run changes nothing', async () => {
    const expired = await upload('pekanbaru', 'case-old', await png(30, 30));
    const recent = await upload('pekanbaru', 'case-recent', await png(31, 31));
    const open = await upload('pekanbaru', 'case-open', pdf());
    const dumaiExpired = await upload('dumai', 'case-dumai', pdf('/Title (d)'));
    // A case that closed 100 days ago, before one of its documents was attached.
    await closeCase('pekanbaru', 'case-late-attach', 'DITOLAK', daysAgo(100));

    await closeCase('pekanbaru', 'case-old', 'SELESAI', daysAgo(100));
    await closeCase('pekanbaru', 'case-recent', 'SELESAI', daysAgo(10));
    await closeCase('pekanbaru', 'case-open', 'DIPROSES', daysAgo(200)); // not a closure
    await closeCase('dumai', 'case-dumai', 'DITOLAK', daysAgo(40)); // past dumai's 30 days
    await waitFor(
      async () => (await closedAtOf(dumaiExpired.id)) && (await closedAtOf(recent.id)),
      15_000,
      'closures recorded',
    );
    const lateAttach = await upload('pekanbaru', 'case-late-attach', await png(32, 32));
    expect(await closedAtOf(lateAttach.id)).not.toBeNull();
    expect(await closedAtOf(open.id)).toBeNull();

    for (const doc of [expired, dumaiExpired, lateAttach])
      expect(await chunkCount(doc.id)).toBeGreaterThan(0);
    const first = await h.app.purger.purgeOnce();
    expect(first.purged).toBe(3);

    // Purged: no chunks, no key, metadata kept, reads refused with a clear reason.
    for (const doc of [expired, dumaiExpired, lateAttach]) {
      expect(
        await h.mongo.collection('document_chunks').countDocuments({ documentId: doc.id }),
      ).toBe(0);
      const record = await h.mongo.collection('documents').findOne({ _id: doc.id as never });
      expect(record).toMatchObject({ status: 'PURGED', encryption: null });
      expect(record?.sha256).toBeTypeOf('string');
    }
    await expect(readDocument(h.client, 'pekanbaru', expired.id)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'DOCUMENT_PURGED',
    });
    // Kept: still readable.
    expect((await readDocument(h.client, 'pekanbaru', recent.id)).bytes.length).toBeGreaterThan(0);
    expect((await readDocument(h.client, 'pekanbaru', open.id)).bytes.equals(pdf())).toBe(true);

    // The audit record says what went, without the content.
    const audits = await h.app.audit.forOffice('pekanbaru');
    expect(audits.map((a) => a.documentId).sort()).toEqual([expired.id, lateAttach.id].sort());
    expect(audits[0]).toMatchObject({ action: 'PURGED', actorId: 'system:retention' });
    expect(Object.keys(audits[0]!)).not.toContain('data');

    const chunksAfterFirst = await h.mongo.collection('document_chunks').countDocuments({});
    const second = await h.app.purger.purgeOnce();
    expect(second).toEqual({ purged: 0, finished: 0, stale: 0 });
    expect(await h.mongo.collection('document_chunks').countDocuments({})).toBe(chunksAfterFirst);
    expect(await h.mongo.collection('document_audit').countDocuments({})).toBe(3);
  });

  it('a redelivered closure event does not restart the retention clock', async () => {
    const doc = await upload('pekanbaru', 'case-redeliver', pdf('/Title (r)'));
    await closeCase('pekanbaru', 'case-redeliver', 'SELESAI', daysAgo(95));
    await waitFor(() => closedAtOf(doc.id), 15_000, 'closure recorded');
    await closeCase('pekanbaru', 'case-redeliver', 'SELESAI', daysAgo(1));
    await new Promise((r) => setTimeout(r, 500));
    expect((await closedAtOf(doc.id))!.getTime()).toBeLessThan(daysAgo(90).getTime());
  });

  it('finishes a removal that a crash interrupted after the key was shredded', async () => {
    const doc = await upload('pekanbaru', 'case-crash', pdf('/Title (c)'));
    // Simulate the crash: key gone and status set, chunks and audit still pending.
    await h.mongo
      .collection('documents')
      .updateOne(
        { _id: doc.id as never },
        { $set: { status: 'PURGED', encryption: null, cleanupPending: true } },
      );
    expect(await chunkCount(doc.id)).toBeGreaterThan(0);
    const report = await h.app.purger.purgeOnce();
    expect(report.finished).toBe(1);
    expect(await h.mongo.collection('document_chunks').countDocuments({ documentId: doc.id })).toBe(
      0,
    );
    expect(await h.mongo.collection('document_audit').countDocuments({ documentId: doc.id })).toBe(
      1,
    );
    expect((await h.app.purger.purgeOnce()).finished).toBe(0);
  });

  it('purges documents never attached to a case after their own period, and STORING leftovers of a dead writer', async () => {
    const abandoned = await upload('pekanbaru', 'case-tmp', pdf('/Title (a)'));
    const fresh = await upload('pekanbaru', 'case-tmp2', pdf('/Title (f)'));
    const docs = h.mongo.collection('documents');
    await docs.updateOne(
      { _id: abandoned.id as never },
      { $set: { caseId: null, createdAt: daysAgo(8) } },
    );
    await docs.updateOne(
      { _id: fresh.id as never },
      { $set: { caseId: null, createdAt: daysAgo(6) } },
    );
    const dead = await upload('pekanbaru', 'case-dead', pdf(`/Junk (${'x'.repeat(5000)})`));
    await docs.updateOne(
      { _id: dead.id as never },
      { $set: { status: 'STORING', createdAt: daysAgo(1) } },
    );
    // Its writer died half-way through the chunks: the first few were written, the rest not.
    const written = await chunkCount(dead.id);
    expect(written).toBeGreaterThan(3);
    await h.mongo
      .collection('document_chunks')
      .deleteMany({ documentId: dead.id, index: { $gte: 3 } });
    expect(await chunkCount(dead.id)).toBe(3);

    const report = await h.app.purger.purgeOnce();
    expect(report).toMatchObject({ purged: 1, stale: 1 });
    expect(await docs.findOne({ _id: abandoned.id as never })).toMatchObject({ status: 'PURGED' });
    expect(await docs.findOne({ _id: fresh.id as never })).toMatchObject({ status: 'STORED' });
    expect(await docs.findOne({ _id: dead.id as never })).toBeNull();
    expect(
      await h.mongo.collection('document_chunks').countDocuments({ documentId: dead.id }),
    ).toBe(0);
  });

  it('a purge removes every chunk of the document, content and preview, and no other document’s', async () => {
    const photo = await upload('pekanbaru', 'case-chunks', await noisyJpeg(200, 200));
    const keptSameCase = await upload(
      'pekanbaru',
      'case-chunks',
      pdf(`/Junk (${'k'.repeat(4000)})`),
    );
    const keptOtherCase = await upload('pekanbaru', 'case-chunks-open', await noisyJpeg(120, 120));
    const record = await h.mongo.collection('documents').findOne({ _id: photo.id as never });
    // Several chunks of each part, exactly as many as the record says.
    expect(await chunkCount(photo.id, 'content')).toBe(record?.chunkCount);
    expect(await chunkCount(photo.id, 'preview')).toBe(record?.previewChunks);
    expect(record?.chunkCount).toBeGreaterThan(16); // more than one batch of deletes
    expect(record?.previewChunks).toBeGreaterThan(1);
    const keptBefore = [await chunkCount(keptSameCase.id), await chunkCount(keptOtherCase.id)];
    expect(keptBefore.every((n) => n > 1)).toBe(true);
    const totalBefore = await allChunks();

    // Only the photo's retention ran out.
    await h.mongo
      .collection('documents')
      .updateOne({ _id: photo.id as never }, { $set: { caseClosedAt: daysAgo(100) } });
    expect(await h.app.purger.purgeOnce()).toMatchObject({ purged: 1 });

    expect(await chunkCount(photo.id)).toBe(0);
    expect([await chunkCount(keptSameCase.id), await chunkCount(keptOtherCase.id)]).toEqual(
      keptBefore,
    );
    expect(await allChunks()).toBe(
      totalBefore - (record!.chunkCount as number) - (record!.previewChunks as number),
    );
  });

  it('removes every chunk also of a record whose chunk counts are missing or do not add up', async () => {
    const docs = h.mongo.collection('documents');
    const noCounts = await upload('pekanbaru', 'case-counts', await noisyJpeg(100, 100));
    const wrongCount = await upload('pekanbaru', 'case-counts', pdf(`/Junk (${'w'.repeat(5000)})`));
    const kept = await upload('pekanbaru', 'case-counts-open', pdf(`/Junk (${'q'.repeat(3000)})`));
    await docs.updateOne(
      { _id: noCounts.id as never },
      { $unset: { chunkCount: '', previewChunks: '' }, $set: { caseClosedAt: daysAgo(100) } },
    );
    await docs.updateOne(
      { _id: wrongCount.id as never },
      { $set: { chunkCount: 1, caseClosedAt: daysAgo(100) } },
    );
    expect(await chunkCount(noCounts.id)).toBeGreaterThan(1);
    expect(await chunkCount(wrongCount.id)).toBeGreaterThan(1);
    const keptBefore = await chunkCount(kept.id);

    expect(await h.app.purger.purgeOnce()).toMatchObject({ purged: 2 });
    expect(await chunkCount(noCounts.id)).toBe(0);
    expect(await chunkCount(wrongCount.id)).toBe(0);
    expect(await chunkCount(kept.id)).toBe(keptBefore);
  });
});
