import { callUnary } from '@pandawa/grpc';
import { asOfficer } from '../../../grpc/desk.clients.js';
import { route, type AnyRoute } from '../api-route.js';
import { versionOnlyBody } from './case-actions.schemas.js';
import { caseAnswer } from './case-answer.js';
import { caseDetail, caseIdParam } from './case.schemas.js';
import type { DeskDeps } from './desk.routes.js';

/**
 * The officer gives the conversation back to the bot while the case stays open (HandBackToBot,
 * architecture §6.1): the citizen's next message is answered by the bot again, which tells them
 * so. A case whose citizen is not waiting for an officer is answered unchanged. The answer is
 * the case as `GET /cases/{caseId}` shows it (its `handoff` ended).
 */
export function handoffRoutes(deps: DeskDeps): AnyRoute[] {
  const { cases, deadlineMs } = deps.clients;
  return [
    route({
      method: 'post',
      path: '/cases/:caseId/hand-back',
      operationId: 'handBackToBot',
      summary:
        'Hands the conversation back to the bot; the case stays open (no-op if not handed off)',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      body: versionOnlyBody,
      response: caseDetail,
      // NOT_FOUND (another office's case too) 404; a stale expectedVersion ABORTED 409.
      errors: [404, 409],
      handler: async ({ params, body, officer }) => {
        const c = await callUnary(
          cases,
          cases.handBackToBot,
          {
            officeId: officer.officeId,
            caseId: params.caseId,
            expectedVersion: body.expectedVersion ?? 0,
          },
          asOfficer(officer, deadlineMs),
        );
        return caseAnswer(deps, officer, c);
      },
    }),
  ];
}
