import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';

interface MediaClaimRecord {
  /** `${officeId}:${mediaId}`: the _id makes a media id claimable exactly once. */
  _id: string;
  documentId: string;
  state: 'PENDING' | 'DONE';
  /** A PENDING claim past this time belongs to a writer that died; another may take it over. */
  leaseUntil: Date;
  updatedAt: Date;
}

export type ClaimOutcome =
  | { won: true; documentId: string }
  | { won: false; documentId: string; state: 'PENDING' | 'DONE'; leaseUntil: Date };

/**
 * `media_ingests`: makes ingest idempotent per WhatsApp media id, also under concurrency. The
 * first caller inserts the claim; others find it and wait for its document. A unique `_id`
 * is the one uniqueness FerretDB and MongoDB both enforce on insert, with code 11000.
 */
export class MediaClaimRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<MediaClaimRecord>('media_ingests');
  }

  async claim(
    officeId: string,
    mediaId: string,
    documentId: string,
    leaseMs: number,
  ): Promise<ClaimOutcome> {
    const _id = `${officeId}:${mediaId}`;
    const now = new Date();
    try {
      await this.collection.insertOne({
        _id,
        documentId,
        state: 'PENDING',
        leaseUntil: new Date(now.getTime() + leaseMs),
        updatedAt: now,
      });
      return { won: true, documentId };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Taken. If its writer died (lease over), take it over with a fresh document id.
    const taken = await this.collection.updateOne(
      { _id, state: 'PENDING', leaseUntil: { $lt: now } },
      { $set: { documentId, leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now } },
    );
    if (taken.modifiedCount === 1) return { won: true, documentId };
    const existing = await this.collection.findOne({ _id });
    if (!existing) return this.claim(officeId, mediaId, documentId, leaseMs);
    return {
      won: false,
      documentId: existing.documentId,
      state: existing.state,
      leaseUntil: existing.leaseUntil,
    };
  }

  async get(officeId: string, mediaId: string): Promise<MediaClaimRecord | null> {
    return this.collection.findOne({ _id: `${officeId}:${mediaId}` });
  }

  /** Points the claim at the document that now stands for this media (new, or a duplicate by content). */
  async complete(
    officeId: string,
    mediaId: string,
    claimedDocumentId: string,
    documentId: string,
  ): Promise<void> {
    await this.collection.updateOne(
      { _id: `${officeId}:${mediaId}`, documentId: claimedDocumentId },
      { $set: { state: 'DONE', documentId, updatedAt: new Date() } },
    );
  }

  /** A failed ingest gives the media id back, so a later call may try again. */
  async release(officeId: string, mediaId: string, documentId: string): Promise<void> {
    await this.collection.deleteOne({
      _id: `${officeId}:${mediaId}`,
      documentId,
      state: 'PENDING',
    });
  }
}
