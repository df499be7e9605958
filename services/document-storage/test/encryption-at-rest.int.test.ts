import { toBuffer } from '../src/store/binary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps, noisyJpeg, pdf } from './fixtures.js';
import {
  callerMetadata,
  newMasterKey,
  readDocument,
  startHarness,
  unary,
  uploadDocument,
  type Harness,
} from './harness.js';

const OFFICE = 'pekanbaru';
const K1 = newMasterKey('k1');
const K2 = newMasterKey('k2');

/** Stored bytes are ciphertext; any change is caught; master keys rotate without losing documents. */
describe('encryption at rest', () => {
  let h: Harness;
  const chunks = () =>
    h.mongo.collection<{ _id: string; documentId: string; data: unknown }>('document_chunks');

  beforeAll(async () => {
    // Small chunks so that a 100 KB photo spans several, sealed one by one.
    h = await startHarness({
      env: {
        DOCUMENT_MASTER_KEYS: K1,
        DOCUMENT_ACTIVE_KEY_ID: 'k1',
        DOCUMENT_CHUNK_BYTES: '16384',
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps only ciphertext in MongoDB: no plaintext run, no file signature, no PDF text', async () => {
    const plain = pdf('/Title (KK 1471010101900001 keluarga Budi)');
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-1', kind: 'KK' },
      plain,
    );
    const raw = await chunks().find({ documentId: doc.id }).toArray();
    expect(raw.length).toBeGreaterThan(0);
    const stored = Buffer.concat(raw.map((c) => toBuffer(c.data)));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.includes(Buffer.from('1471010101900001'))).toBe(false);
    expect(stored.includes(plain.subarray(100, 116))).toBe(false);
    // The document record holds the data key only wrapped, with the master key's id.
    const record = await h.mongo.collection('documents').findOne({ _id: doc.id as never });
    expect(record?.encryption).toMatchObject({ alg: 'aes-256-gcm', keyId: 'k1' });
    expect(JSON.stringify(record)).not.toContain('1471010101900001');
    // And it reads back as it was.
    expect((await readDocument(h.client, OFFICE, doc.id)).bytes.equals(plain)).toBe(true);
  });

  it('fails the read with an integrity error when one stored byte is changed', async () => {
    const photo = await noisyJpeg(300, 300);
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-2', kind: 'KTP_EL' },
      photo,
    );
    expect(Number(doc.sizeBytes)).toBeGreaterThan(16384 * 2); // several chunks
    const target = `${doc.id}:content:1`;
    const chunk = await chunks().findOne({ _id: target });
    const bytes = toBuffer(chunk!.data);
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    await chunks().updateOne({ _id: target }, { $set: { data: bytes } });

    await expect(readDocument(h.client, OFFICE, doc.id)).rejects.toMatchObject({
      code: 'INTERNAL',
      reason: 'DOCUMENT_INTEGRITY_FAILED',
    });
  });

  it('fails the read when a chunk is missing or the wrapped key is altered', async () => {
    const a = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-3', kind: 'KK' },
      await noisyJpeg(300, 300),
    );
    await chunks().deleteOne({ _id: `${a.id}:content:1` });
    await expect(readDocument(h.client, OFFICE, a.id)).rejects.toMatchObject({
      reason: 'DOCUMENT_INTEGRITY_FAILED',
    });

    const b = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-3', kind: 'KK' },
      pdf(),
    );
    const docs = h.mongo.collection<{
      _id: string;
      encryption: { wrappedKey: { buffer: Uint8Array } };
    }>('documents');
    const record = await docs.findOne({ _id: b.id });
    const wrapped = Buffer.from(record!.encryption.wrappedKey.buffer);
    wrapped[20] = (wrapped[20] ?? 0) ^ 0x80;
    await docs.updateOne({ _id: b.id }, { $set: { 'encryption.wrappedKey': wrapped } });
    await expect(readDocument(h.client, OFFICE, b.id)).rejects.toMatchObject({
      reason: 'DOCUMENT_INTEGRITY_FAILED',
    });
  });

  it('reads old and new documents after a master-key rotation, and after re-wrapping, without the old key', async () => {
    const before = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-4', kind: 'KK' },
      await jpegWithGps(90, 50),
    );
    const beforeBytes = (await readDocument(h.client, OFFICE, before.id)).bytes;

    // Rotation: k2 becomes active, k1 stays listed. Same database, a new service instance.
    const rotated = await startHarness({
      mongo: h.mongo,
      dbName: h.dbName,
      env: {
        DOCUMENT_MASTER_KEYS: `${K1},${K2}`,
        DOCUMENT_ACTIVE_KEY_ID: 'k2',
        DOCUMENT_CHUNK_BYTES: '16384',
      },
    });
    try {
      const after = await uploadDocument(
        rotated.client,
        { officeId: OFFICE, caseId: 'case-4', kind: 'KTP_EL' },
        pdf('/Title (baru)'),
      );
      const keyOf = async (id: string) =>
        (
          (await h.mongo.collection('documents').findOne({ _id: id as never }))?.encryption as {
            keyId: string;
          }
        ).keyId;
      expect(await keyOf(before.id)).toBe('k1');
      expect(await keyOf(after.id)).toBe('k2');
      expect(
        (await readDocument(rotated.client, OFFICE, before.id)).bytes.equals(beforeBytes),
      ).toBe(true);
      expect(
        (await readDocument(rotated.client, OFFICE, after.id)).bytes.equals(pdf('/Title (baru)')),
      ).toBe(true);

      // Re-wrap moves every data key under k2; then k1 can leave the configuration.
      // (The document whose wrapped key an earlier test damaged is reported, not fatal.)
      const { rewrapped, failed } = await rotated.app.service.rewrapKeys();
      expect(rewrapped).toBeGreaterThanOrEqual(1);
      expect(failed).toBe(1);
      expect(await keyOf(before.id)).toBe('k2');
      expect((await rotated.app.service.rewrapKeys()).rewrapped).toBe(0);
    } finally {
      await rotated.close();
    }
    const onlyK2 = await startHarness({
      mongo: h.mongo,
      dbName: h.dbName,
      env: { DOCUMENT_MASTER_KEYS: K2, DOCUMENT_ACTIVE_KEY_ID: 'k2' },
    });
    try {
      expect((await readDocument(onlyK2.client, OFFICE, before.id)).bytes.equals(beforeBytes)).toBe(
        true,
      );
    } finally {
      await onlyK2.close();
    }
  });

  it('de-duplicates uploads within a case by the SHA-256 of the stored content', async () => {
    const bytes = pdf('/Title (sama)');
    const a = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-5', kind: 'KK' },
      bytes,
    );
    const b = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-5', kind: 'KK' },
      bytes,
    );
    const c = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'case-6', kind: 'KK' },
      bytes,
    );
    expect(b.id).toBe(a.id);
    expect(b.deduplicated).toBe(true);
    expect(c.id).not.toBe(a.id);
    const listed = await unary<object, { documents: { id: string }[] }>(
      h.client,
      'listCaseDocuments',
      { officeId: OFFICE, caseId: 'case-5' },
      callerMetadata(),
    );
    expect(listed.documents.map((d) => d.id)).toEqual([a.id]);
  });
});
