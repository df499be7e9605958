import type { Logger } from '@pandawa/logging';
import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';
import { toListEntry, type CaseListEntry } from '../../read-model/case-list.entry.js';
import {
  matches,
  type ListFilter,
  type ListOrder,
  type Page,
} from '../../read-model/case-list.view.js';
import type { CaseLists } from '../../read-model/case-lists.js';
import type { CaseRepository, Cursor, ListedCase } from './case.repository.js';
import { listQueryFields } from './case.repository.js';
import {
  CASE_COLLECTION,
  CASE_LIST_INDEXES,
  LIST_PROJECTION,
  type CaseDocument,
} from './case.schema.js';

type Filter = mongo.Filter<CaseDocument>;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the one-time backfill of `slaQueueAt` records that it finished. */
const MIGRATIONS_COLLECTION = 'case_migrations';
const SLA_QUEUE_BACKFILL = 'sla_queue_at';

/**
 * Lists answered by MongoDB from the indexes in CASE_LIST_INDEXES (each names its query):
 * nothing held in memory, nothing to load, so an instance is ready at start and any number of
 * them serve any number of offices. The filter goes to the server as a query that finds at
 * least every match; each row is then checked with the same `matches` the in-memory view
 * applies, so both implementations answer alike by construction.
 *
 * On FerretDB v1 (local, CI) every one of these queries decodes the whole collection — it
 * pushes down only `{ _id }` filters — so this is correct but slow on large data there; use
 * CASE_LISTS=memory on FerretDB beyond a few thousand cases.
 */
export class IndexedCaseLists implements CaseLists {
  readonly kind = 'indexed';
  readonly ready = true;
  private readonly cases: mongo.Collection<CaseDocument>;
  private readonly migrations: mongo.Collection<{ _id: string; at: Date }>;

  constructor(
    private readonly options: {
      connection: Connection;
      repository: CaseRepository;
      logger: Logger;
    },
  ) {
    this.cases = options.connection.collection<CaseDocument>(
      CASE_COLLECTION,
    ) as unknown as mongo.Collection<CaseDocument>;
    this.migrations = options.connection.collection(
      MIGRATIONS_COLLECTION,
    ) as unknown as mongo.Collection<{
      _id: string;
      at: Date;
    }>;
  }

  async start(): Promise<void> {
    await this.options.repository.ensureIndexes(CASE_LIST_INDEXES);
    await this.backfillQueueTimes();
  }

  async stop(): Promise<void> {}

  /** Nothing to do: the store is the list. */
  changed(_doc: ListedCase): void {}

