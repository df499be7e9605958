import { handoffActive, handoffRequested } from '../domain/handoff.js';
import { isStaff, type Actor } from '../domain/case.types.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { denied } from './case-guards.js';
import { mutateCase, type Mutation } from './case-mutation.js';

/**
 * The parts of a citizen's write that ask for an officer (architecture §6.1): the handoff
 * starts now and its event tells the desk. Nothing when one already runs: asking twice does
 * not move the request time (the queue keeps the citizen's place).
 */
export function requestOfficer(
  doc: CaseDocument,
  actor: Actor,
  now: Date,
): { set: Pick<CaseDocument, 'handoff'>; event: NonNullable<Mutation['events']>[number] } | null {
  if (handoffActive(doc)) return null;
  const handoff = handoffRequested(now);
  return {
    set: { handoff },
    event: {
      name: 'handoff_changed',
      data: {
        ...caseRef(doc),
        active: true,
        requestedAt: now.toISOString(),
        actor: { id: actor.id, role: actor.role },
      },
    },
  };
}

/**
 * An officer hands the conversation back to the bot while the case stays open: the next
 * message of the citizen is answered by the bot again. Officers, supervisors and admins of the
 * case's office only; without a running handoff nothing is written.
 */
export function handBackToBot(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  expectedVersion?: number,
) {
  if (!isStaff(actor)) throw denied('only officers hand a conversation back', 'OFFICER_ONLY');
  return mutateCase(ctx, actor, officeId, caseId, expectedVersion, (doc, now) => {
    if (!handoffActive(doc) || !doc.handoff) return null;
    const handoff = { ...doc.handoff, endedAt: now, endedBy: actor.id };
    return {
      set: { handoff },
      audit: {
        action: 'handed_back',
        before: { handoff: 'active', requestedAt: doc.handoff.requestedAt.toISOString() },
        after: { handoff: 'ended', endedAt: now.toISOString() },
        reason: '',
      },
      events: [
        {
          name: 'handoff_changed',
          data: {
            ...caseRef(doc),
            active: false,
            requestedAt: doc.handoff.requestedAt.toISOString(),
            endedAt: now.toISOString(),
            actor: { id: actor.id, role: actor.role },
          },
        },
      ],
    };
  });
}
