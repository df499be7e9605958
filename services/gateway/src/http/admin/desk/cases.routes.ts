import { callUnary } from '@pandawa/grpc';
import type { z } from 'zod';
import { asOfficer } from '../../../grpc/desk.clients.js';
import { route } from '../api-route.js';
import type { Officer } from '../authenticate.js';
import { page } from '../schemas.js';
import { caseAnswer } from './case-answer.js';
import { toCaseSummary, type CaseMessage } from './case.mapper.js';
import { caseDetail, caseIdParam, caseQueueQuery, caseSummary } from './case.schemas.js';
import type { DeskDeps } from './desk.routes.js';
import { officerNames } from './officer-names.js';

type QueueQuery = z.output<typeof caseQueueQuery>;

const PRIORITY = { LOW: 'PRIORITY_LOW', NORMAL: 'PRIORITY_NORMAL', HIGH: 'PRIORITY_HIGH' } as const;

/** The queue's query as a ListCasesRequest: always the officer's own office. */
function listRequest(query: QueueQuery, officer: Officer) {
  return {
    officeId: officer.officeId,
    statuses: query.status ?? [],
    ...(query.category ? { category: query.category } : {}),
    ...(query.assignee === 'unassigned'
      ? { unassignedOnly: true }
      : query.assignee
        ? { assigneeId: query.assignee === 'mine' ? officer.accountId : query.assignee }
        : {}),
    ...(query.priority ? { priority: PRIORITY[query.priority] } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.q ? { query: query.q } : {}),
    ...(query.slaBreached ? { slaBreached: query.slaBreached === 'true' } : {}),
    ...(query.awaitingOfficer ? { awaitingOfficer: true } : {}),
    ...(query.createdFrom ? { createdFrom: query.createdFrom } : {}),
    ...(query.createdTo ? { createdTo: query.createdTo } : {}),
    order:
      query.order === 'sla_due'
        ? ('CASE_LIST_ORDER_SLA_DUE' as const)
        : ('CASE_LIST_ORDER_NEWEST' as const),
    pageSize: query.limit,
    // The case service's page token, passed through as the opaque cursor.
    pageToken: query.cursor ?? '',
  };
}

/** Reads one case of the officer's office: another office's id is the case service's 404. */
export function getCase(deps: DeskDeps, officer: Officer, caseId: string): Promise<CaseMessage> {
  const { cases, deadlineMs } = deps.clients;
  return callUnary(
    cases,
    cases.getCase,
    { officeId: officer.officeId, id: caseId },
    asOfficer(officer, deadlineMs),
  );
}

/** The queue and a case's detail (issue 14): reads only, for every officer of the office. */
export function caseRoutes(deps: DeskDeps) {
  const { cases, deadlineMs } = deps.clients;
  return [
    route({
      method: 'get',
      path: '/cases',
      operationId: 'listCases',
      summary:
        'Your office’s cases: filters (status, category, assignee incl. mine/unassigned, priority, tag, name or tracking code, created range, SLA breach, awaiting an officer), newest first or by SLA due time, cursor pages',
      tag: 'cases',
      access: 'officer',
      query: caseQueueQuery,
      response: page(caseSummary),
      handler: async ({ query, officer }) => {
        const answer = await callUnary(
          cases,
          cases.listCases,
          listRequest(query as QueueQuery, officer),
          asOfficer(officer, deadlineMs),
        );
        const names = await officerNames(
          deps.accounts,
          officer,
          answer.cases.map((c) => c.assigneeId).filter(Boolean),
        );
        return {
          items: answer.cases.map((c) => toCaseSummary(c, names)),
          nextCursor: answer.nextPageToken || null,
        };
      },
    }),
    route({
      method: 'get',
      path: '/cases/:caseId',
      operationId: 'getCase',
      summary:
        'One case of your office: citizen (NIK, KK and phone masked), thread with delivery ticks, internal notes, audit trail, SLA clocks, documents',
      tag: 'cases',
      access: 'officer',
      params: caseIdParam,
      response: caseDetail,
      errors: [404],
      handler: async ({ params, officer }) => {
        return caseAnswer(
          deps,
          officer,
          await getCase(deps, officer, (params as { caseId: string }).caseId),
        );
      },
    }),
  ];
}
