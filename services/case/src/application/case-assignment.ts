import { AppError } from '@pandawa/errors';
import { isOpen, isStaff, type Actor } from '../domain/case.types.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { denied, invalid } from './case-guards.js';
import { mutateCase, type Mutation } from './case-mutation.js';

/** A supervisor hands a case to an officer (or to another officer). */
export function assignCase(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  assigneeId: string,
  expectedVersion?: number,
) {
  if (actor.role !== 'supervisor' && actor.role !== 'admin')
    throw denied('only a supervisor assigns cases', 'ASSIGN_BY_SUPERVISOR_ONLY');
  if (!assigneeId) throw invalid('name the officer to assign', 'ASSIGNEE_REQUIRED');
  return mutateCase(ctx, actor, officeId, caseId, expectedVersion, (doc) => {
    if (doc.assigneeId === assigneeId) return null;
    return assignment(doc, actor, assigneeId, '', 'assigned');
  });
}

/** An officer takes an unassigned case; taking one's own case again changes nothing. */
export function claimCase(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  expectedVersion?: number,
) {
  if (!isStaff(actor)) throw denied('only officers claim cases', 'CLAIM_BY_OFFICER_ONLY');
  return mutateCase(ctx, actor, officeId, caseId, expectedVersion, (doc) => {
    if (doc.assigneeId === actor.id) return null;
    if (doc.assigneeId)
      throw new AppError('FAILED_PRECONDITION', 'the case is already assigned', {
        reason: 'ALREADY_ASSIGNED',
      });
    return assignment(doc, actor, actor.id, '', 'claimed');
  });
}

/** Returns a case to the queue; an officer may release only their own, a supervisor any. */
export function unassignCase(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  reason: string,
  expectedVersion?: number,
) {
  if (!isStaff(actor)) throw denied('only officers unassign cases', 'UNASSIGN_BY_OFFICER_ONLY');
  return mutateCase(ctx, actor, officeId, caseId, expectedVersion, (doc) => {
    if (!doc.assigneeId) return null;
    if (actor.role === 'officer' && doc.assigneeId !== actor.id)
      throw denied('an officer may release only their own case', 'NOT_ASSIGNEE');
    return assignment(doc, actor, '', reason, 'unassigned');
  });
}

function assignment(
  doc: CaseDocument,
  actor: Actor,
  assigneeId: string,
  reason: string,
  action: string,
): Mutation {
  if (!isOpen(doc.status))
    throw new AppError('FAILED_PRECONDITION', 'a closed case cannot be reassigned', {
      reason: 'CASE_CLOSED',
    });
  return {
    set: { assigneeId },
    audit: {
      action,
      before: { assigneeId: doc.assigneeId },
      after: { assigneeId },
      reason: reason ?? '',
    },
    events: [
      {
        name: 'assigned',
        data: {
          ...caseRef(doc),
          assigneeId,
          previousAssigneeId: doc.assigneeId,
          actor: { id: actor.id, role: actor.role },
        },
      },
    ],
  };
}
