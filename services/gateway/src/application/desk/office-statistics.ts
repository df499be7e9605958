import { caseCategoryValues, caseStatusValues, TIME_LIMITS } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { callUnary } from '@pandawa/grpc';
import type { CsvValue } from '../../domain/csv.js';
import { asOfficer, type DeskClients } from '../../grpc/desk.clients.js';
import type { Officer } from '../../http/admin/authenticate.js';

const DAY_MS = 86_400_000;
/** Without a period: the last 30 days. */
export const DEFAULT_PERIOD_DAYS = 30;
/** The longest period one answer covers: a year and a day (a leap year, a report's margin). */
export const MAX_PERIOD_DAYS = 366;

export interface Duration {
  sampleSize: number;
  medianMinutes: number;
  p90Minutes: number;
}

export interface OfficeStatistics {
  from: string;
  to: string;
  total: number;
  byStatus: { status: (typeof caseStatusValues)[number]; count: number }[];
  byCategory: { category: (typeof caseCategoryValues)[number]; count: number }[];
  /** In service minutes (architecture §7). */
  firstResponse: Duration;
  resolution: Duration;
  slaBreaches: { firstResponse: number; resolution: number };
  /** More cases matched than the percentiles were computed over. */
  durationsTruncated: boolean;
}

const invalid = (message: string, reason: string) =>
  new AppError('INVALID_ARGUMENT', message, { reason });

/** The period asked for, or the last 30 days; at most MAX_PERIOD_DAYS, inside TIME_LIMITS. */
export function statisticsPeriod(
  asked: { from?: string; to?: string },
  now = Date.now(),
): { from: Date; to: Date } {
  const to = asked.to ? new Date(asked.to) : new Date(now);
  const from = asked.from
    ? new Date(asked.from)
    : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  for (const t of [from, to])
    if (t.getTime() < TIME_LIMITS.earliest || t.getTime() > TIME_LIMITS.latest)
      throw invalid('the period must lie between 2020 and 2100', 'PERIOD_OUT_OF_RANGE');
  if (!(from < to)) throw invalid('from must be before to', 'PERIOD_INVALID');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw invalid(`the period may span at most ${MAX_PERIOD_DAYS} days`, 'PERIOD_TOO_LONG');
  return { from, to };
}

const count = (v: string | number) => Number(v);
const duration = (d: { sampleSize: string; medianMinutes: number; p90Minutes: number } | null) => ({
  sampleSize: d ? Number(d.sampleSize) : 0,
  medianMinutes: d?.medianMinutes ?? 0,
  p90Minutes: d?.p90Minutes ?? 0,
});

/**
 * The office's figures for cases opened in the period (GetStatistics), every status and
 * category listed (zero included) so reports line up from one period to the next.
 */
export async function officeStatistics(
  clients: DeskClients,
  officer: Officer,
  period: { from: Date; to: Date },
): Promise<OfficeStatistics> {
  const s = await callUnary(
    clients.cases,
    clients.cases.getStatistics,
    { officeId: officer.officeId, from: period.from.toISOString(), to: period.to.toISOString() },
    asOfficer(officer, clients.deadlineMs),
  );
  const statuses = new Map(s.byStatus.map((x) => [x.status as string, count(x.count)]));
  const categories = new Map(s.byCategory.map((x) => [x.category as string, count(x.count)]));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    total: count(s.total),
    byStatus: caseStatusValues.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
    byCategory: caseCategoryValues.map((category) => ({
      category,
      count: categories.get(category) ?? 0,
    })),
    firstResponse: duration(s.firstResponse),
    resolution: duration(s.resolution),
    slaBreaches: {
      firstResponse: count(s.firstResponseBreaches),
      resolution: count(s.resolutionBreaches),
    },
    durationsTruncated: s.durationsTruncated,
  };
}

/** The figures as CSV rows `section, key, value`: counts and minutes only, nobody's data. */
export function statisticsRows(s: OfficeStatistics): CsvValue[][] {
  return [
    ['section', 'key', 'value'],
    ['period', 'from', s.from],
    ['period', 'to', s.to],
    ['cases', 'total', s.total],
    ...s.byStatus.map((x) => ['status', x.status, x.count]),
    ...s.byCategory.map((x) => ['category', x.category, x.count]),
    ['first_response', 'sample_size', s.firstResponse.sampleSize],
    ['first_response', 'median_minutes', s.firstResponse.medianMinutes],
    ['first_response', 'p90_minutes', s.firstResponse.p90Minutes],
    ['resolution', 'sample_size', s.resolution.sampleSize],
    ['resolution', 'median_minutes', s.resolution.medianMinutes],
    ['resolution', 'p90_minutes', s.resolution.p90Minutes],
    ['sla_breaches', 'first_response', s.slaBreaches.firstResponse],
    ['sla_breaches', 'resolution', s.slaBreaches.resolution],
    ['durations', 'truncated', s.durationsTruncated],
  ];
}
