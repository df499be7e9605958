import type { CaseEventName } from '@pandawa/contracts';
import type { Actor } from '../domain/case.types.js';
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
 * Read, decide, write — one case at a time (CaseStore.applyDecision holds the case's guard). A
 * second officer moving a case "from the same state" is judged against the state it is really
 * in (FAILED_PRECONDITION if the move no longer applies), and a caller who pinned a version
 * gets ABORTED when the case moved on.
 *
 * FerretDB has no transactions and does not isolate updates (architecture §5), so the audit
 * entry and the outbox events travel in the same single-document update as the change: an
 * event exists exactly when its change does.
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
  let action = '';
  let events = 0;
  const outcome = await ctx.store.applyDecision(officeId, caseId, (doc) => {
    if (!doc || !canSee(actor, doc)) throw notFound();
    if (expectedVersion && doc.version !== expectedVersion) throw conflict();
    const now = ctx.now();
    const m = decide(doc, now);
    if (!m) return null;
    action = m.audit.action;
    const outbox = (m.events ?? []).map((e) => outboxEntry(doc, e.name, now, e.data));
    events = outbox.length;
    return {
      set: { ...(m.set ?? {}), updatedAt: now },
      ...(m.push ? { push: m.push } : {}),
      audit: { at: now, actorId: actor.id, actorRole: actor.role, ...m.audit },
      events: outbox,
    };
  });
  if (!outcome.doc) throw notFound();
  if (outcome.written) {
    ctx.logger.info({ caseId, officeId, action, version: outcome.doc.version }, 'case changed');
    if (events) ctx.onEventsWritten();
  }
  return outcome.doc;
}
