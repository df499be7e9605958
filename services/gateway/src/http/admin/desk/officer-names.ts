import type { AccountRepository } from '../../../store/accounts/account.repository.js';
import type { Officer } from '../authenticate.js';
import type { OfficerNames } from './case.mapper.js';

/** At most this many accounts are looked up for one answer; the rest are named by id alone. */
const MAX_LOOKUPS = 50;

/**
 * Looks up the accounts `ids` name, once each, and answers with a namer. Only accounts of the
 * officer's own office get a display name: an id from elsewhere is shown as it is.
 */
export async function officerNames(
  accounts: AccountRepository,
  officer: Officer,
  ids: readonly string[],
): Promise<OfficerNames> {
  const unique = [...new Set(ids)].slice(0, MAX_LOOKUPS);
  const found = await Promise.all(unique.map((id) => accounts.byId(id)));
  const byId = new Map(
    found
      .filter((a) => a !== undefined && a.officeId === officer.officeId)
      .map((a) => [a!.id, a!] as const),
  );
  return (id) => {
    const account = byId.get(id);
    return {
      kind: 'officer',
      id,
      displayName: account?.displayName ?? null,
      role: account?.role ?? null,
    };
  };
}