  async list(
    officeId: string,
    filter: ListFilter,
    limit: number,
    after?: Cursor,
    order: ListOrder = 'newest',
  ): Promise<Page> {
    const base = this.serverFilter(officeId, filter);
    if (order === 'sla_due') {
      const position = after
        ? {
            $or: [
              { slaQueueAt: { $gt: after.at } },
              { slaQueueAt: after.at, _id: { $gt: after.id } },
            ],
          }
        : { slaQueueAt: { $ne: null } };
      return this.page(
        { $and: [base, position] },
        { slaQueueAt: 1, _id: 1 },
        filter,
        limit,
        (e, doc) => ({ at: doc.slaQueueAt!, id: e._id }),
      );
    }
    const position = after
      ? { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] }
      : {};
    return this.page(
      { $and: [base, position] },
      { createdAt: -1, _id: -1 },
      filter,
      limit,
      (e) => ({ at: e.createdAt, id: e._id }),
    );
  }

  async *openedBetween(officeId: string, from: Date, to: Date): AsyncIterable<CaseListEntry> {
    const cursor = this.cases
      .find({ officeId, createdAt: { $gte: from, $lt: to } }, { projection: LIST_PROJECTION })
      .sort({ createdAt: 1, _id: 1 })
      .batchSize(1000);
    for await (const doc of cursor) yield toListEntry(doc as ListedCase);
  }

  async slaDue(now: Date, limit: number): Promise<CaseListEntry[]> {
    const docs = await this.cases
      .find({ slaNextCheckAt: { $lte: now } }, { projection: LIST_PROJECTION })
      .sort({ slaNextCheckAt: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => toListEntry(d as ListedCase));
  }

  /** Walks the query in order, keeps the rows `matches` accepts, stops after the page's end. */
  private async page(
    query: Filter,
    sort: Record<string, 1 | -1>,
    filter: ListFilter,
    limit: number,
    positionOf: (e: CaseListEntry, doc: CaseDocument) => Cursor,
  ): Promise<Page> {
    const cursor = this.cases
      .find(query, { projection: LIST_PROJECTION })
      .sort(sort)
      .batchSize(Math.min(limit + 1, 1000));
    const items: CaseListEntry[] = [];
    let next: Cursor | undefined;
    let last: Cursor | undefined;
    try {
      for await (const doc of cursor) {
        const entry = toListEntry(doc as ListedCase);
        if (!matches(entry, filter)) continue;
        if (items.length === limit) {
          next = last;
          break;
        }
        items.push(entry);
        last = positionOf(entry, doc);
      }
    } finally {
      await cursor.close();
    }
    return next ? { items, next } : { items };
  }

  /**
   * The filter as a server query that finds every match (and, but for the citizen, only
   * matches): the office always, then each field the list filters on.
   */
  private serverFilter(officeId: string, f: ListFilter): Filter {
    if (!officeId) throw new Error('officeId is required in every case query');
    const q: Record<string, unknown> = { officeId };
    if (f.statuses?.length) q.status = { $in: f.statuses };
    if (f.category) q.category = f.category;
    if (f.unassignedOnly) q.assigneeId = '';
    else if (f.assigneeId) q.assigneeId = f.assigneeId;
    if (f.slaBreached !== undefined) q.slaBreached = f.slaBreached;
    if (f.priority) q.priority = f.priority;
    // Cases with a handoff, ended or not; `matches` keeps the running ones of open cases.
    if (f.awaitingOfficer) q.handoff = { $ne: null };
    if (f.createdFrom || f.createdBefore)
      q.createdAt = {
        ...(f.createdFrom ? { $gte: f.createdFrom } : {}),
        ...(f.createdBefore ? { $lt: f.createdBefore } : {}),
      };
    if (f.citizen) {
      // Every case that may be theirs (domain/citizen-identity.ts `belongsTo`, legacy `waId`
      // read as the phone); `matches` then keeps only theirs.
      const { bsuid, phone } = f.citizen;
      const candidates = [
        ...(bsuid ? [{ 'citizen.bsuid': bsuid }] : []),
        ...(phone ? [{ 'citizen.phone': phone }, { 'citizen.waId': phone }] : []),
      ];
      q.$or = candidates.length ? candidates : [{ _id: { $in: [] } }];
    }
    if (f.tag) q.tags = { $regex: `^${escapeRegex(f.tag.trim())}$`, $options: 'i' };
    if (f.trackingCodePrefix) q.trackingCode = { $regex: `^${escapeRegex(f.trackingCodePrefix)}` };
    // The start of any word: "siti a" and "ami" find "siti aminah".
    if (f.namePrefix) q.searchName = { $regex: `(^| )${escapeRegex(f.namePrefix)}` };
    return q as Filter;
  }

  /**
   * Writes `slaQueueAt` on cases stored before it existed, once per database (a marker
   * document, read by `_id`, says it is done). Each case is set only where the field is still
   * missing, so a write made meanwhile, which sets it itself, is not overwritten (on MongoDB;
   * FerretDB v1 does not isolate the filtered update, and is not for production).
   */
  private async backfillQueueTimes(): Promise<void> {
    if (await this.migrations.findOne({ _id: SLA_QUEUE_BACKFILL })) return;
    let updated = 0;
    const cursor = this.cases
      .find({ slaQueueAt: { $exists: false } }, { projection: { sla: 1, status: 1 } })
      .batchSize(1000);
    for await (const doc of cursor) {
      await this.cases.updateOne(
        { _id: doc._id, slaQueueAt: { $exists: false } },
        { $set: listQueryFields(doc) },
      );
      updated++;
    }
    await this.migrations
      .insertOne({ _id: SLA_QUEUE_BACKFILL, at: new Date() })
      .catch((error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error; // else another instance finished it too
      });
    if (updated) this.options.logger.info({ cases: updated }, 'SLA queue times backfilled');
  }
}
