import { AppError } from '@pandawa/errors';

/**
 * The master keys that wrap documents' data keys, by id. New documents use the active key;
 * every older key stays in the ring until no document is wrapped by it (see key rotation in
 * document.service.ts), so a rotation never makes a document unreadable.
 */
export class MasterKeyRing {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {}

  /** From `id:<base64 of 32 bytes>` entries. Throws on a malformed entry or an unknown active id. */
  static fromEntries(entries: readonly string[], activeKeyId: string): MasterKeyRing {
    const keys = new Map<string, Buffer>();
    for (const entry of entries) {
      const at = entry.indexOf(':');
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      // Never echo the entry: it is a secret.
      if (at <= 0 || !/^[A-Za-z0-9_.-]+$/.test(id))
        throw new Error('master key entry without a valid id');
      if (key.length !== 32) throw new Error(`master key ${id} is not 32 bytes of base64`);
      if (keys.has(id)) throw new Error(`master key ${id} listed twice`);
      keys.set(id, key);
    }
    if (!keys.has(activeKeyId))
      throw new Error(`active master key ${activeKeyId} is not in the key list`);
    return new MasterKeyRing(keys, activeKeyId);
  }

  get activeKey(): Buffer {
    return this.get(this.activeKeyId);
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  get(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key)
      throw new AppError('INTERNAL', 'document key unavailable', {
        reason: 'MASTER_KEY_UNKNOWN',
        details: { keyId: id },
      });
    return key;
  }
}
