import { describe, expect, it } from 'vitest';
import { daysBefore, parseOfficeDays } from '../src/domain/retention.policy.js';
import { expiredFilters } from '../src/store/retention.filters.js';

describe('retention policy', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const policy = {
    defaultDays: 90,
    byOffice: parseOfficeDays(['dumai:30']),
    unattachedDays: 7,
    staleStoringMs: 3_600_000,
  };

  it('gives an office with its own period its own cutoff, and everyone else the default', () => {
    const [dumai, others, unattached] = expiredFilters(policy, now);
    expect(dumai).toEqual({
      status: 'STORED',
      officeId: 'dumai',
      caseClosedAt: { $lt: daysBefore(now, 30) },
    });
    expect(others).toEqual({
      status: 'STORED',
      officeId: { $nin: ['dumai'] },
      caseClosedAt: { $lt: new Date('2026-03-03T00:00:00Z') },
    });
    expect(unattached).toEqual({
      status: 'STORED',
      caseId: null,
      createdAt: { $lt: daysBefore(now, 7) },
    });
  });

  it('has no office filter when no office overrides the default', () => {
    const [first] = expiredFilters({ ...policy, byOffice: new Map() }, now);
    expect(first).not.toHaveProperty('officeId');
  });
});
