import { AppError } from '@pandawa/errors';
import {
  normalizeUsername,
  USERNAME_PATTERN,
  type OfficerAccount,
  type OfficerRole,
} from '../../domain/officer-account.js';
import { PASSWORD_MIN_LENGTH, type PasswordHasher } from '../../domain/password.js';
import type { AccountRepository } from '../../store/accounts/account.repository.js';

export interface NewAccount {
  username: string;
  displayName: string;
  officeId: string;
  role: OfficerRole;
  password: string;
}

/** Creates an officer account (an admin, or the bootstrap command for the first admin). */
export async function createAccount(
  deps: { accounts: AccountRepository; hasher: PasswordHasher },
  input: NewAccount,
): Promise<OfficerAccount> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username))
    throw new AppError('INVALID_ARGUMENT', 'username: 3–64 of a-z 0-9 . _ -', {
      reason: 'USERNAME_INVALID',
    });
  if (input.password.length < PASSWORD_MIN_LENGTH)
    throw new AppError('INVALID_ARGUMENT', `password: at least ${PASSWORD_MIN_LENGTH} characters`, {
      reason: 'PASSWORD_TOO_SHORT',
    });
  return deps.accounts.create({
    username,
    displayName: input.displayName.trim(),
    officeId: input.officeId,
    role: input.role,
    passwordHash: await deps.hasher.hash(input.password),
  });
}
