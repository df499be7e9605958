import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { normalizeUsername, type OfficerAccount } from '../../domain/officer-account.js';
import type { PasswordHasher } from '../../domain/password.js';
import type { AccountRepository } from '../../store/accounts/account.repository.js';
import type { RefreshTokenStore } from '../../store/auth/refresh-token.store.js';
import type { SignInThrottleStore, ThrottleRule } from '../../store/auth/sign-in-throttle.store.js';
import type { AccessTokens } from './access-tokens.js';

export interface SessionTokens {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  account: OfficerAccount;
}

export interface AuthDeps {
  accounts: AccountRepository;
  hasher: PasswordHasher;
  tokens: AccessTokens;
  refreshTokens: RefreshTokenStore;
  throttle: SignInThrottleStore;
  rules: { account: ThrottleRule; address: ThrottleRule };
  refreshTtlMs: number;
  now?: () => number;
}

/**
 * Verified against when the account does not exist, so that an unknown username costs the same
 * one scrypt as a known one: the answer's timing tells nobody which usernames exist.
 */
let decoyHash: Promise<string> | undefined;
const decoyFor = (hasher: PasswordHasher) =>
  (decoyHash ??= hasher.hash(randomBytes(24).toString('base64')));

const WRONG = () =>
  new AppError('UNAUTHENTICATED', 'username or password is wrong', { reason: 'BAD_CREDENTIALS' });
const LOCKED = () =>
  new AppError('RESOURCE_EXHAUSTED', 'too many failed sign-ins; try again later', {
    reason: 'SIGN_IN_LOCKED',
  });

/** Issues an access token and a new refresh-token family for an account. */
export async function openSession(
  deps: AuthDeps,
  account: OfficerAccount,
  familyId: string = randomUUID(),
): Promise<SessionTokens> {
  const now = deps.now?.() ?? Date.now();
  const refreshToken = randomBytes(32).toString('base64url');
  const refreshExpiresAt = new Date(now + deps.refreshTtlMs);
  await deps.refreshTokens.save(refreshToken, {
    accountId: account.id,
    familyId,
    expiresAt: refreshExpiresAt,
  });
  return {
    accessToken: await deps.tokens.issue({
      accountId: account.id,
      officeId: account.officeId,
      role: account.role,
    }),
    expiresInSeconds: deps.tokens.ttlSeconds,
    refreshToken,
    refreshExpiresAt,
    account,
  };
}

/**
 * Sign-in with username and password. Every attempt costs exactly one password verification —
 * known account or not, locked or not — and a failure answers the same whatever was wrong.
 * Failures are counted per username (whether or not it exists, so a lock-out reveals nothing
 * either) and per client address, in the database, so the limits hold across replicas.
 */
export async function signIn(
  deps: AuthDeps,
  input: { username: string; password: string; address: string },
): Promise<SessionTokens> {
  const now = deps.now?.() ?? Date.now();
  const username = normalizeUsername(input.username);
  const accountKey = `account:${username}`;
  const addressKey = `address:${input.address}`;
  const [accountLocked, addressLocked, credentials] = await Promise.all([
    deps.throttle.lockedUntil(accountKey, now),
    deps.throttle.lockedUntil(addressKey, now),
    deps.accounts.credentialsOf(username),
  ]);
  const hash = credentials?.passwordHash ?? (await decoyFor(deps.hasher));
  const matches = await deps.hasher.verify(input.password, hash);
  if (accountLocked || addressLocked) throw LOCKED();
  if (!credentials || !matches || credentials.account.disabled) {
    await Promise.all([
      deps.throttle.recordFailure(accountKey, deps.rules.account, now),
      deps.throttle.recordFailure(addressKey, deps.rules.address, now),
    ]);
    throw WRONG();
  }
  await deps.throttle.clear(accountKey, deps.rules.account, now);
  return openSession(deps, credentials.account);
}
