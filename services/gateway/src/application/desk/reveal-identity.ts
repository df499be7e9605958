import { AppError } from '@pandawa/errors';
import { callUnary } from '@pandawa/grpc';
import { asOfficer, type DeskClients } from '../../grpc/desk.clients.js';
import type { Officer } from '../../http/admin/authenticate.js';
import type { RevealQuotaRule, RevealQuotaStore } from '../../store/desk/reveal-quota.store.js';

export interface RevealDeps {
  clients: DeskClients;
  quota: RevealQuotaStore;
  rule: RevealQuotaRule;
  now?: () => number;
}

export interface Revealed {
  caseId: string;
  nik: string;
  kkNumber: string;
  revealedAt: string;
}

/**
 * The citizen's full NIK and KK number for the signed-in officer (architecture §8). The officer's
 * quota is claimed first (every replica shares it), then the case service records the reveal in
 * the case's audit trail and only then answers the numbers (RevealCitizenIdentity): a refused
 * quota or a failed record reveals nothing. Another office's case is the case service's 404.
 */
export async function revealIdentity(
  deps: RevealDeps,
  officer: Officer,
  caseId: string,
  reason: string,
): Promise<Revealed> {
  const now = deps.now?.() ?? Date.now();
  const key = `${officer.officeId}/${officer.accountId}`;
  if (!(await deps.quota.claim(key, deps.rule, now)))
    throw new AppError(
      'RESOURCE_EXHAUSTED',
      `at most ${deps.rule.maxPerWindow} reveals per ${Math.round(deps.rule.windowMs / 60_000)} minutes; try again later`,
      { reason: 'REVEAL_LIMIT' },
    );
  const { cases, deadlineMs } = deps.clients;
  return callUnary(
    cases,
    cases.revealCitizenIdentity,
    { officeId: officer.officeId, caseId, reason },
    asOfficer(officer, deadlineMs),
  );
}
