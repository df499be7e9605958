import { callUnary, type UnaryMethod } from '@pandawa/grpc';
import type { z } from 'zod';
import { assignableAccount } from '../../../application/desk/assignable-account.js';
import { asOfficer } from '../../../grpc/desk.clients.js';
import { route, type AnyRoute } from '../api-route.js';
import type { Officer } from '../authenticate.js';
import { caseAnswer } from './case-answer.js';
import type { CaseMessage } from './case.mapper.js';
import { caseDetail, caseIdParam, type casePriority } from './case.schemas.js';
import {
  assigneeBody,
  noteBody,
  transitionBody,
  triageBody,
  unassignQuery,
  versionOnlyBody,
  type TransitionBody,
} from './case-actions.schemas.js';
import type { DeskDeps } from './desk.routes.js';

const PRIORITY_IN: Record<
  z.output<typeof casePriority>,
  'PRIORITY_LOW' | 'PRIORITY_NORMAL' | 'PRIORITY_HIGH'
> = {
  LOW: 'PRIORITY_LOW',
  NORMAL: 'PRIORITY_NORMAL',
  HIGH: 'PRIORITY_HIGH',
};

/** The data a target status carries, as TransitionCase fields (absent ones are empty). */
function transitionFields(body: TransitionBody) {
  return {
    toStatus: body.to,
    reason: 'reason' in body ? (body.reason ?? '') : '',
    missingItems: body.to === 'MENUNGGU_DATA' ? body.missingItems : [],
    visitInstructions: body.to === 'PERLU_KUNJUNGAN' ? body.visitInstructions : '',
    expectedVersion: body.expectedVersion ?? 0,
  };
}

// Errors come back from case as AppErrors with its code (packages/errors): NOT_FOUND (another
// office's case too) 404, a move the lifecycle forbids or a closed case FAILED_PRECONDITION 409,
// a stale expectedVersion ABORTED 409, a role case refuses PERMISSION_DENIED 403.
const CASE_ERRORS = [404, 409];

/**
 * What officers do to a case: move it through the lifecycle, claim it, (un)assign it, note,
 * triage. Each answers with the whole updated case, the shape of `GET /cases/{caseId}`.
 */
export function caseActionRoutes(deps: DeskDeps): AnyRoute[] {
  const { clients } = deps;
  const cases = clients.cases;
  /**
   * One of case's writes on a case of the officer's office, called as the officer, answered
   * with the updated case. `fields` are typed by the method (NoInfer), so a misspelt one does
   * not compile.
   */
  const onCase = async <Fields>(
    officer: Officer,
    caseId: string,
    write: UnaryMethod<{ officeId: string; caseId: string } & Fields, CaseMessage>,
    fields: NoInfer<Fields>,
  ) =>
    caseAnswer(
      deps,
      officer,
      await callUnary(
        cases,
        write,
        { officeId: officer.officeId, caseId, ...fields },
        asOfficer(officer, clients.deadlineMs),
      ),
    );

  return [
    route({
      method: 'post',
      path: '/cases/:caseId/transitions',
      operationId: 'transitionCase',
      summary: 'Moves a case to another status, with the data that status needs',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      body: transitionBody,
      response: caseDetail,
      errors: CASE_ERRORS,
      handler: async ({ params, body, officer }) =>
        onCase(officer, params.caseId, cases.transitionCase, transitionFields(body)),
    }),
    route({
      method: 'post',
      path: '/cases/:caseId/claim',
      operationId: 'claimCase',
      summary: 'Takes an unassigned case as your own (409 if someone else has it)',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      body: versionOnlyBody,
      response: caseDetail,
      errors: CASE_ERRORS,
      handler: async ({ params, body, officer }) =>
        onCase(officer, params.caseId, cases.claimCase, {
          expectedVersion: body.expectedVersion ?? 0,
        }),
    }),
    route({
      method: 'put',
      path: '/cases/:caseId/assignee',
      operationId: 'assignCase',
      summary: 'Assigns (or reassigns) a case to an enabled account of your office',
      tag: 'case desk',
      access: 'supervisor',
      params: caseIdParam,
      body: assigneeBody,
      response: caseDetail,
      errors: CASE_ERRORS,
      handler: async ({ params, body, officer }) => {
        const assignee = await assignableAccount(deps.accounts, officer.officeId, body.assigneeId);
        return onCase(officer, params.caseId, cases.assignCase, {
          assigneeId: assignee.id,
          expectedVersion: body.expectedVersion ?? 0,
        });
      },
    }),
    route({
      method: 'delete',
      path: '/cases/:caseId/assignee',
      operationId: 'unassignCase',
      summary:
        'Returns a case to the queue: a supervisor any case, an officer only their own (403 otherwise)',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      query: unassignQuery,
      response: caseDetail,
      errors: CASE_ERRORS,
      handler: async ({ params, query, officer }) =>
        onCase(officer, params.caseId, cases.unassignCase, {
          reason: '',
          expectedVersion: query.expectedVersion ?? 0,
        }),
    }),
    route({
      method: 'post',
      path: '/cases/:caseId/notes',
      operationId: 'addCaseNote',
      summary: 'Adds an internal note (officers only; never sent to the citizen)',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      body: noteBody,
      response: caseDetail,
      errors: [404],
      handler: async ({ params, body, officer }) =>
        onCase(officer, params.caseId, cases.addInternalNote, { text: body.text }),
    }),
    route({
      method: 'patch',
      path: '/cases/:caseId/triage',
      operationId: 'triageCase',
      summary: 'Sets a case’s priority and/or replaces its tags',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      body: triageBody,
      response: caseDetail,
      errors: CASE_ERRORS,
      handler: async ({ params, body, officer }) =>
        onCase(officer, params.caseId, cases.updateCaseTriage, {
          priority: body.priority ? PRIORITY_IN[body.priority] : 'CASE_PRIORITY_UNSPECIFIED',
          replaceTags: body.tags !== undefined,
          tags: body.tags ?? [],
          expectedVersion: body.expectedVersion ?? 0,
        }),
    }),
  ];
}
