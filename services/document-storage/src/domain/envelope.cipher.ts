import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import type { MasterKeyRing } from './master-key.ring.js';

/**
 * Envelope encryption, AES-256-GCM throughout:
 * - each document gets a fresh 256-bit data key, stored only wrapped (encrypted) by a master key,
 *   with the master key's id beside it;
 * - the content is cut into chunks, each sealed on its own with the data key. A chunk's nonce is
 *   the document's random prefix, the part and the chunk's index; its additional data binds the
 *   document id, the part, the index and whether it is the last chunk, so chunks cannot be
 *   swapped between documents, reordered or cut off without the read failing. Each chunk is
 *   authenticated before a byte of it is released, which lets reads stream.
 * Deleting the wrapped key makes the content unreadable at once (crypto-shredding), even if a
 * backup still holds its chunks.
 */
export const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const NONCE_PREFIX_BYTES = 7;
export const CHUNK_OVERHEAD = TAG_BYTES;

export type DocumentPart = 'content' | 'preview';
const PART_BYTE: Record<DocumentPart, number> = { content: 0, preview: 1 };

export interface WrappedDataKey {
  keyId: string;
  /** iv (12) | ciphertext (32) | tag (16) */
  wrapped: Buffer;
}

export interface ChunkContext {
  documentId: string;
  part: DocumentPart;
  index: number;
  last: boolean;
}

export function integrityError(cause?: unknown): AppError {
  return new AppError('INTERNAL', 'document failed its integrity check', {
    reason: 'DOCUMENT_INTEGRITY_FAILED',
    ...(cause === undefined ? {} : { cause }),
  });
}

const wrapAad = (documentId: string, keyId: string) =>
  Buffer.from(`pandawa-document-key|v1|${documentId}|${keyId}`);
const chunkAad = (c: ChunkContext) =>
  Buffer.from(`pandawa-document|v1|${c.documentId}|${c.part}|${c.index}|${c.last ? 1 : 0}`);

function chunkNonce(prefix: Buffer, part: DocumentPart, index: number): Buffer {
  const nonce = Buffer.alloc(IV_BYTES);
  prefix.copy(nonce, 0, 0, NONCE_PREFIX_BYTES);
  nonce[NONCE_PREFIX_BYTES] = PART_BYTE[part];
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES + 1);
  return nonce;
}

export class DocumentCipher {
  constructor(private readonly ring: MasterKeyRing) {}

  get activeKeyId(): string {
    return this.ring.activeKeyId;
  }

  /** A fresh data key for a new document, wrapped by the active master key. */
  createDataKey(documentId: string): { key: Buffer; wrapped: WrappedDataKey; noncePrefix: Buffer } {
    const key = randomBytes(32);
    return {
      key,
      wrapped: this.wrap(documentId, key, this.ring.activeKeyId),
      noncePrefix: randomBytes(NONCE_PREFIX_BYTES),
    };
  }

  unwrapDataKey(documentId: string, wrapped: WrappedDataKey): Buffer {
    const master = this.ring.get(wrapped.keyId);
    const iv = wrapped.wrapped.subarray(0, IV_BYTES);
    const tag = wrapped.wrapped.subarray(wrapped.wrapped.length - TAG_BYTES);
    const body = wrapped.wrapped.subarray(IV_BYTES, wrapped.wrapped.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv(ALGORITHM, master, iv);
      decipher.setAAD(wrapAad(documentId, wrapped.keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch (error) {
      throw integrityError(error);
    }
  }

  /** The data key wrapped again by the active master key, or undefined if it already is. */
  rewrap(documentId: string, wrapped: WrappedDataKey): WrappedDataKey | undefined {
    if (wrapped.keyId === this.ring.activeKeyId) return undefined;
    const key = this.unwrapDataKey(documentId, wrapped);
    try {
      return this.wrap(documentId, key, this.ring.activeKeyId);
    } finally {
      key.fill(0);
    }
  }

  private wrap(documentId: string, key: Buffer, keyId: string): WrappedDataKey {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.ring.get(keyId), iv);
    cipher.setAAD(wrapAad(documentId, keyId));
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return { keyId, wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]) };
  }
}

/** Seals one chunk: ciphertext followed by its 16-byte tag. */
export function sealChunk(
  key: Buffer,
  noncePrefix: Buffer,
  ctx: ChunkContext,
  plaintext: Buffer,
): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, chunkNonce(noncePrefix, ctx.part, ctx.index));
  cipher.setAAD(chunkAad(ctx));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens one chunk; any change to it, its position or its document fails with an integrity error. */
export function openChunk(
  key: Buffer,
  noncePrefix: Buffer,
  ctx: ChunkContext,
  sealed: Buffer,
): Buffer {
  if (sealed.length < TAG_BYTES) throw integrityError();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, chunkNonce(noncePrefix, ctx.part, ctx.index));
    decipher.setAAD(chunkAad(ctx));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (error) {
    throw integrityError(error);
  }
}

/** Splits plaintext into chunks of `size` bytes (at least one chunk, even for empty input). */
export function splitChunks(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks.length ? chunks : [Buffer.alloc(0)];
}
