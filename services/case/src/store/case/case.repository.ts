import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';
import { urgentDueAt } from '../../domain/sla-clocks.js';
import {
  CASE_COLLECTION,
  CASE_INDEXES,
  CASE_REF_COLLECTION,
  LIST_PROJECTION,
  OUTBOX_HINT_COLLECTION,
  type AuditEntryDoc,
  type CaseDocument,
  type CaseRefDoc,
  type CitizenCasesDoc,
  type IndexSpec,
  type OutboxEntry,
  type OutboxHintDoc,
} from './case.schema.js';

type Collection<T extends mongo.Document> = mongo.Collection<T>;
type Filter<T> = mongo.Filter<T>;
type UpdateFilter<T> = mongo.UpdateFilter<T>;

/** A position in a list: the sort time of the last row shown (its creation, or due time) and its key. */
export interface Cursor {
  at: Date;
  id: string;
}

/** A case as read with LIST_PROJECTION. */
export type ListedCase = Omit<CaseDocument, keyof typeof LIST_PROJECTION>;

export type InsertOutcome = { ok: true } | { ok: false; duplicate: true };

const MAX_CITIZEN_CASES = 200;

/**
 * Fields stored only for the index-backed lists to query on, derived from the case: written with
 * every insert and every change, so `office_sla_queue` can sort the queue.
 */
export const listQueryFields = (c: Pick<CaseDocument, 'sla' | 'status'>) => ({
  slaQueueAt: urgentDueAt(c.sla, c.status),
});

/** A citizen ref's `_id`; `key` is a BSUID or a phone number (case.schema.ts CitizenCasesDoc). */
const citizenRefKey = (officeId: string, key: string) => `${caseKey(officeId, 'citizen')}/${key}`;

/** The document key of a case: the office is part of it. */
export const caseKey = (officeId: string, caseId: string) => {
  if (!officeId) throw new Error('officeId is required in every case query');
  return `${officeId}/${caseId}`;
};

/**
 * Persistence of the case aggregate. Every office-scoped method takes `officeId` first and puts
 * it into the filter itself (as a filter field, or inside the `_id` key): no caller can reach
 * another office's cases by forgetting it. Writes to an existing case are made by callers that
 * hold its lock (case-lock.repository.ts), after checking its version.
 */
export class CaseRepository {
  private readonly cases: Collection<CaseDocument>;
  private readonly hints: Collection<OutboxHintDoc>;
  private readonly refs: Collection<CaseRefDoc>;
  private readonly citizenRefs: Collection<CitizenCasesDoc>;

  constructor(connection: Connection) {
    const col = <T extends mongo.Document>(name: string) =>
      connection.collection<T>(name) as unknown as Collection<T>;
    this.cases = col<CaseDocument>(CASE_COLLECTION);
    this.hints = col<OutboxHintDoc>(OUTBOX_HINT_COLLECTION);
    this.refs = col<CaseRefDoc>(CASE_REF_COLLECTION);
    this.citizenRefs = col<CitizenCasesDoc>(CASE_REF_COLLECTION);
  }

  private scoped(officeId: string, filter: Filter<CaseDocument> = {}): Filter<CaseDocument> {
    if (!officeId) throw new Error('officeId is required in every case query');
    return { ...filter, officeId };
  }

  /**
   * Creates the indexes that are missing. Only the missing ones: FerretDB v1.24 panics
   * ("slice bounds out of range") when createIndexes names indexes that already exist.
   */
  async ensureIndexes(specs: readonly IndexSpec[] = CASE_INDEXES): Promise<void> {
    const existing = new Set(
      await this.cases
        .listIndexes()
        .toArray()
        .then((list) => list.map((i) => i.name as string))
        .catch(() => [] as string[]),
    );
    const missing = specs.filter((i) => !existing.has(i.name));
    if (missing.length === 0) return;
    await this.cases.createIndexes(
      missing.map((i) => ({
        key: i.key,
        name: i.name,
        ...(i.unique ? { unique: true } : {}),
      })),
    );
  }

  async insert(doc: CaseDocument): Promise<InsertOutcome> {
    try {
      await this.cases.insertOne({ ...doc, ...listQueryFields(doc) });
    } catch (error) {
      if (isDuplicateKeyError(error)) return { ok: false, duplicate: true };
      throw error;
    }
    // Shortcuts for later lookups; losing them to a crash only costs the slower query.
    await this.refs
      .insertMany(
        [
          { _id: `${doc.officeId}/code/${doc.trackingCode}`, caseId: doc.caseId },
          { _id: `${doc.officeId}/key/${doc.idempotencyKey}`, caseId: doc.caseId },
        ],
        { ordered: false },
      )
      .catch((error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
      });
    return { ok: true };
  }

  async findById(officeId: string, caseId: string): Promise<CaseDocument | null> {
    const doc = await this.cases.findOne({ _id: caseKey(officeId, caseId) });
    return doc && doc.officeId === officeId ? doc : null;
  }

