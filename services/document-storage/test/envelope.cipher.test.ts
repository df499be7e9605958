import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DocumentCipher,
  openChunk,
  sealChunk,
  splitChunks,
} from '../src/domain/envelope.cipher.js';
import { MasterKeyRing } from '../src/domain/master-key.ring.js';

const key64 = () => randomBytes(32).toString('base64');
const k1 = `k1:${key64()}`;
const k2 = `k2:${key64()}`;

describe('envelope encryption', () => {
  const cipher = new DocumentCipher(MasterKeyRing.fromEntries([k1], 'k1'));

  it('seals and opens chunks; the ciphertext does not contain the plaintext', () => {
    const { key, wrapped, noncePrefix } = cipher.createDataKey('doc-1');
    const plain = Buffer.from('KK 1471010101010001 — family card of a family in Pekanbaru');
    const ctx = { documentId: 'doc-1', part: 'content' as const, index: 0, last: true };
    const sealed = sealChunk(key, noncePrefix, ctx, plain);
    expect(sealed.includes(plain.subarray(0, 12))).toBe(false);
    const unwrapped = cipher.unwrapDataKey('doc-1', wrapped);
    expect(openChunk(unwrapped, noncePrefix, ctx, sealed)).toEqual(plain);
  });

  it('fails with an integrity error when one byte changes', () => {
    const { key, noncePrefix } = cipher.createDataKey('doc-2');
    const ctx = { documentId: 'doc-2', part: 'content' as const, index: 0, last: true };
    const sealed = sealChunk(key, noncePrefix, ctx, Buffer.from('hello'));
    sealed[1] = (sealed[1] ?? 0) ^ 0x01;
    expect(() => openChunk(key, noncePrefix, ctx, sealed)).toThrow(
      expect.objectContaining({ reason: 'DOCUMENT_INTEGRITY_FAILED' }),
    );
  });

  it('refuses a chunk moved to another position, another document, or a cut-short document', () => {
    const { key, noncePrefix } = cipher.createDataKey('doc-3');
    const sealed = sealChunk(
      key,
      noncePrefix,
      { documentId: 'doc-3', part: 'content', index: 0, last: false },
      Buffer.from('a'),
    );
    const moved = { documentId: 'doc-3', part: 'content' as const, index: 1, last: false };
    const otherDoc = { documentId: 'doc-4', part: 'content' as const, index: 0, last: false };
    const truncated = { documentId: 'doc-3', part: 'content' as const, index: 0, last: true };
    for (const ctx of [moved, otherDoc, truncated])
      expect(() => openChunk(key, noncePrefix, ctx, sealed)).toThrow();
  });

  it('binds the wrapped data key to its document', () => {
    const { wrapped } = cipher.createDataKey('doc-5');
    expect(() => cipher.unwrapDataKey('doc-6', wrapped)).toThrow(
      expect.objectContaining({ reason: 'DOCUMENT_INTEGRITY_FAILED' }),
    );
  });

  it('after a rotation, keys wrapped by the old master key still open, and re-wrap under the new one', () => {
    const old = cipher.createDataKey('doc-7');
    const rotated = new DocumentCipher(MasterKeyRing.fromEntries([k1, k2], 'k2'));
    expect(rotated.unwrapDataKey('doc-7', old.wrapped)).toEqual(old.key);
    const rewrapped = rotated.rewrap('doc-7', old.wrapped);
    expect(rewrapped?.keyId).toBe('k2');
    expect(rotated.rewrap('doc-7', rewrapped!)).toBeUndefined();
    const onlyNew = new DocumentCipher(MasterKeyRing.fromEntries([k2], 'k2'));
    expect(onlyNew.unwrapDataKey('doc-7', rewrapped!)).toEqual(old.key);
    expect(() => onlyNew.unwrapDataKey('doc-7', old.wrapped)).toThrow(
      expect.objectContaining({ reason: 'MASTER_KEY_UNKNOWN' }),
    );
  });

  it('gives every document a different data key', () => {
    expect(cipher.createDataKey('a').key.equals(cipher.createDataKey('a').key)).toBe(false);
  });

  it('splits into chunks of the given size, and an empty input into one empty chunk', () => {
    expect(splitChunks(Buffer.alloc(10), 4).map((c) => c.length)).toEqual([4, 4, 2]);
    expect(splitChunks(Buffer.alloc(0), 4)).toHaveLength(1);
  });
});

describe('MasterKeyRing.fromEntries', () => {
  it('refuses a key that is not 32 bytes, a duplicate id, and an active id not in the list', () => {
    expect(() =>
      MasterKeyRing.fromEntries([`k1:${Buffer.alloc(16).toString('base64')}`], 'k1'),
    ).toThrow(/32 bytes/);
    expect(() => MasterKeyRing.fromEntries([k1, k1], 'k1')).toThrow(/twice/);
    expect(() => MasterKeyRing.fromEntries([k1], 'k2')).toThrow(/not in the key list/);
    expect(() => MasterKeyRing.fromEntries([key64()], 'k1')).toThrow();
  });

  it('never puts the key material in its error messages', () => {
    const secret = Buffer.alloc(16, 7).toString('base64');
    try {
      MasterKeyRing.fromEntries([`k1:${secret}`], 'k1');
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });
});
