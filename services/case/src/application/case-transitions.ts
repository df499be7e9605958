import { planTransition, type TransitionInput } from '../domain/case-lifecycle.js';
import { isOpen, isStaff, type Actor } from '../domain/case.types.js';
import {
  nextSlaCheck,
  resolutionClockAudit,
  resolutionClockFor,
  stopFirstResponseClock,
  stopResolutionClock,
} from '../domain/sla-clocks.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { mutateCase, type Mutation } from './case-mutation.js';

/**
 * Moves a case along its lifecycle (architecture §7) and moves the SLA clocks with it: the move
 * settles clocks (a staff move is a first response, a close is the resolution), and the
 * resolution clock pauses while the case waits on the citizen (MENUNGGU_DATA), resuming when it
 * leaves.
 */
export function transitionCase(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  input: TransitionInput,
  expectedVersion?: number,
) {
  return mutateCase(ctx, actor, officeId, caseId, expectedVersion, (doc, now) => {
    const detail = planTransition(doc.status, input, actor);
    const set: Mutation['set'] = { status: input.to, statusDetail: detail };
    const schedule = ctx.scheduleFor(doc.officeId);
    let sla = { ...doc.sla };
    if (isStaff(actor)) stopFirstResponseClock(schedule, doc.createdAt, sla, now);
    sla = isOpen(input.to)
      ? resolutionClockFor(schedule, sla, input.to, now)
      : // Only an officer's decision counts as a resolution time; a cancellation stops the clock.
        stopResolutionClock(schedule, doc.createdAt, sla, now, input.to !== 'DIBATALKAN');
    Object.assign(set, { sla, slaNextCheckAt: nextSlaCheck(sla, input.to) });
    const clock = resolutionClockAudit(doc.sla, sla);
    return {
      set,
      audit: {
        action: 'status_changed',
        before: { status: doc.status, ...clock.before },
        after: { status: input.to, ...detail, ...clock.after },
        reason: detail.reason ?? '',
      },
      events: [
        {
          name: 'status_changed',
          data: {
            ...caseRef(doc),
            from: doc.status,
            to: input.to,
            ...detail,
            actor: { id: actor.id, role: actor.role },
          },
        },
      ],
    };
  });
}
