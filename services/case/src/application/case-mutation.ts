import type { CaseEventName } from '@pandawa/contracts';
import type { mongo } from 'mongoose';
import type { Actor } from '../domain/case.types.js';
import { listQueryFields } from '../store/case/case.repository.js';
import type { AuditEntryDoc, CaseDocument, ThreadMessageDoc } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { outboxEntry } from './case-events.js';
import { canSee, conflict, invalid, notFound, requireOffice } from './case-guards.js';

/** A change to one case: applied in one single-document update, with its audit and events. */
export interface Mutation {
  set?: Partial<CaseDocument> & Record<string, unknown>;
  push?: { messages?: ThreadMessageDoc[]; notes?: CaseDocument['notes']; documentIds?: string[] };
  audit: Omit<AuditEntryDoc, 'at' | 'actorId' | 'actorRole'>;
  events?: { name: CaseEventName; data: Record<string, unknown> }[];
}

/** Decides the change from the case as it is now; null when there is nothing to change. */
export type Decide = (doc: CaseDocument, now: Date) => Mutation | null;

/**
 * Read, decide, write — one case at a time. Writers of a case queue on its lock, so a second
 * officer moving a case "from the same state" is judged against the state it is really in
 * (FAILED_PRECONDITION if the move no longer applies), and a caller who pinned a version gets
 * ABORTED when the case moved on.
 *
 * FerretDB has no transactions and does not isolate updates (architecture §5), so the audit entry and
 * the outbox events travel in the same single-document update as the change: an event exists
 * exactly when its change does.
 */
export async function mutateCase(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  expectedVersion: number | undefined,
  decide: Decide,
): Promise<CaseDocument> {
  requireOffice(officeId);
  if (!caseId) throw invalid('case id is required', 'CASE_ID_REQUIRED');
  return ctx.locks.withLock(officeId, caseId, () =>
    readDecideWrite(ctx, actor, officeId, caseId, expectedVersion, decide),
  );
}

async function readDecideWrite(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  expectedVersion: number | undefined,
  decide: Decide,
): Promise<CaseDocument> {
  // The lock is held: nobody else writes this case until we return, so the version read here
  // is the version written over.
  const doc = await ctx.repo.findById(officeId, caseId);
  if (!doc || !canSee(actor, doc)) throw notFound();
  if (expectedVersion && doc.version !== expectedVersion) throw conflict();
  const now = ctx.now();
  const m = decide(doc, now);
  if (!m) return doc;
  const events = (m.events ?? []).map((e) => outboxEntry(doc, e.name, now, e.data));
  const audit: AuditEntryDoc = { at: now, actorId: actor.id, actorRole: actor.role, ...m.audit };
  const $push: Record<string, unknown> = { audit };
  if (events.length) $push.outbox = { $each: events };
  for (const [field, items] of Object.entries(m.push ?? {}))
    if (items?.length) $push[field] = { $each: items };
  const update: mongo.UpdateFilter<CaseDocument> = {
    // The fields the index-backed lists query on, from the case as it will be.
    $set: { ...(m.set ?? {}), ...listQueryFields({ ...doc, ...m.set }), updatedAt: now },
    $push: $push as mongo.UpdateFilter<CaseDocument>['$push'],
  };
  // The hint goes first: a crash after it and before the update leaves a hint with nothing
  // behind it (harmless); the other order could leave events nobody looks for.
  if (events.length) await ctx.repo.hintPending(officeId, caseId);
  const updated = await ctx.repo.updateLocked(officeId, caseId, update);
  if (!updated) throw notFound();
  ctx.lists.changed(updated);
  ctx.logger.info(
    { caseId, officeId, action: m.audit.action, version: updated.version },
    'case changed',
  );
  if (events.length) ctx.onEventsWritten();
  return updated;
}
