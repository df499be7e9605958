import { createHash } from 'node:crypto';
import { createSandbox, type Sandbox } from '@pandawa/wa-sandbox';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../src/domain/document.validator.js';
import { exe, hasExif, html, jpegWithGps, pdf, png, pngBomb, webp, zip } from './fixtures.js';
import { readDocument, startHarness, unary, type DocOut, type Harness } from './harness.js';

const OFFICE = 'pekanbaru';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Ingest from WhatsApp against the wa-sandbox (Meta's stand-in): the bytes travel the real
 * Graph API path (metadata, then a bearer-authenticated download) and the gRPC edge.
 */
describe('ingest from WhatsApp (wa-sandbox)', () => {
  let sandbox: Sandbox;
  let h: Harness;
  let session = 0;

  const ingest = (mediaId: string, extra: Record<string, string> = {}) =>
    unary<object, DocOut>(h.client, 'ingestFromWhatsApp', {
      officeId: OFFICE,
      mediaId,
      sessionRef: `session-${++session}`,
      kind: 'KK',
      citizenRef: 'citizen-hash-1',
      ...extra,
    });
  const storedCount = () => h.mongo.collection('documents').countDocuments({});
  const downloads = (mediaId: string) =>
    sandbox.state.record
      .query({ kind: 'media.download' })
      .filter((e) => 'mediaId' in e && e.mediaId === mediaId);
  const lastSeq = () => sandbox.state.record.query().at(-1)?.seq ?? 0;
  /** HTTP statuses of download attempts since `seq` (injected errors carry no media id). */
  const downloadStatuses = (since: number, mediaId: string) =>
    sandbox.state.record
      .query({ afterSeq: since })
      .filter(
        (e) =>
          (e.kind === 'graph.error' && e.route === 'media.download') ||
          (e.kind === 'media.download' && e.mediaId === mediaId),
      )
      .map((e) => ('status' in e ? e.status : 0));

  beforeAll(async () => {
    sandbox = await createSandbox();
    h = await startHarness({
      env: {
        WHATSAPP_API_URL: sandbox.url,
        WHATSAPP_ACCESS_TOKEN: sandbox.accessToken,
        WHATSAPP_PHONE_NUMBER_ID: sandbox.phoneNumberId,
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.close();
  });
  afterEach(() => sandbox.state.faults.clear());

  it('stores a JPEG with EXIF GPS tags without any EXIF, upright, and reads it back', async () => {
    const original = await jpegWithGps(64, 32);
    expect(await hasExif(original)).toBe(true);
    const { id: mediaId } = sandbox.putMedia(original, 'image/jpeg', 'kk.jpg');

    const doc = await ingest(mediaId);
    expect(doc).toMatchObject({
      mimeType: 'image/jpeg',
      status: 'STORED',
      source: 'WHATSAPP',
      width: 32,
      height: 64,
    });
    const { bytes } = await readDocument(h.client, OFFICE, doc.id);
    expect(await hasExif(bytes)).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(sha256(bytes)).toBe(doc.sha256);
  });

  it.each([
    ['PNG', 'image/png', () => png()],
    ['WebP', 'image/webp', () => webp()],
    ['PDF', 'application/pdf', async () => pdf()],
  ])(
    'stores a %s and reads it back byte-identical to the stored version',
    async (_name, mime, make) => {
      const original = await make();
      const { id: mediaId } = sandbox.putMedia(original, mime);
      const doc = await ingest(mediaId);
      expect(doc.mimeType).toBe(mime);

      const { bytes, document } = await readDocument(h.client, OFFICE, doc.id);
      // The stored version is the re-encoded one for images (deterministic) and the original PDF.
      const expected = (await validateDocument(original, h.app.service['deps'].limits)).bytes;
      expect(bytes.equals(expected)).toBe(true);
      expect(sha256(bytes)).toBe(document.sha256);
      if (mime === 'application/pdf') expect(bytes.equals(original)).toBe(true);
    },
  );

  it.each([
    ['an .exe', exe(), 'application/octet-stream', 'DOCUMENT_TYPE_NOT_ALLOWED'],
    ['a ZIP renamed .jpg', zip(), 'image/jpeg', 'DOCUMENT_TYPE_NOT_ALLOWED'],
    ['an HTML file', html(), 'image/jpeg', 'DOCUMENT_TYPE_NOT_ALLOWED'],
  ])('refuses %s with its reason and stores nothing', async (_name, bytes, declared, reason) => {
    const before = await storedCount();
    const { id: mediaId } = sandbox.putMedia(bytes, declared, 'foto.jpg');
    const error = await ingest(mediaId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', reason });
    expect((error as Error).message).toContain('Jenis file ini tidak dapat kami terima');
    expect(await storedCount()).toBe(before);
  });

  it('refuses a 50 MB image by its declared size, before downloading it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(big);
    const { id: mediaId } = sandbox.putMedia(big, 'image/jpeg', 'besar.jpg');
    const before = await storedCount();
    await expect(ingest(mediaId)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'DOCUMENT_TOO_LARGE',
    });
    expect(downloads(mediaId)).toHaveLength(0);
    expect(await storedCount()).toBe(before);
  });

  it('refuses a 22 MB photo with the photo limit in the citizen’s message, not the PDF limit', async () => {
    const big = Buffer.alloc(22 * 1024 * 1024, 0x20);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(big);
    const { id: mediaId } = sandbox.putMedia(big, 'image/jpeg', 'foto-besar.jpg');
    const error = (await ingest(mediaId).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ reason: 'DOCUMENT_TOO_LARGE' });
    expect(error.message).toBe(
      'Ukuran foto terlalu besar (maksimal 5 MB). Silakan kirim foto yang lebih kecil.',
    );
    expect(error.message).not.toContain('10 MB');
  });

  it('refuses a 20 000 × 20 000 image without exhausting memory', async () => {
    const bomb = await pngBomb(20_000);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024); // small enough to pass the size limit
    const { id: mediaId } = sandbox.putMedia(bomb, 'image/png', 'bom.png');
    const rssBefore = process.memoryUsage().rss;
    await expect(ingest(mediaId)).rejects.toMatchObject({ reason: 'DOCUMENT_TOO_MANY_PIXELS' });
    const grewBy = process.memoryUsage().rss - rssBefore;
    // Decoded, this image needs 400 MB (greyscale) to 1.6 GB (RGBA); refusing it needs ~nothing.
    expect(grewBy).toBeLessThan(150 * 1024 * 1024);
  });

  it('stores one document when the same media id is ingested twice at once', async () => {
    const { id: mediaId } = sandbox.putMedia(await jpegWithGps(80, 60), 'image/jpeg');
    // Slow the download so both calls overlap.
    sandbox.state.faults.add({ route: 'media.download', latencyMs: 300, mediaId });
    const [a, b] = await Promise.all([ingest(mediaId), ingest(mediaId)]);
    expect(a.id).toBe(b.id);
    expect([a.deduplicated, b.deduplicated].sort()).toEqual([false, true]);
    expect(await h.mongo.collection('documents').countDocuments({ mediaId })).toBe(1);
    expect(downloads(mediaId)).toHaveLength(1);
    // And a third call, later, still returns the same document.
    expect((await ingest(mediaId)).id).toBe(a.id);
  });

  it('retries a transient 500 from WhatsApp and then stores the document', async () => {
    const { id: mediaId } = sandbox.putMedia(await png(20, 20), 'image/png');
    sandbox.state.faults.add({ route: 'media.download', status: 500, count: 2, mediaId });
    const since = lastSeq();
    const doc = await ingest(mediaId);
    expect(doc.status).toBe('STORED');
    expect(downloadStatuses(since, mediaId)).toEqual([500, 500, 200]);
  });

  it('reports a permanent 404 as MEDIA_NOT_FOUND, without retrying, and stores nothing', async () => {
    const { id: mediaId } = sandbox.putMedia(await png(20, 20), 'image/png');
    sandbox.state.faults.add({ route: 'media.download', status: 404, mediaId });
    const before = await storedCount();
    const since = lastSeq();
    await expect(ingest(mediaId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'MEDIA_NOT_FOUND',
    });
    expect(downloadStatuses(since, mediaId)).toEqual([404]);
    expect(await storedCount()).toBe(before);
  });

  it('reports an unknown media id as MEDIA_NOT_FOUND', async () => {
    await expect(ingest('123456789012345')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'MEDIA_NOT_FOUND',
    });
  });

  it('gives up with MEDIA_DOWNLOAD_FAILED when WhatsApp keeps failing, and stores nothing', async () => {
    const { id: mediaId } = sandbox.putMedia(await png(21, 21), 'image/png');
    sandbox.state.faults.add({ route: 'media.metadata', status: 503, mediaId });
    const before = await storedCount();
    await expect(ingest(mediaId)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'MEDIA_DOWNLOAD_FAILED',
    });
    expect(await storedCount()).toBe(before);
    // The media id is free again: once WhatsApp recovers, the same call succeeds.
    sandbox.state.faults.clear();
    expect((await ingest(mediaId)).status).toBe('STORED');
  });

  it('returns the existing document when a citizen sends the same photo twice in one case', async () => {
    const photo = await png(30, 30);
    const first = await ingest(sandbox.putMedia(photo, 'image/png').id, {
      caseId: 'case-dup',
      sessionRef: '',
    });
    const second = await ingest(sandbox.putMedia(photo, 'image/png').id, {
      caseId: 'case-dup',
      sessionRef: '',
    });
    expect(second.id).toBe(first.id);
    expect(second.deduplicated).toBe(true);
  });
});
