import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { OFFICER_ROLES, type OfficerRole } from '../../domain/officer-account.js';

/** The claims an access token carries: who, in which office, in which role. */
export interface AccessClaims {
  accountId: string;
  officeId: string;
  role: OfficerRole;
}

export interface AccessTokenSettings {
  /** `kid:<base64 32-byte Ed25519 seed>` entries; old ones stay listed while their tokens live. */
  keys: readonly string[];
  activeKid: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

// The one algorithm: pinned on signing and on verifying, never taken from the token.
const ALG = 'EdDSA';
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

const unauthenticated = (reason: string) =>
  new AppError('UNAUTHENTICATED', 'sign in again', { reason });

/**
 * Short-lived access tokens for the admin API: JWTs signed with Ed25519 (`EdDSA`), a `kid` per
 * key so keys rotate (sign with the new one, keep verifying the old until its tokens expired),
 * issuer, audience and expiry checked on every request.
 */
export class AccessTokens {
  private readonly privateKeys = new Map<string, KeyObject>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(private readonly settings: AccessTokenSettings) {
    for (const entry of settings.keys) {
      const [kid = '', seed = ''] = entry.split(':');
      const key = createPrivateKey({
        key: Buffer.concat([PKCS8_ED25519, Buffer.from(seed, 'base64')]),
        format: 'der',
        type: 'pkcs8',
      });
      this.privateKeys.set(kid, key);
      this.publicKeys.set(kid, createPublicKey(key));
    }
    if (!this.privateKeys.has(settings.activeKid))
      throw new Error('the active access-token key is not among the keys');
  }

  get ttlSeconds(): number {
    return this.settings.ttlSeconds;
  }

  async issue(claims: AccessClaims): Promise<string> {
    return new SignJWT({ office: claims.officeId, role: claims.role })
      .setProtectedHeader({ alg: ALG, kid: this.settings.activeKid, typ: 'at+jwt' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(claims.accountId)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.privateKeys.get(this.settings.activeKid)!);
  }

  /** The claims of a valid token; UNAUTHENTICATED for anything else (expired, forged, `none`). */
  async verify(token: string): Promise<AccessClaims> {
    if (token.length > 4096) throw unauthenticated('TOKEN_INVALID');
    const keyFor: JWTVerifyGetKey = (header) => {
      const key = header.kid === undefined ? undefined : this.publicKeys.get(header.kid);
      if (!key) throw unauthenticated('TOKEN_UNKNOWN_KEY');
      return key;
    };
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keyFor, {
        algorithms: [ALG],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        typ: 'at+jwt',
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 5,
      }));
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('TOKEN_EXPIRED');
      throw unauthenticated('TOKEN_INVALID');
    }
    const role = payload.role;
    const office = payload.office;
    if (
      typeof payload.sub !== 'string' ||
      typeof office !== 'string' ||
      typeof role !== 'string' ||
      !(OFFICER_ROLES as readonly string[]).includes(role)
    )
      throw unauthenticated('TOKEN_INVALID');
    return { accountId: payload.sub, officeId: office, role: role as OfficerRole };
  }
}
