import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { CALLER_ISSUERS, type CallerIssuer } from '@pandawa/contracts';
import { z } from 'zod';

// The services that call others over gRPC each sign the caller proof of every call with their
// own Ed25519 key (architecture §4); which roles each may assert is CALLER_ISSUER_ROLES.

/** Key ids of the published development keys start with this; production refuses them. */
export const DEV_ONLY_CALLER_KEY_PREFIX = 'dev-only-';

// PKCS#8 and SPKI wrappers of a raw 32-byte Ed25519 seed and public key (RFC 8410).
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

/** The raw 32-byte public key of an Ed25519 seed, base64. */
export function ed25519PublicOf(seedBase64: string): string {
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, Buffer.from(seedBase64, 'base64')]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(SPKI_ED25519.length).toString('base64');
}

/**
 * DEV ONLY. Published signing keys, one per calling service, so that `npm run dev` and the tests
 * work with no settings. Anyone who has read this repository can sign with them: a production
 * deployment (PANDAWA_ENV=production) refuses to start with one.
 */
export const DEV_ONLY_CALLER_SIGNING_KEYS: Readonly<Record<CallerIssuer, string>> =
  Object.fromEntries(
    CALLER_ISSUERS.map((issuer) => {
      const seed = createHash('sha256').update(`pandawa-dev-only-caller-key:${issuer}`).digest();
      return [issuer, `${DEV_ONLY_CALLER_KEY_PREFIX}${issuer}:${seed.toString('base64')}`];
    }),
  ) as Record<CallerIssuer, string>;

/** The public halves of the development keys, `issuer:kid:<base64 public key>`, comma-separated. */
export const DEV_ONLY_CALLER_TRUSTED_KEYS = CALLER_ISSUERS.map((issuer) => {
  const [kid, seed] = DEV_ONLY_CALLER_SIGNING_KEYS[issuer].split(':') as [string, string];
  return `${issuer}:${kid}:${ed25519PublicOf(seed)}`;
}).join(',');

const base64Of32 = (value: string) => {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 32 && bytes.toString('base64') === value;
};
const KID = /^[A-Za-z0-9._-]{1,64}$/;

/** The setting that holds a calling service's own signing key: `GATEWAY_CALLER_SIGNING_KEY`, ... */
export type CallerSigningKeyName<I extends CallerIssuer> = `${Uppercase<I>}_CALLER_SIGNING_KEY`;
export const callerSigningKeyName = <I extends CallerIssuer>(issuer: I) =>
  `${issuer.toUpperCase()}_CALLER_SIGNING_KEY` as CallerSigningKeyName<I>;

/**
 * The calling service's own signing key, `<kid>:<base64 of a 32-byte Ed25519 seed>`. Named per
 * service, so that one shared Secret still gives each service its own key. Rotation: add the new
 * public key to the servers' CALLER_TRUSTED_KEYS, then switch this, then drop the old one.
 */
export function callerSigningEnv<I extends CallerIssuer>(issuer: I) {
  const field = z
    .string()
    .default(DEV_ONLY_CALLER_SIGNING_KEYS[issuer])
    .refine((value) => {
      const [kid, seed, ...rest] = value.split(':');
      return rest.length === 0 && KID.test(kid ?? '') && base64Of32(seed ?? '');
    }, 'expected <kid>:<base64 of a 32-byte Ed25519 seed>');
  return { [callerSigningKeyName(issuer)]: field } as Record<CallerSigningKeyName<I>, typeof field>;
}

/**
 * The keys a gRPC server accepts caller proofs from: `issuer:kid:<base64 32-byte Ed25519 public
 * key>,...`. The issuer a key belongs to decides which roles its proofs may assert.
 */
export const callerTrustEnv = {
  CALLER_TRUSTED_KEYS: z
    .string()
    .default(DEV_ONLY_CALLER_TRUSTED_KEYS)
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const entry of entries) {
        const [issuer, kid, key, ...rest] = entry.split(':');
        if (
          rest.length > 0 ||
          !(CALLER_ISSUERS as readonly string[]).includes(issuer ?? '') ||
          !KID.test(kid ?? '') ||
          !base64Of32(key ?? '')
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `expected issuer:kid:<base64 public key>, issuer one of ${CALLER_ISSUERS.join(', ')}`,
          });
          return z.NEVER;
        }
      }
      if (entries.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'at least one trusted key is required' });
        return z.NEVER;
      }
      return entries;
    }),
};

/** Production problems of the caller keys: any published development key, signing or trusted. */
export function callerKeyProblems(config: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const issuer of CALLER_ISSUERS) {
    const name = callerSigningKeyName(issuer);
    const signing = config[name];
    if (typeof signing === 'string' && signing.startsWith(DEV_ONLY_CALLER_KEY_PREFIX))
      problems.push(`${name}: is a published development key; set it from the Secret`);
  }
  const trusted = config.CALLER_TRUSTED_KEYS;
  const devPublics = new Set(DEV_ONLY_CALLER_TRUSTED_KEYS.split(',').map((e) => e.split(':')[2]));
  if (
    Array.isArray(trusted) &&
    trusted.some(
      (entry) =>
        typeof entry === 'string' &&
        (entry.split(':')[1]?.startsWith(DEV_ONLY_CALLER_KEY_PREFIX) ||
          devPublics.has(entry.split(':')[2])),
    )
  )
    problems.push(
      'CALLER_TRUSTED_KEYS: trusts a published development key; list only the services’ real public keys',
    );
  return problems;
}

/** DEV ONLY. The admin API's published access-token signing key (gateway `ADMIN_JWT_KEYS`). */
export const DEV_ONLY_ADMIN_JWT_KID = 'dev-only-admin-jwt';
export const DEV_ONLY_ADMIN_JWT_KEYS = `${DEV_ONLY_ADMIN_JWT_KID}:${createHash('sha256')
  .update('pandawa-dev-only-admin-jwt')
  .digest()
  .toString('base64')}`;

/** Production problems of the admin API's token keys: the published one, active or listed. */
export function adminJwtKeyProblems(config: Readonly<Record<string, unknown>>): string[] {
  const keys = config.ADMIN_JWT_KEYS;
  return Array.isArray(keys) &&
    keys.some((k) => typeof k === 'string' && k.startsWith(DEV_ONLY_CALLER_KEY_PREFIX))
    ? ['ADMIN_JWT_KEYS: holds the published development key; set real keys from the Secret']
    : [];
}

/**
 * The admin API's access-token keys, `kid:<base64 32-byte Ed25519 seed>,...`, and the one that
 * signs (rotation: add a key, make it active, drop the old one after the token lifetime).
 */
export const adminJwtEnv = {
  ADMIN_JWT_KEYS: z
    .string()
    .default(DEV_ONLY_ADMIN_JWT_KEYS)
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (
        entries.length === 0 ||
        entries.some((e) => {
          const [kid, seed, ...rest] = e.split(':');
          return rest.length > 0 || !KID.test(kid ?? '') || !base64Of32(seed ?? '');
        })
      ) {
        ctx.addIssue({ code: 'custom', message: 'expected kid:<base64 of a 32-byte seed>,...' });
        return z.NEVER;
      }
      return entries;
    }),
  ADMIN_JWT_ACTIVE_KID: z.string().regex(KID).default(DEV_ONLY_ADMIN_JWT_KID),
};
