import { planTransition, type TransitionInput } from '../domain/case-lifecycle.js';
import { isOpen, isStaff, type Actor } from '../domain/case.types.js';
import {
  nextSlaCheck,
  serviceMinutesBetween,
  stopFirstResponseClock,
} from '../domain/sla-clocks.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { mutateCase, type Mutation } from './case-mutation.js';

/** Moves a case along its lifecycle (DESIGN §7) and stops the SLA clocks the move settles. */
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
    const sla = { ...doc.sla };
    if (isStaff(actor)) stopFirstResponseClock(ctx.schedule, doc.createdAt, sla, now);
    if (!isOpen(input.to)) {
      sla.resolvedAt = now;
      // Only an officer's decision counts as a resolution time; a cancellation stops the clock.
      if (input.to !== 'DIBATALKAN')
        sla.resolutionMinutes = serviceMinutesBetween(ctx.schedule, doc.createdAt, now);
    }
    Object.assign(set, { sla, slaNextCheckAt: nextSlaCheck(sla, input.to) });
    return {
      set,
      audit: {
        action: 'status_changed',
        before: { status: doc.status },
        after: { status: input.to, ...detail },
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
