import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { newMediaId } from './ids.js';

export interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  sha256: string;
  filename: string | undefined;
  /** Who put it there: a citizen's message or our side's upload. */
  origin: 'citizen' | 'business';
  uploadedAt: number;
}

/** Uploaded media, in memory, with signed download links that expire like Meta's. */
export class MediaStore {
  private readonly media = new Map<string, StoredMedia>();
  private readonly linkKey = randomBytes(32);

  put(input: {
    bytes: Uint8Array;
    mimeType: string;
    filename?: string;
    origin: StoredMedia['origin'];
    now: number;
  }): StoredMedia {
    const bytes = Buffer.from(input.bytes);
    const stored: StoredMedia = {
      id: newMediaId(),
      bytes,
      mimeType: input.mimeType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      filename: input.filename,
      origin: input.origin,
      uploadedAt: input.now,
    };
    this.media.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredMedia | undefined {
    return this.media.get(id);
  }

  delete(id: string): boolean {
    return this.media.delete(id);
  }

  list(): StoredMedia[] {
    return [...this.media.values()];
  }

  /** Query string of a download link valid until `expiresAt` (ms). */
  sign(id: string, expiresAt: number): string {
    const hash = this.mac(id, expiresAt);
    return `mid=${encodeURIComponent(id)}&ext=${expiresAt}&hash=${hash}`;
  }

  /** Checks a link's signature (not its expiry). */
  verify(id: string, expiresAt: number, hash: string): boolean {
    const expected = Buffer.from(this.mac(id, expiresAt));
    const given = Buffer.from(hash);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(id: string, expiresAt: number): string {
    return createHmac('sha256', this.linkKey).update(`${id}.${expiresAt}`).digest('base64url');
  }
}
