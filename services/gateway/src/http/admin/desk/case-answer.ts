import { callUnary } from '@pandawa/grpc';
import type { z } from 'zod';
import { asOfficer } from '../../../grpc/desk.clients.js';
import type { Officer } from '../authenticate.js';
import { officerIdsOf, toCaseDetail, type CaseMessage } from './case.mapper.js';
import type { caseDetail } from './case.schemas.js';
import type { DeskDeps } from './desk.routes.js';
import { officerNames } from './officer-names.js';

/**
 * A case as `GET /cases/{caseId}` shows it — its documents (from document-storage) and the
 * officers it names looked up — for the detail endpoint and for every action that answers with
 * the updated case, so they all speak one shape through one mapper (case.mapper.ts).
 */
export async function caseAnswer(
  deps: Pick<DeskDeps, 'clients' | 'accounts'>,
  officer: Officer,
  found: CaseMessage,
): Promise<z.input<typeof caseDetail>> {
  const { documents, deadlineMs } = deps.clients;
  const [listed, names] = await Promise.all([
    callUnary(
      documents,
      documents.listCaseDocuments,
      { officeId: officer.officeId, caseId: found.id },
      asOfficer(officer, deadlineMs, 'detail kasus'),
    ),
    officerNames(deps.accounts, officer, officerIdsOf(found)),
  ]);
  return toCaseDetail(found, listed.documents, names);
}
