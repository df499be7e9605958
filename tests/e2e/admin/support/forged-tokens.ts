import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { loadGatewayConfig } from '../../../../services/gateway/src/config.js';

/** The gateway's token settings as a gateway started with default settings has them. */
const config = loadGatewayConfig({});
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

function keyOf(entry: string): { kid: string; key: KeyObject } {
  const [kid = '', seed = ''] = entry.split(':');
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, Buffer.from(seed, 'base64')]),
    format: 'der',
    type: 'pkcs8',
  });
  return { kid, key };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, so each forgery differs from a real token in exactly one thing. */
function jwt(header: Record<string, unknown>, claims: Record<string, unknown>, key?: KeyObject) {
  const input = `${b64(header)}.${b64(claims)}`;
  return key
    ? `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`
    : `${input}.`;
}

/** The algorithm-confusion forgery: HMAC keyed with the verifier's public key. */
function hs256(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject) {
  const input = `${b64({ ...header, alg: 'HS256' })}.${b64(claims)}`;
  const secret = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export interface RealSession {
  /** A valid access token of an account allowed everywhere (an admin of the own office). */
  accessToken: string;
}

/** An identity that must get no further than 401 on any route that needs a token. */
export interface Forgery {
  name: string;
  headers: Record<string, string>;
}

/**
 * Every way of presenting a wrong identity, built from a real admin's token: the same subject,
 * office and role, each wrong in one way only — so an answer other than 401 is the gateway
 * believing exactly that flaw.
 */
export function forgeries(
  real: RealSession,
  extra: { disabledAccountToken: string; replayedRefreshToken: string },
): Forgery[] {
  const [, payload] = real.accessToken.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const active = keyOf(
    config.ADMIN_JWT_KEYS.find((k) => k.startsWith(`${config.ADMIN_JWT_ACTIVE_KID}:`))!,
  );
  const header = { alg: 'EdDSA', kid: active.kid, typ: 'at+jwt' };
  const now = Math.floor(Date.now() / 1000);
  const fresh = { ...claims, iat: now - 5, exp: now + 600 };
  const stranger = generateKeyPairSync('ed25519').privateKey;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return [
    { name: 'no token', headers: {} },
    { name: 'not a JWT', headers: bearer('not-a-token') },
    { name: 'another scheme', headers: { authorization: `Basic ${b64('admin:admin')}` } },
    {
      name: 'expired',
      headers: bearer(jwt(header, { ...claims, iat: now - 1200, exp: now - 600 }, active.key)),
    },
    { name: 'alg none', headers: bearer(jwt({ alg: 'none', typ: 'at+jwt' }, fresh)) },
    {
      name: 'alg none under the real kid',
      headers: bearer(jwt({ ...header, alg: 'none' }, fresh)),
    },
    { name: 'HS256 keyed with the public key', headers: bearer(hs256(header, fresh, active.key)) },
    { name: 'signed with another key (same kid)', headers: bearer(jwt(header, fresh, stranger)) },
    { name: 'unknown kid', headers: bearer(jwt({ ...header, kid: 'rogue' }, fresh, stranger)) },
    {
      name: 'wrong issuer',
      headers: bearer(jwt(header, { ...fresh, iss: 'someone-else' }, active.key)),
    },
    {
      name: 'wrong audience',
      headers: bearer(jwt(header, { ...fresh, aud: 'another-api' }, active.key)),
    },
    { name: 'no expiry', headers: bearer(jwt(header, { ...fresh, exp: undefined }, active.key)) },
    {
      name: 'claims changed after signing',
      headers: bearer(
        `${real.accessToken.split('.')[0]}.${b64({ ...claims, office: 'elsewhere' })}.${real.accessToken.split('.')[2]}`,
      ),
    },
    { name: 'a disabled account', headers: bearer(extra.disabledAccountToken) },
    {
      name: 'refresh token replayed after rotation, as bearer',
      headers: bearer(extra.replayedRefreshToken),
    },
    {
      name: 'refresh token replayed after rotation, as cookie',
      headers: { cookie: `pandawa_refresh=${extra.replayedRefreshToken}` },
    },
  ];
}
