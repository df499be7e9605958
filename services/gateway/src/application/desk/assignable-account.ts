import { AppError } from '@pandawa/errors';
import type { OfficerAccount } from '../../domain/officer-account.js';
import type { AccountRepository } from '../../store/accounts/account.repository.js';

/**
 * The account a supervisor hands a case to: it must exist, be enabled and belong to the
 * supervisor's own office. The case service cannot know (accounts live in the gateway), so the
 * gateway checks before it asks case to assign. Another office's account reads as unknown, like
 * every other object of another office.
 */
export async function assignableAccount(
  accounts: Pick<AccountRepository, 'byId'>,
  officeId: string,
  assigneeId: string,
): Promise<OfficerAccount> {
  const account = await accounts.byId(assigneeId);
  if (!account || account.officeId !== officeId)
    throw new AppError('INVALID_ARGUMENT', 'assigneeId: no account of your office has this id', {
      reason: 'ASSIGNEE_UNKNOWN',
    });
  if (account.disabled)
    throw new AppError('INVALID_ARGUMENT', 'assigneeId: this account is disabled', {
      reason: 'ASSIGNEE_DISABLED',
    });
  return account;
}
