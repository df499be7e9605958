import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  CALLER_ISSUER_ROLES,
  CALLER_ROLES,
  type Caller,
  type CallerIssuer,
  type CallerRole,
} from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';

/**
 * Caller proofs (architecture §4): every gRPC call that says who it is for carries a short-lived
 * Ed25519-signed assertion of that caller, made by the calling service with its own key and
 * bound to the service and method called. A server believes the caller only from a proof it can
 * verify, from a key it trusts, asserting a role that key's service may assert — so writing
 * `x-actor-role: supervisor` by hand gets a call nowhere.
 *
 * Format (JWS-shaped, algorithm fixed, never read from the proof):
 * `base64url(header) . base64url(claims) . base64url(Ed25519 signature of the first two)`.
 */
export const CALLER_PROOF_KEY = 'x-caller-proof';

/** A proof is signed per call; it lives just long enough to cross a slow network. */
const PROOF_TTL_SECONDS = 60;
/** The longest life a verifier accepts, and the clock difference it forgives. */
const MAX_TTL_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 30;
const MAX_PROOF_LENGTH = 4096;

interface ProofHeader {
  alg: 'EdDSA';
  kid: string;
}

interface ProofClaims {
  iss: string;
  sub: string;
  role: string;
  office: string;
  reason: string;
  /** The gRPC service called, `pandawa.case.v1.CaseService`. */
  aud: string;
  /** The method path, `/pandawa.case.v1.CaseService/GetCase`. */
  mth: string;
  /**
   * A citizen caller's BSUID and phone as the caller sent them (`x-citizen-bsuid`,
   * `x-citizen-phone`), '' when absent: signed, so neither can be swapped on the way.
   */
  cb?: string;
  cp?: string;
  iat: number;
  exp: number;
}

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export interface CallerCredential {
  issuer: CallerIssuer;
  kid: string;
  key: KeyObject;
}

/** A service's credential from its CALLER_SIGNING_KEY (`kid:<base64 seed>`). */
export function callerCredential(issuer: CallerIssuer, signingKey: string): CallerCredential {
  const [kid = '', seed = ''] = signingKey.split(':');
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, Buffer.from(seed, 'base64')]),
    format: 'der',
    type: 'pkcs8',
  });
  return { issuer, kid, key };
}