  async findByTrackingCode(officeId: string, trackingCode: string): Promise<CaseDocument | null> {
    const ref = await this.refs.findOne({ _id: `${caseKey(officeId, 'code')}/${trackingCode}` });
    if (ref) return this.findById(officeId, ref.caseId);
    return this.cases.findOne(this.scoped(officeId, { trackingCode }));
  }

  async findByIdempotencyKey(officeId: string, key: string): Promise<CaseDocument | null> {
    const ref = await this.refs.findOne({ _id: `${caseKey(officeId, 'key')}/${key}` });
    if (ref) return this.findById(officeId, ref.caseId);
    return null;
  }

  /** The indexed query behind the ref, for when a create collided on the idempotency key. */
  findByIdempotencyKeyQuery(officeId: string, key: string): Promise<CaseDocument | null> {
    return this.cases.findOne(this.scoped(officeId, { idempotencyKey: key }));
  }

  /** Records a citizen's new case id; the caller holds the key's lock (see application/create-case.ts). */
  async addCitizenCase(officeId: string, key: string, caseId: string): Promise<void> {
    await this.citizenRefs.updateOne(
      { _id: citizenRefKey(officeId, key) },
      { $push: { caseIds: caseId } },
      { upsert: true },
    );
  }

  /** The cases opened under a BSUID or phone number, and what links it (case.schema.ts). */
  findCitizenRef(officeId: string, key: string): Promise<CitizenCasesDoc | null> {
    return this.citizenRefs.findOne({ _id: citizenRefKey(officeId, key) });
  }

  /**
   * Replaces a citizen ref (links and identity moves); the caller holds the key's lock. A whole
   * `$set`, not `$addToSet`/`$each`: the lock already isolates it, and it stays within what
   * FerretDB v1 does the same as MongoDB.
   */
  async saveCitizenRef(officeId: string, key: string, ref: Omit<CitizenCasesDoc, '_id'>) {
    const $set: Partial<CitizenCasesDoc> = { caseIds: ref.caseIds.slice(-MAX_CITIZEN_CASES) };
    if (ref.bsuid) $set.bsuid = ref.bsuid;
    if (ref.movedTo) $set.movedTo = ref.movedTo;
    await this.citizenRefs.updateOne(
      { _id: citizenRefKey(officeId, key) },
      { $set },
      { upsert: true },
    );
  }

  /**
   * Cases by id, newest first, keeping those `keep` accepts (the citizen's own), by `_id`
   * lookups only (the hot path of the citizen's "Cek status"; a filtered query is a table scan
   * on FerretDB v1). Bounded to the most recent MAX_CITIZEN_CASES ids.
   */
  async listByIds(
    officeId: string,
    caseIds: string[],
    keep: (doc: CaseDocument) => boolean,
    limit: number,
    after?: Cursor,
  ): Promise<{ items: CaseDocument[]; next?: Cursor }> {
    const found = await Promise.all(
      [...new Set(caseIds)]
        .slice(-MAX_CITIZEN_CASES)
        .map((id) =>
          this.cases.findOne({ _id: caseKey(officeId, id) }, { projection: LIST_PROJECTION }),
        ),
    );
    const newestFirst = (a: CaseDocument, b: CaseDocument) =>
      b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);
    const rows = found
      .filter((d): d is CaseDocument => d !== null && d.officeId === officeId && keep(d))
      .sort(newestFirst)
      .filter(
        (d) =>
          !after ||
          d.createdAt < after.at ||
          (d.createdAt.getTime() === after.at.getTime() && d._id < after.id),
      )
      .slice(0, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return rows.length > limit && last
      ? { items, next: { at: last.createdAt, id: last._id } }
      : { items };
  }

  /**
   * Sets the citizen's identity fields of a case without bumping its version (a link or an
   * identity change is WhatsApp's fact, not an edit an officer's pending change conflicts
   * with); the caller holds the case's lock. Returns the case after it.
   */
  setCitizenIdentityLocked(
    officeId: string,
    caseId: string,
    identity: { bsuid?: string; phone?: string; parentBsuid?: string; username?: string },
  ): Promise<CaseDocument | null> {
    const $set: Record<string, unknown> = { updatedAt: new Date() };
    for (const [field, value] of Object.entries(identity))
      if (value) $set[`citizen.${field}`] = value;
    return this.cases.findOneAndUpdate(
      { _id: caseKey(officeId, caseId) },
      { $set },
      { returnDocument: 'after' },
    );
  }

