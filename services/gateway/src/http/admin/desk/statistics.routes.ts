import { caseCategoryValues, caseStatusValues } from '@pandawa/contracts';
import { z } from 'zod';
import {
  officeStatistics,
  statisticsPeriod,
  statisticsRows,
} from '../../../application/desk/office-statistics.js';
import { toCsv } from '../../../domain/csv.js';
import { route } from '../api-route.js';
import type { DeskDeps } from './desk.routes.js';

const periodQuery = z
  .object({
    /** Cases opened at or after; default 30 days before `to`. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Cases opened before; default now. At most 366 days after `from`. */
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const duration = z.object({
  sampleSize: z.number().int().nonnegative(),
  medianMinutes: z.number().nonnegative(),
  p90Minutes: z.number().nonnegative(),
});

const statistics = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    total: z.number().int().nonnegative(),
    byStatus: z.array(
      z.object({ status: z.enum(caseStatusValues), count: z.number().int().nonnegative() }),
    ),
    byCategory: z.array(
      z.object({ category: z.enum(caseCategoryValues), count: z.number().int().nonnegative() }),
    ),
    firstResponse: duration,
    resolution: duration,
    slaBreaches: z.object({
      firstResponse: z.number().int().nonnegative(),
      resolution: z.number().int().nonnegative(),
    }),
    durationsTruncated: z.boolean(),
  })
  .meta({ id: 'Statistics' });

type Period = z.output<typeof periodQuery>;

/** The office's figures (supervisors and admins): JSON, and the same as a CSV file. */
export function statisticsRoutes(deps: DeskDeps) {
  return [
    route({
      method: 'get',
      path: '/statistics',
      operationId: 'getStatistics',
      summary:
        'Cases your office opened in a period (default the last 30 days, at most 366): per status and category, first-response and resolution times in service minutes, SLA breaches',
      tag: 'statistics',
      access: 'supervisor',
      query: periodQuery,
      response: statistics,
      handler: async ({ query, officer }) =>
        officeStatistics(deps.clients, officer, statisticsPeriod(query as Period)),
    }),
    route({
      method: 'get',
      path: '/statistics/export.csv',
      operationId: 'exportStatisticsCsv',
      summary:
        'The same figures as a CSV file (section, key, value): counts and minutes only, no personal data',
      tag: 'statistics',
      access: 'supervisor',
      query: periodQuery,
      response: null,
      produces: ['text/csv'],
      handler: async ({ query, officer, res }) => {
        const period = statisticsPeriod(query as Period);
        const figures = await officeStatistics(deps.clients, officer, period);
        const day = (d: Date) => d.toISOString().slice(0, 10);
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader(
          'content-disposition',
          `attachment; filename="statistik-${officer.officeId.replace(/[^A-Za-z0-9_-]/g, '_')}-${day(period.from)}-${day(period.to)}.csv"`,
        );
        res.setHeader('cache-control', 'no-store');
        res.setHeader('x-content-type-options', 'nosniff');
        res.status(200).send(toCsv(statisticsRows(figures)));
        return undefined;
      },
    }),
  ];
}
