import { z } from 'zod';

/**
 * Who a citizen is, as WhatsApp tells us (architecture §1). Since April 2026 every webhook carries a
 * business-scoped user ID (BSUID: two-letter country code, a dot, up to 128 alphanumerics, e.g.
 * `ID.1234567890123456`); a citizen who adopted a username may come with no phone number at all.
 * Old records may have a phone and no BSUID. A valid identity has at least one of the two.
 *
 * Only WhatsApp's own signed payload may produce one of these: nothing a citizen types is ever
 * turned into an identity. BSUIDs, phones and usernames are personal data: mask them in logs.
 */
export const BSUID_PATTERN = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;
/** A parent BSUID, shared across a managed business's portfolios: `US.ENT.11815799212886844830`. */
export const PARENT_BSUID_PATTERN = /^[A-Z]{2}\.ENT\.[A-Za-z0-9]{1,128}$/;
/** Digits only, as WhatsApp's `wa_id` (E.164 without the plus). */
export const PHONE_PATTERN = /^[1-9][0-9]{6,14}$/;

export const IDENTITY_LIMITS = {
  bsuid: 132,
  parentBsuid: 136,
  phone: 15,
  /** WhatsApp usernames are short handles; keep a generous bound. */
  username: 64,
} as const;

export const citizenIdentitySchema = z
  .object({
    bsuid: z.string().max(IDENTITY_LIMITS.bsuid).regex(BSUID_PATTERN).optional(),
    parentBsuid: z.string().max(IDENTITY_LIMITS.parentBsuid).regex(PARENT_BSUID_PATTERN).optional(),
    phone: z.string().max(IDENTITY_LIMITS.phone).regex(PHONE_PATTERN).optional(),
    username: z.string().min(1).max(IDENTITY_LIMITS.username).optional(),
  })
  .refine((c) => c.bsuid !== undefined || c.phone !== undefined, {
    message: 'a citizen identity needs a BSUID or a phone number',
  });

export type CitizenIdentity = z.infer<typeof citizenIdentitySchema>;

/**
 * The one stable key of a citizen: the BSUID when WhatsApp gave one, else the phone number.
 * Everything that is "this citizen's" (cases, sessions, send ordering) is keyed on it; records
 * keyed on a phone are re-keyed when a webhook links that phone to a BSUID.
 */
export function citizenKey(identity: Pick<CitizenIdentity, 'bsuid' | 'phone'>): string {
  const key = identity.bsuid ?? identity.phone;
  if (!key) throw new Error('a citizen identity needs a BSUID or a phone number');
  return key;
}

/** Whether two identities name the same citizen (a shared BSUID, or a shared phone). */
export function sameCitizen(
  a: Pick<CitizenIdentity, 'bsuid' | 'phone'>,
  b: Pick<CitizenIdentity, 'bsuid' | 'phone'>,
): boolean {
  if (a.bsuid && b.bsuid) return a.bsuid === b.bsuid;
  return Boolean(a.phone && b.phone && a.phone === b.phone);
}
