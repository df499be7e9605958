import { isStaff, type Actor } from '../domain/case.types.js';
import { summarize } from '../domain/percentile.js';
import type { CaseContext } from './case-context.js';
import { denied, invalid, requireOffice } from './case-guards.js';

// Durations are read for at most this many cases (the most recent): a bounded read keeps a
// wide window from loading every case; the answer says when it was cut.
const MAX_STATS_SAMPLE = 10_000;

/** Counts and SLA figures for the cases opened in [from, to). */
export async function caseStatistics(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  from: Date,
  to: Date,
) {
  requireOffice(officeId);
  if (!isStaff(actor)) throw denied('statistics are for officers', 'OFFICER_ONLY');
  if (!(from < to)) throw invalid('`from` must be before `to`', 'BAD_WINDOW');
  const [byStatus, byCategory, frBreaches, resBreaches, durations] = await Promise.all([
    ctx.repo.countBy(officeId, 'status', from, to),
    ctx.repo.countBy(officeId, 'category', from, to),
    ctx.repo.countWhere(officeId, from, to, { 'sla.firstResponseBreached': true }),
    ctx.repo.countWhere(officeId, from, to, { 'sla.resolutionBreached': true }),
    ctx.repo.durations(officeId, from, to, MAX_STATS_SAMPLE),
  ]);
  return {
    byStatus,
    byCategory,
    total: byStatus.reduce((n, s) => n + s.count, 0),
    firstResponseBreaches: frBreaches,
    resolutionBreaches: resBreaches,
    firstResponse: summarize(durations.firstResponse),
    resolution: summarize(durations.resolution),
    truncated: durations.truncated,
  };
}
