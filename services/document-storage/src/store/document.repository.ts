import type { Connection } from '@pandawa/mongo';
import { toBuffer } from './binary.js';
import type { RetentionPolicy } from '../domain/retention.policy.js';
import type { DocumentEncryption, DocumentRecord } from './document.record.js';
import { expiredFilters } from './retention.filters.js';

type Filter = Record<string, unknown>;

/** One of the queries for content past its retention (built here; the purge only runs them). */
export interface ExpiredQuery {
  readonly filter: Readonly<Filter>;
}

/**
 * `documents`. Every query is scoped by `officeId`: one office never sees another's documents.
 * Lists carry it in the filter. Reads and writes of one document by id filter on `{ _id }` alone
 * and check the office in code: FerretDB v1 (local/CI) answers only that exact filter from an
 * index, and decodes the whole collection for any other (even `{ _id, officeId }`). A record's
 * `_id` and `officeId` never change, so the check cannot go stale. Writes that are a
 * compare-and-set on other fields (status, key id) keep those fields in the filter: that is
 * what makes them correct, on MongoDB at least.
 */
export class DocumentRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<DocumentRecord>('documents');
  }

  async ensureIndexes(): Promise<void> {
    // listByCase and de-duplication by content within a case.
    await this.collection.createIndex({ officeId: 1, caseId: 1, sha256: 1 });
    // attachSession: the documents of one intake session.
    await this.collection.createIndex({ officeId: 1, sessionRef: 1 });
    // recordCaseClosed: stamp closure time on a case's documents (same index as above serves it).
    // Retention purge: stored documents whose case closed before a cutoff.
    await this.collection.createIndex({ status: 1, caseClosedAt: 1 });
    // Purge of never-attached documents and of stale STORING records.
    await this.collection.createIndex({ status: 1, createdAt: 1 });
    // Finishing removals a crash interrupted.
    await this.collection.createIndex({ cleanupPending: 1 });
    // Key rotation: documents still wrapped by an old master key.
    await this.collection.createIndex({ 'encryption.keyId': 1 });
  }

  async insert(record: DocumentRecord): Promise<void> {
    await this.collection.insertOne(record);
  }

  async findById(officeId: string, id: string): Promise<DocumentRecord | null> {
    // `{ _id }` alone (see the class comment); another office's document is as good as missing.
    const doc = await this.collection.findOne({ _id: id });
    return doc && doc.officeId === officeId ? normalise(doc) : null;
  }

  /**
   * The office a document belongs to, or null if there is no such document. Only for recording
   * who asked for it (the access log files a refused read under the document's own office).
   */
  async officeOf(id: string): Promise<string | null> {
    const doc = await this.collection.findOne({ _id: id }, { projection: { officeId: 1 } });
    return doc ? doc.officeId : null;
  }

  private async belongsTo(officeId: string, id: string): Promise<boolean> {
    return (await this.officeOf(id)) === officeId;
  }

  /**
   * A stored document with the same content in the same case (or, before there is a case, the
   * same intake session): a citizen who sends the same photo twice gets one document.
   */
  async findDuplicate(
    officeId: string,
    scope: { caseId: string | null; sessionRef: string | null },
    sha256: string,
  ): Promise<DocumentRecord | null> {
    const where = scope.caseId
      ? { caseId: scope.caseId }
      : scope.sessionRef
        ? { sessionRef: scope.sessionRef, caseId: null }
        : null;
    if (!where) return null;
    const doc = await this.collection.findOne({ officeId, ...where, sha256, status: 'STORED' });
    return doc ? normalise(doc) : null;
  }

  async listByCase(officeId: string, caseId: string): Promise<DocumentRecord[]> {
    const docs = await this.collection
      .find({ officeId, caseId, status: { $in: ['STORED', 'PURGED', 'DELETED'] } })
      .sort({ createdAt: 1 })
      .toArray();
    return docs.map(normalise);
  }

  async listBySession(officeId: string, sessionRef: string): Promise<DocumentRecord[]> {
    const docs = await this.collection
      .find({ officeId, sessionRef, status: 'STORED' })
      .sort({ createdAt: 1 })
      .toArray();
    return docs.map(normalise);
  }

  /**
   * Compare-and-set on `status: 'STORING'` (a record shredded or removed meanwhile must not come
   * back as STORED), so the filter keeps its extra fields even though FerretDB scans for it.
   */
  async markStored(officeId: string, id: string): Promise<void> {
    await this.collection.updateOne(
      { _id: id, officeId, status: 'STORING' },
      { $set: { status: 'STORED' } },
    );
  }

  /** Sets the case (and the closure time, if the case already closed). Returns false if not found. */
  async attach(
    officeId: string,
    id: string,
    caseId: string,
    at: Date,
    caseClosedAt: Date | null,
  ): Promise<boolean> {
    if (!(await this.belongsTo(officeId, id))) return false;
    const res = await this.collection.updateOne(
      { _id: id },
      { $set: { caseId, attachedAt: at, caseClosedAt } },
    );
    return res.matchedCount === 1;
  }

  async setCaseClosedAt(officeId: string, caseId: string, closedAt: Date): Promise<number> {
    const res = await this.collection.updateMany(
      { officeId, caseId },
      { $set: { caseClosedAt: closedAt } },
    );
    return res.modifiedCount;
  }

  /**
   * First step of removing content: the wrapped data key goes, so the content is unreadable from
   * this moment, whatever happens to the chunks after. Compare-and-set on the status: exactly one
   * caller gets the record back and goes on to write the audit record, so the filter keeps it.
   */
  async shred(
    officeId: string,
    id: string,
    status: 'PURGED' | 'DELETED',
    at: Date,
  ): Promise<DocumentRecord | null> {
    const before = await this.collection.findOneAndUpdate(
      { _id: id, officeId, status: { $in: ['STORED', 'STORING'] } },
      { $set: { status, removedAt: at, encryption: null, cleanupPending: true } },
      { returnDocument: 'before' },
    );
    return before ? normalise(before) : null;
  }

  async finishCleanup(officeId: string, id: string): Promise<void> {
    if (!(await this.belongsTo(officeId, id))) return;
    await this.collection.updateOne({ _id: id }, { $set: { cleanupPending: false } });
  }

  /** Removals that a crash interrupted after the key was shredded. */
  async findCleanupPending(limit: number): Promise<DocumentRecord[]> {
    const docs = await this.collection.find({ cleanupPending: true }).limit(limit).toArray();
    return docs.map(normalise);
  }

  /** The queries, one per retention rule, for stored content whose retention ran out by `now`. */
  expiredQueries(policy: RetentionPolicy, now: Date): ExpiredQuery[] {
    return expiredFilters(policy, now).map((filter) => ({ filter }));
  }

  /** Documents an expiry query finds, oldest first. */
  async findExpired(query: ExpiredQuery, limit: number): Promise<DocumentRecord[]> {
    return this.findOldestFirst(query.filter, limit);
  }

  /** STORING records created before `before`: their writer died half-way. */
  async findStaleStoring(before: Date, limit: number): Promise<DocumentRecord[]> {
    return this.findOldestFirst({ status: 'STORING', createdAt: { $lt: before } }, limit);
  }

  private async findOldestFirst(filter: Readonly<Filter>, limit: number) {
    const docs = await this.collection.find(filter).sort({ createdAt: 1 }).limit(limit).toArray();
    return docs.map(normalise);
  }

  async findWrappedByOtherKey(activeKeyId: string, limit: number): Promise<DocumentRecord[]> {
    const docs = await this.collection
      .find({ status: 'STORED', 'encryption.keyId': { $ne: activeKeyId } })
      .limit(limit)
      .toArray();
    return docs.map(normalise);
  }

  /** Replaces the wrapped key only if it is still the one read (a concurrent rewrap wins once). */
  async replaceWrappedKey(
    officeId: string,
    id: string,
    previousKeyId: string,
    encryption: DocumentEncryption,
  ): Promise<boolean> {
    const res = await this.collection.updateOne(
      { _id: id, officeId, status: 'STORED', 'encryption.keyId': previousKeyId },
      { $set: { encryption } },
    );
    return res.modifiedCount === 1;
  }

  /**
   * A STORING record whose writer died: nothing refers to it yet. Compare-and-set on the status
   * (a record that has left STORING meanwhile is not removed), so the filter keeps it.
   */
  async removeStale(officeId: string, id: string): Promise<boolean> {
    const res = await this.collection.deleteOne({ _id: id, officeId, status: 'STORING' });
    return res.deletedCount === 1;
  }
}

function normalise(doc: DocumentRecord): DocumentRecord {
  return {
    ...doc,
    encryption: doc.encryption
      ? {
          ...doc.encryption,
          wrappedKey: toBuffer(doc.encryption.wrappedKey),
          noncePrefix: toBuffer(doc.encryption.noncePrefix),
        }
      : null,
  };
}
