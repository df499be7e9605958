import { isOpen, SYSTEM_ACTOR } from '../domain/case.types.js';
import { nextSlaCheck, resolutionClockRuns } from '../domain/sla-clocks.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { mutateCase, type Mutation } from './case-mutation.js';

/**
 * Finds cases whose next SLA check is due by `now` and raises their breaches; returns how many
 * it raised. A case that cannot be written now is left to the next run.
 */
export async function raiseDueSlaBreaches(
  ctx: CaseContext,
  now: Date,
  batchSize: number,
): Promise<number> {
  let raised = 0;
  // Each due case is re-read under its lock before anything is raised.
  for (const due of await ctx.lists.slaDue(now, batchSize)) {
    try {
      raised += await markSlaBreaches(ctx, due.officeId, due.caseId);
    } catch (error) {
      ctx.logger.warn({ err: error, caseId: due.caseId }, 'could not record SLA breach');
    }
  }
  if (raised) ctx.logger.info({ raised }, 'SLA breaches raised');
  return raised;
}

/**
 * Marks every clock of the case that is past due and returns how many it raised. Each breach
 * is recorded and raised once: the flag set here stops a second checker from raising it again.
 */
export async function markSlaBreaches(
  ctx: CaseContext,
  officeId: string,
  caseId: string,
): Promise<number> {
  let raised = 0;
  await mutateCase(ctx, SYSTEM_ACTOR, officeId, caseId, undefined, (doc, now) => {
    const sla = { ...doc.sla };
    const events: NonNullable<Mutation['events']> = [];
    const breach = (clock: 'first_response' | 'resolution', dueAt: Date) =>
      events.push({
        name: 'sla_breached',
        data: { ...caseRef(doc), clock, dueAt: dueAt.toISOString(), assigneeId: doc.assigneeId },
      });
    if (
      isOpen(doc.status) &&
      !sla.firstResponseAt &&
      !sla.firstResponseBreached &&
      sla.firstResponseDueAt <= now
    ) {
      sla.firstResponseBreached = true;
      breach('first_response', sla.firstResponseDueAt);
    }
    // A paused resolution clock (waiting on the citizen) is never breached: its due time moves.
    if (
      isOpen(doc.status) &&
      resolutionClockRuns(sla) &&
      !sla.resolutionBreached &&
      sla.resolutionDueAt <= now
    ) {
      sla.resolutionBreached = true;
      breach('resolution', sla.resolutionDueAt);
    }
    const nextCheck = nextSlaCheck(sla, doc.status);
    if (events.length === 0) {
      // Nothing due (a clock stopped meanwhile): just move the checker's pointer on.
      if (sameTime(nextCheck, doc.slaNextCheckAt)) return null;
      return {
        set: { slaNextCheckAt: nextCheck },
        audit: { action: 'sla_rescheduled', before: null, after: null, reason: '' },
      };
    }
    raised = events.length;
    return {
      set: { sla, slaBreached: true, slaNextCheckAt: nextCheck },
      audit: {
        action: 'sla_breached',
        before: null,
        after: { clocks: events.map((e) => e.data.clock) },
        reason: '',
      },
      events,
    };
  });
  return raised;
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
