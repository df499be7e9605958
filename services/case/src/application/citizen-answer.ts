import { nextSlaCheck, resolutionClockAudit, resumeResolutionClock } from '../domain/sla-clocks.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import type { Mutation } from './case-mutation.js';

/**
 * The citizen answered (a message, or documents): a case waiting on them resumes its resolution
 * clock at once, before any officer moves it, since the office is accountable from the moment
 * the data arrives. Returns what the write sets (nothing when the clock was not paused) and what
 * its audit entry adds to `before` (null when nothing changed) and `after`.
 */
export function resumeOnCitizenAnswer(
  ctx: CaseContext,
  doc: CaseDocument,
  now: Date,
): {
  set?: Mutation['set'];
  auditBefore: Record<string, unknown> | null;
  auditAfter: Record<string, unknown>;
} {
  const sla = resumeResolutionClock(ctx.scheduleFor(doc.officeId), doc.sla, now);
  if (sla === doc.sla) return { auditBefore: null, auditAfter: {} };
  const clock = resolutionClockAudit(doc.sla, sla);
  return {
    set: { sla, slaNextCheckAt: nextSlaCheck(sla, doc.status) },
    auditBefore: clock.before,
    auditAfter: clock.after,
  };
}