  /**
   * Applies `update` to a case whose version the caller read and checked while holding its
   * lock, and bumps the version. The filter is the `_id` alone: on FerretDB v1 any other field
   * in it turns the update into a table scan, and adds no safety there, because FerretDB does
   * not apply a filtered update atomically (the lock does that). Returns the case after it.
   */
  updateLocked(
    officeId: string,
    caseId: string,
    update: UpdateFilter<CaseDocument>,
  ): Promise<CaseDocument | null> {
    const $inc = { ...(update.$inc ?? {}), version: 1 } as UpdateFilter<CaseDocument>['$inc'];
    return this.cases.findOneAndUpdate(
      { _id: caseKey(officeId, caseId) },
      { ...update, $inc },
      { returnDocument: 'after' },
    );
  }

  /**
   * Appends one audit entry without bumping the version or touching anything else (a record of
   * who looked, not a change: an officer's pending edit stays valid). The caller holds the
   * case's lock. True when the case was there and the entry is stored.
   */
  async appendAuditLocked(officeId: string, caseId: string, entry: AuditEntryDoc) {
    const result = await this.cases.updateOne(
      { _id: caseKey(officeId, caseId) },
      { $push: { audit: entry } },
    );
    return result.matchedCount === 1 && result.modifiedCount === 1;
  }

  /**
   * Sets one field without bumping the version (delivery receipts): messages are append-only,
   * so the slot at `path` is stable, and an officer's pending edit is not invalidated by them.
   */
  async setFieldLocked(officeId: string, caseId: string, path: string, value: unknown) {
    await this.setFieldsLocked(officeId, caseId, { [path]: value });
  }

  /** setFieldLocked for several fields in one single-document update. */
  async setFieldsLocked(officeId: string, caseId: string, fields: Record<string, unknown>) {
    await this.cases.updateOne(
      { _id: caseKey(officeId, caseId) },
      { $set: { ...fields, updatedAt: new Date() } },
    );
  }

  // --- outbox ---------------------------------------------------------------------------------

  /** Marks a case as having events to publish; written before the update that adds them. */
  async hintPending(officeId: string, caseId: string): Promise<void> {
    await this.hints.updateOne(
      { _id: caseKey(officeId, caseId) },
      { $setOnInsert: { officeId, caseId, at: new Date() } },
      { upsert: true },
    );
  }

  listHints(limit: number): Promise<OutboxHintDoc[]> {
    return this.hints.find({}).limit(limit).toArray();
  }

  async clearHint(officeId: string, caseId: string): Promise<void> {
    await this.hints.deleteOne({ _id: caseKey(officeId, caseId) });
  }

  /**
   * Replaces the case's outbox with what is still unpublished (caller holds the case lock, so
   * nothing was added meanwhile). Not `$pull` with a condition: FerretDB v1 pulls only elements
   * equal to the whole given value, so `{ $pull: { outbox: { id } } }` silently removes nothing.
   */
  async setOutboxLocked(officeId: string, caseId: string, remaining: OutboxEntry[]): Promise<void> {
    await this.cases.updateOne({ _id: caseKey(officeId, caseId) }, { $set: { outbox: remaining } });
  }

  // --- the list view (read-model/) ----------------------------------------------------------

  /**
   * Every case without its heavy arrays, in batches, for loading the in-memory list view at
   * start. A whole-collection read by nature: the only one the service makes.
   */
  async forEachListed(visit: (doc: ListedCase) => void, batchSize = 5000): Promise<void> {
    const cursor = this.cases.find({}, { projection: LIST_PROJECTION, batchSize });
    for await (const doc of cursor) visit(doc as ListedCase);
  }

  /** One case without its heavy arrays, by `_id` (the list view's refresh after an event). */
  async findListed(officeId: string, caseId: string): Promise<ListedCase | null> {
    const doc = await this.cases.findOne(
      { _id: caseKey(officeId, caseId) },
      { projection: LIST_PROJECTION },
    );
    return doc && doc.officeId === officeId ? (doc as ListedCase) : null;
  }

  /**
   * Bulk load of fresh cases (benchmarks, imports) with their lookup refs. Each citizen must be
   * new to the store: their citizen ref is inserted, not merged.
   */
  async insertMany(docs: CaseDocument[]): Promise<void> {
    await this.cases.insertMany(
      docs.map((d) => ({ ...d, ...listQueryFields(d) })),
      { ordered: false },
    );
    const byCitizen = new Map<string, string[]>();
    for (const d of docs) {
      for (const k of [d.citizen.bsuid, d.citizen.phone || d.citizen.waId]) {
        if (!k) continue;
        const key = citizenRefKey(d.officeId, k);
        byCitizen.set(key, [...(byCitizen.get(key) ?? []), d.caseId]);
      }
    }
    await this.refs.insertMany(
      docs.flatMap((d) => [
        { _id: `${d.officeId}/code/${d.trackingCode}`, caseId: d.caseId },
        { _id: `${d.officeId}/key/${d.idempotencyKey}`, caseId: d.caseId },
      ]),
      { ordered: false },
    );
    await this.citizenRefs.insertMany(
      [...byCitizen].map(([_id, caseIds]) => ({ _id, caseIds })),
      { ordered: false },
    );
  }
}