/** Signs one proof. Exposed for tests that must forge exactly one thing wrong. */
export function signCallerProof(
  credential: CallerCredential,
  claims: Omit<ProofClaims, 'iss' | 'iat' | 'exp'> & Partial<Pick<ProofClaims, 'iat' | 'exp'>>,
  now = Date.now(),
): string {
  const iat = claims.iat ?? Math.floor(now / 1000);
  const header: ProofHeader = { alg: 'EdDSA', kid: credential.kid };
  const body: ProofClaims = {
    iss: credential.issuer,
    ...claims,
    iat,
    exp: claims.exp ?? iat + PROOF_TTL_SECONDS,
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(body))}`;
  return `${signingInput}.${b64url(sign(null, Buffer.from(signingInput), credential.key))}`;
}

/**
 * Signs the proofs of a process's outgoing calls. A service has one credential; a test harness
 * may hold several (one per service it plays) and each call is signed by the first whose
 * service may assert the caller's role.
 */
export class CallerSigner {
  private readonly credentials: readonly CallerCredential[];

  constructor(credentials: CallerCredential | readonly CallerCredential[]) {
    this.credentials = Array.isArray(credentials) ? credentials : [credentials as CallerCredential];
  }

  /** The proof for `caller` calling `method`, or undefined when no credential may assert its role. */
  proofFor(caller: Caller, method: string): string | undefined {
    const credential = this.credentials.find((c) =>
      (CALLER_ISSUER_ROLES[c.issuer] as readonly string[]).includes(caller.role),
    );
    if (!credential) return undefined;
    return signCallerProof(credential, {
      sub: caller.id.slice(0, 200),
      role: caller.role,
      office: caller.officeId.slice(0, 64),
      reason: caller.reason.slice(0, 500),
      aud: serviceOf(method),
      mth: method,
      ...(caller.citizen
        ? {
            cb: (caller.citizen.bsuid ?? '').slice(0, 200),
            cp: (caller.citizen.phone ?? '').slice(0, 32),
          }
        : {}),
    });
  }
}

/** `/pandawa.case.v1.CaseService/GetCase` → `pandawa.case.v1.CaseService`. */
export function serviceOf(methodPath: string): string {
  return methodPath.split('/')[1] ?? '';
}

interface TrustedKey {
  issuer: CallerIssuer;
  key: KeyObject;
}

const unauthenticated = (reason: string, message: string) =>
  new AppError('UNAUTHENTICATED', message, { reason });

/** Verifies caller proofs against the keys a server trusts (CALLER_TRUSTED_KEYS). */
export class CallerVerifier {
  private readonly keys = new Map<string, TrustedKey>();

  /** `trusted`: `issuer:kid:<base64 32-byte public key>` entries. */
  constructor(
    trusted: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    for (const entry of trusted) {
      const [issuer, kid = '', raw = ''] = entry.split(':');
      if (!issuer || !(issuer in CALLER_ISSUER_ROLES)) continue;
      const key = createPublicKey({
        key: Buffer.concat([SPKI_ED25519, Buffer.from(raw, 'base64')]),
        format: 'der',
        type: 'spki',
      });
      this.keys.set(kid, { issuer: issuer as CallerIssuer, key });
    }
  }

  /**
   * The caller a proof asserts for a call of `method`. Throws UNAUTHENTICATED for a missing,
   * malformed, unsigned, expired or misdirected proof, PERMISSION_DENIED for a role the
   * signing service may not assert.
   */
  verify(proof: string, method: string): Caller {
    if (!proof) throw unauthenticated('PROOF_REQUIRED', 'the call carries no caller proof');
    if (proof.length > MAX_PROOF_LENGTH)
      throw unauthenticated('PROOF_MALFORMED', 'the caller proof is too long');
    const parts = proof.split('.');
    if (parts.length !== 3) throw unauthenticated('PROOF_MALFORMED', 'malformed caller proof');
    const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
    const header = parseJson(headerPart) as Partial<ProofHeader> | undefined;
    if (!header || header.alg !== 'EdDSA' || typeof header.kid !== 'string')
      throw unauthenticated('PROOF_MALFORMED', 'malformed caller proof');
    const trusted = this.keys.get(header.kid);
    if (!trusted) throw unauthenticated('PROOF_UNKNOWN_KEY', 'the caller proof has an unknown key');
    const valid = verify(
      null,
      Buffer.from(`${headerPart}.${claimsPart}`),
      trusted.key,
      Buffer.from(signaturePart, 'base64url'),
    );
    if (!valid) throw unauthenticated('PROOF_BAD_SIGNATURE', 'the caller proof is not signed');
    const claims = parseJson(claimsPart) as Partial<ProofClaims> | undefined;
    if (!claims || !isClaims(claims))
      throw unauthenticated('PROOF_MALFORMED', 'malformed caller proof');
    if (claims.iss !== trusted.issuer)
      throw unauthenticated('PROOF_WRONG_ISSUER', 'the caller proof names another issuer');
    if (claims.aud !== serviceOf(method) || claims.mth !== method)
      throw unauthenticated('PROOF_WRONG_AUDIENCE', 'the caller proof is for another method');
    const now = Math.floor(this.now() / 1000);
    if (
      claims.exp + CLOCK_SKEW_SECONDS < now ||
      claims.iat - CLOCK_SKEW_SECONDS > now ||
      claims.exp - claims.iat > MAX_TTL_SECONDS
    )
      throw unauthenticated('PROOF_EXPIRED', 'the caller proof has expired');
    if (!(CALLER_ROLES as readonly string[]).includes(claims.role))
      throw unauthenticated('UNKNOWN_ROLE', 'unknown actor role');
    if (!(CALLER_ISSUER_ROLES[trusted.issuer] as readonly string[]).includes(claims.role))
      throw new AppError('PERMISSION_DENIED', 'the calling service may not act in this role', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    return {
      id: claims.sub,
      role: claims.role as CallerRole,
      officeId: claims.office,
      reason: claims.reason,
      ...(claims.cb !== undefined || claims.cp !== undefined
        ? {
            citizen: {
              ...(claims.cb ? { bsuid: claims.cb } : {}),
              ...(claims.cp ? { phone: claims.cp } : {}),
            },
          }
        : {}),
    };
  }
}

function parseJson(part: string): unknown {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function isClaims(c: Partial<ProofClaims>): c is ProofClaims {
  const str = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  return (
    str(c.iss, 64) &&
    str(c.sub, 200) &&
    c.sub !== '' &&
    str(c.role, 32) &&
    str(c.office, 64) &&
    str(c.reason, 500) &&
    str(c.aud, 200) &&
    str(c.mth, 300) &&
    (c.cb === undefined || str(c.cb, 200)) &&
    (c.cp === undefined || str(c.cp, 32)) &&
    Number.isSafeInteger(c.iat) &&
    Number.isSafeInteger(c.exp)
  );
}
