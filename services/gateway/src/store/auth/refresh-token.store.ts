import { createHash } from 'node:crypto';
import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';

export const REFRESH_TOKEN_COLLECTION = 'refresh_tokens';
export const REFRESH_ROTATION_COLLECTION = 'refresh_rotations';

interface RefreshTokenDoc {
  /** sha256 of the token: the token itself is never stored. */
  _id: string;
  accountId: string;
  /** Every token descended from one sign-in. */
  familyId: string;
  expiresAt: Date;
  createdAt: Date;
}

/** `familyId` → revoked; a family is revoked by sign-out or by a replayed token. */
interface RevokedFamilyDoc {
  _id: string;
  revokedAt: Date;
}

export interface RefreshTokenRecord {
  accountId: string;
  familyId: string;
  expiresAt: Date;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Refresh tokens, rotated on every use. A token is spent by inserting its hash into
 * `refresh_rotations` under a unique `_id`: the one write FerretDB v1 makes atomic (a filtered
 * "set rotatedAt where null" is not isolated there), so of two replicas racing to spend the
 * same token exactly one wins and the other sees a replay.
 */
export class RefreshTokenStore {
  private readonly tokens: mongo.Collection<RefreshTokenDoc>;
  private readonly rotations: mongo.Collection<{ _id: string; at: Date; expiresAt: Date }>;
  private readonly revoked: mongo.Collection<RevokedFamilyDoc>;

  constructor(connection: Connection) {
    this.tokens = connection.collection(
      REFRESH_TOKEN_COLLECTION,
    ) as unknown as mongo.Collection<RefreshTokenDoc>;
    this.rotations = connection.collection(
      REFRESH_ROTATION_COLLECTION,
    ) as unknown as mongo.Collection<{
      _id: string;
      at: Date;
      expiresAt: Date;
    }>;
    this.revoked = connection.collection(
      'refresh_revoked_families',
    ) as unknown as mongo.Collection<RevokedFamilyDoc>;
  }

  async save(token: string, record: RefreshTokenRecord): Promise<void> {
    await this.tokens.insertOne({ _id: hashToken(token), ...record, createdAt: new Date() });
  }

  async find(token: string): Promise<RefreshTokenRecord | undefined> {
    const doc = await this.tokens.findOne({ _id: hashToken(token) });
    return doc
      ? { accountId: doc.accountId, familyId: doc.familyId, expiresAt: doc.expiresAt }
      : undefined;
  }

  /** Spends the token; false when it was spent before (a replay). */
  async spend(token: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.rotations.insertOne({ _id: hashToken(token), at: new Date(), expiresAt });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async isRevoked(familyId: string): Promise<boolean> {
    return (await this.revoked.findOne({ _id: familyId })) !== null;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.revoked.replaceOne({ _id: familyId }, { revokedAt: new Date() }, { upsert: true });
  }
}
