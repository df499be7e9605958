import { daysBefore, type RetentionPolicy } from '../domain/retention.policy.js';

/** MongoDB filters for documents whose content may go, as of `now`. */
export function expiredFilters(policy: RetentionPolicy, now: Date): Record<string, unknown>[] {
  const overridden = [...policy.byOffice.keys()];
  return [
    ...[...policy.byOffice].map(([officeId, days]) => ({
      status: 'STORED',
      officeId,
      caseClosedAt: { $lt: daysBefore(now, days) },
    })),
    {
      status: 'STORED',
      ...(overridden.length ? { officeId: { $nin: overridden } } : {}),
      caseClosedAt: { $lt: daysBefore(now, policy.defaultDays) },
    },
    { status: 'STORED', caseId: null, createdAt: { $lt: daysBefore(now, policy.unattachedDays) } },
  ];
}
