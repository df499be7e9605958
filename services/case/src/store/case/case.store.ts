import type { mongo } from 'mongoose';
import type { CaseLists } from '../../read-model/case-lists.js';
import type { CaseLocks } from './case-lock.repository.js';
import {
  caseKey,
  listQueryFields,
  type CaseRepository,
  type InsertOutcome,
} from './case.repository.js';
import type { AuditEntryDoc, CaseDocument, OutboxEntry, ThreadMessageDoc } from './case.schema.js';

/** A new case as a use case builds it: the store gives it its stored `_id`. */
export type NewCase = Omit<CaseDocument, '_id'>;

/** What a decision changes on one case: applied in one single-document update. */
export interface CaseChange {
  set?: Partial<CaseDocument> & Record<string, unknown>;
  push?: { messages?: ThreadMessageDoc[]; notes?: CaseDocument['notes']; documentIds?: string[] };
  audit: AuditEntryDoc;
  /** Events to publish, kept in the case's outbox until the relay has published them. */
  events: OutboxEntry[];
}

/** What `applyDecision` did: the case as it is after, and whether it wrote. */
export interface DecisionOutcome {
  /** Null when the case is not (or no longer) there. */
  doc: CaseDocument | null;
  written: boolean;
}

/**
 * The case aggregate's store, in the domain's words: create a case, apply a decision to one case
 * under its concurrency guard, read. What FerretDB v1 makes necessary stays in here:
 *
 * - the lock document (case-lock.repository.ts): FerretDB v1 does not isolate a filtered
 *   single-document update, so a version filter alone does not stop two writers; writers of a
 *   case queue on an insert under a unique `_id`, which is atomic on both servers;
 * - outbox hints: FerretDB has no transactions (and v1 no change streams), so events travel in
 *   the same update as their change, and a hint in a small collection, written first, tells
 *   the relay where to look instead of a sweep of every case (a table scan on FerretDB v1);
 * - the `_id` layout `<officeId>/<caseId>`: `{ _id }` is the only filter FerretDB v1 answers
 *   from an index, and the office inside the key scopes every lookup by construction;
 * - list updates: the case lists (in-memory view or indexes) hear of every write here, and the
 *   fields the index-backed lists sort on are written with it.
 */
export class CaseStore {
  constructor(
    private readonly deps: { repository: CaseRepository; locks: CaseLocks; lists: CaseLists },
  ) {}

  read(officeId: string, caseId: string): Promise<CaseDocument | null> {
    return this.deps.repository.findById(officeId, caseId);
  }

  /**
   * Stores a new case with the events of its creation. The hint goes first: a crash after it
   * and before the insert leaves a hint with nothing behind it (the relay drops it later).
   */
  async create(fresh: NewCase): Promise<{ outcome: InsertOutcome; doc: CaseDocument }> {
    const doc: CaseDocument = { _id: caseKey(fresh.officeId, fresh.caseId), ...fresh };
    await this.deps.repository.hintPending(doc.officeId, doc.caseId);
    const outcome = await this.deps.repository.insert(doc);
    if (outcome.ok) this.deps.lists.changed(doc);
    return { outcome, doc };
  }

  /**
   * Writes `entry` to the case's audit trail under its lock (FerretDB v1 does not isolate the
   * `$push`, so an unlocked one could be lost to, or lose, a concurrent change) and returns the
   * case as read under the lock; null when the case is not there or the entry was not stored.
   * The version and the lists stay as they are: nothing they show changed.
   */
  recordAccess(officeId: string, caseId: string, entry: AuditEntryDoc) {
    const { repository, locks } = this.deps;
    return locks.withLock(officeId, caseId, async () => {
      const current = await repository.findById(officeId, caseId);
      if (!current) return null;
      const stored = await repository.appendAuditLocked(officeId, caseId, entry);
      return stored ? current : null;
    });
  }

  /**
   * Reads the case under its lock, lets `decide` judge it as it really is (it may throw, or
   * return null for "nothing to change"), and writes the change in one update with its audit
   * entry and events. Nobody else writes the case until this returns, so the version `decide`
   * saw is the version written over.
   */
  applyDecision(
    officeId: string,
    caseId: string,
    decide: (current: CaseDocument | null) => CaseChange | null,
  ): Promise<DecisionOutcome> {
    const { repository, locks, lists } = this.deps;
    return locks.withLock(officeId, caseId, async () => {
      const current = await repository.findById(officeId, caseId);
      const change = decide(current);
      if (!current || !change) return { doc: current, written: false };
      const $push: Record<string, unknown> = { audit: change.audit };
      if (change.events.length) $push.outbox = { $each: change.events };
      for (const [field, items] of Object.entries(change.push ?? {}))
        if (items?.length) $push[field] = { $each: items };
      const set = change.set ?? {};
      const update: mongo.UpdateFilter<CaseDocument> = {
        // The fields the index-backed lists query on, from the case as it will be.
        $set: { ...set, ...listQueryFields({ ...current, ...set }) },
        $push: $push as mongo.UpdateFilter<CaseDocument>['$push'],
      };
      // The hint goes first: a crash after it and before the update leaves a hint with nothing
      // behind it (harmless); the other order could leave events nobody looks for.
      if (change.events.length) await repository.hintPending(officeId, caseId);
      const updated = await repository.updateLocked(officeId, caseId, update);
      if (updated) lists.changed(updated);
      return { doc: updated, written: updated !== null };
    });
  }
}
