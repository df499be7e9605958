import { AppError } from '@pandawa/errors';
import { openSession, type AuthDeps, type SessionTokens } from './sign-in.js';

const refused = (reason: string) => new AppError('UNAUTHENTICATED', 'sign in again', { reason });

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation). A token is
 * good once: presenting a spent one means it was copied, so its whole family — every session
 * descended from that sign-in — is revoked, the thief's and the officer's alike.
 */
export async function refreshSession(deps: AuthDeps, token: string): Promise<SessionTokens> {
  if (!token || token.length > 200) throw refused('REFRESH_REQUIRED');
  const now = deps.now?.() ?? Date.now();
  const record = await deps.refreshTokens.find(token);
  if (!record) throw refused('REFRESH_INVALID');
  if (await deps.refreshTokens.isRevoked(record.familyId)) throw refused('REFRESH_REVOKED');
  if (record.expiresAt.getTime() <= now) throw refused('REFRESH_EXPIRED');
  if (!(await deps.refreshTokens.spend(token, record.expiresAt))) {
    await deps.refreshTokens.revokeFamily(record.familyId);
    throw refused('REFRESH_REPLAYED');
  }
  const account = await deps.accounts.byId(record.accountId);
  if (!account || account.disabled) throw refused('ACCOUNT_DISABLED');
  return openSession(deps, account, record.familyId);
}

/** Sign-out: the refresh token's family is revoked; an unknown token is fine (idempotent). */
export async function signOut(deps: AuthDeps, token: string): Promise<void> {
  if (!token || token.length > 200) return;
  const record = await deps.refreshTokens.find(token);
  if (record) await deps.refreshTokens.revokeFamily(record.familyId);
}
