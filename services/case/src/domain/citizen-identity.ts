import {
  BSUID_PATTERN,
  IDENTITY_LIMITS,
  PARENT_BSUID_PATTERN,
  PHONE_PATTERN,
  sameCitizen,
  type CitizenIdentity,
} from '@pandawa/contracts';

/**
 * The identity fields of a stored citizen (architecture §1). Records written before WhatsApp
 * sent BSUIDs carry `waId` (their phone number) instead of `phone`: they are read as a phone, so
 * they keep working without a migration.
 */
export interface StoredCitizenIdentity {
  phone?: string;
  bsuid?: string;
  parentBsuid?: string;
  username?: string;
  /** Legacy: the WhatsApp id (a phone number) of records older than BSUIDs. */
  waId?: string;
}

/** The identity of a stored citizen: the BSUID when known, the phone (or legacy `waId`). */
export function identityOf(c: StoredCitizenIdentity): {
  bsuid?: string;
  phone?: string;
  parentBsuid?: string;
  username?: string;
} {
  const phone = c.phone || c.waId;
  return {
    ...(c.bsuid ? { bsuid: c.bsuid } : {}),
    ...(phone ? { phone } : {}),
    ...(c.parentBsuid ? { parentBsuid: c.parentBsuid } : {}),
    ...(c.username ? { username: c.username } : {}),
  };
}

/**
 * The stored citizen as case events carry it (a valid CitizenIdentity): values that do not have
 * WhatsApp's format are left out, so an odd legacy record never fails an event.
 */
export function eventIdentityOf(c: StoredCitizenIdentity): CitizenIdentity {
  const id = identityOf(c);
  const ok = (v: string | undefined, p: RegExp, max: number) =>
    v !== undefined && v.length <= max && p.test(v) ? v : undefined;
  const bsuid = ok(id.bsuid, BSUID_PATTERN, IDENTITY_LIMITS.bsuid);
  const phone = ok(id.phone, PHONE_PATTERN, IDENTITY_LIMITS.phone);
  const parentBsuid = ok(id.parentBsuid, PARENT_BSUID_PATTERN, IDENTITY_LIMITS.parentBsuid);
  const username =
    id.username && id.username.length <= IDENTITY_LIMITS.username ? id.username : undefined;
  return {
    ...(bsuid ? { bsuid } : {}),
    ...(phone ? { phone } : {}),
    ...(parentBsuid ? { parentBsuid } : {}),
    ...(username ? { username } : {}),
  };
}

/**
 * Whether a stored case belongs to the citizen `who`: the same BSUID when both have one, else the
 * same phone. A phone-only (old) case is theirs by phone until a webhook links that phone to a
 * BSUID, which writes the BSUID into the case; after that a new owner of a recycled number (a
 * different BSUID) no longer matches.
 */
export function belongsTo(
  stored: StoredCitizenIdentity,
  who: { bsuid?: string; phone?: string },
): boolean {
  return sameCitizen(identityOf(stored), who);
}

/** Why an identity from a request is refused; undefined when it is acceptable. */
export function identityProblem(id: {
  bsuid?: string;
  phone?: string;
  parentBsuid?: string;
  username?: string;
}): string | undefined {
  if (!id.bsuid && !id.phone) return 'the citizen needs a BSUID or a phone number';
  if (id.bsuid && (id.bsuid.length > IDENTITY_LIMITS.bsuid || !BSUID_PATTERN.test(id.bsuid)))
    return `bsuid must be a WhatsApp BSUID (at most ${IDENTITY_LIMITS.bsuid} characters)`;
  if (id.phone && (id.phone.length > IDENTITY_LIMITS.phone || !PHONE_PATTERN.test(id.phone)))
    return `phone must be ${IDENTITY_LIMITS.phone} digits at most, without a plus`;
  if (
    id.parentBsuid &&
    (id.parentBsuid.length > IDENTITY_LIMITS.parentBsuid ||
      !PARENT_BSUID_PATTERN.test(id.parentBsuid))
  )
    return 'parent_bsuid must be a WhatsApp parent BSUID';
  if (id.username && id.username.length > IDENTITY_LIMITS.username)
    return `username must be at most ${IDENTITY_LIMITS.username} characters`;
  return undefined;
}
