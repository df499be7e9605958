import { isStaff, type Actor, type CaseCategory, type CaseStatus } from '../domain/case.types.js';
import { summarize } from '../domain/percentile.js';
import type { CaseContext } from './case-context.js';
import { denied, invalid, requireLoaded, requireOffice } from './case-guards.js';

/**
 * Counts and SLA figures for the cases opened in [from, to), from the case lists: a walk over
 * the window's cases (FerretDB v1 has no $percentile, and its aggregation would decode the
 * whole collection). Durations are the service minutes stored when each clock stopped.
 */
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
  requireLoaded(ctx.lists);
  const byStatus = new Map<CaseStatus, number>();
  const byCategory = new Map<CaseCategory, number>();
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  let total = 0;
  let firstResponseBreaches = 0;
  let resolutionBreaches = 0;
  for await (const e of ctx.lists.openedBetween(officeId, from, to)) {
    total++;
    byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1);
    byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + 1);
    if (e.sla.firstResponseBreached) firstResponseBreaches++;
    if (e.sla.resolutionBreached) resolutionBreaches++;
    if (typeof e.sla.firstResponseMinutes === 'number')
      firstResponse.push(e.sla.firstResponseMinutes);
    if (typeof e.sla.resolutionMinutes === 'number') resolution.push(e.sla.resolutionMinutes);
  }
  return {
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
    byCategory: [...byCategory].map(([category, count]) => ({ category, count })),
    total,
    firstResponseBreaches,
    resolutionBreaches,
    firstResponse: summarize(firstResponse),
    resolution: summarize(resolution),
  };
}
