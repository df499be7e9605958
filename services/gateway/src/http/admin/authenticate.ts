import { AppError } from '@pandawa/errors';
import type { Request } from 'express';
import type { OfficerRole } from '../../domain/officer-account.js';
import type { AccessTokens } from '../../application/auth/access-tokens.js';
import type { AccountRepository } from '../../store/accounts/account.repository.js';

/** The signed-in officer a request acts for. */
export interface Officer {
  accountId: string;
  officeId: string;
  role: OfficerRole;
  displayName: string;
}

/**
 * Reads `Authorization: Bearer <access token>`, verifies it, and checks that the account is
 * still there and enabled (a disabled account loses access at once, not when its token expires).
 * Role and office come from the account, so a role change applies to the next request.
 */
export function bearerAuthenticator(tokens: AccessTokens, accounts: AccountRepository) {
  return async (req: Request): Promise<Officer> => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match)
      throw new AppError('UNAUTHENTICATED', 'sign in first', { reason: 'TOKEN_REQUIRED' });
    const claims = await tokens.verify(match[1]!);
    const account = await accounts.byId(claims.accountId);
    if (!account || account.disabled)
      throw new AppError('UNAUTHENTICATED', 'sign in again', { reason: 'ACCOUNT_DISABLED' });
    return {
      accountId: account.id,
      officeId: account.officeId,
      role: account.role,
      displayName: account.displayName,
    };
  };
}
