import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AppError } from '@pandawa/errors';
import type { Connection } from '@pandawa/mongo';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminAuth } from '../src/admin.app.js';
import { createAccount } from '../src/application/accounts/create-account.js';
import { signIn as signInUseCase } from '../src/application/auth/sign-in.js';
import { scryptHasher, type PasswordHasher } from '../src/domain/password.js';
import { config, PASSWORD, startAdminApi, type AdminApi } from './admin-api.harness.js';

/** Counts password verifications: the work an answer costs, whatever the clock says. */
const verifications: string[] = [];
const countingHasher: PasswordHasher = {
  hash: (p) => scryptHasher.hash(p),
  verify: async (p, stored) => {
    // The hash's scheme and cost (`scrypt$N$r$p`): the work one verification takes.
    verifications.push(stored.split('$').slice(0, 4).join('$'));
    return scryptHasher.verify(p, stored);
  },
};

describe('admin API sign-in, tokens and accounts (real HTTP, FerretDB)', () => {
  let adminApi: AdminApi;
  let mongo: Connection;
  let base = '';

  beforeAll(async () => {
    adminApi = await startAdminApi({
      accounts: [
        ['admin.pku', 'pekanbaru', 'admin'],
        ['officer.pku', 'pekanbaru', 'officer'],
        ['locked.pku', 'pekanbaru', 'officer'],
        ['admin.dumai', 'dumai', 'admin'],
      ],
      hasher: countingHasher,
    });
    ({ mongo, base } = adminApi);
  });
  afterAll(async () => {
    await adminApi?.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const signIn = async (username: string, password = PASSWORD) => {
    const res = await post('/auth/sign-in', { username, password });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return {
      res,
      body: (await res.json()) as {
        accessToken: string;
        error?: { code: string; reason?: string };
      },
      cookie,
    };
  };

  it('signs in: a short-lived token that works, a refresh token only in an httpOnly cookie', async () => {
    const { res, body } = await signIn('Officer.PKU');
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^pandawa_refresh=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/auth/);
    expect(JSON.stringify(body)).not.toMatch(/refresh/i);
    const me = await get('/me', body.accessToken);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      username: 'officer.pku',
      role: 'officer',
      officeId: 'pekanbaru',
    });
  });

  it('answers a wrong password and an unknown account alike, each with one password check', async () => {
    verifications.length = 0;
    const wrong = await signIn('admin.pku', 'not-the-password');
    const unknown = await signIn('nobody.here', 'not-the-password');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(verifications).toHaveLength(2);
    // Timing: printed, not asserted (a busy machine's clock proves nothing).
    const sample = async (username: string) => {
      const times: number[] = [];
      for (let i = 0; i < 8; i++) {
        const t = performance.now();
        await signIn(username, `wrong-${i}-password`);
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[4]!.toFixed(1);
    };
    console.log(
      `sign-in median ms: known ${await sample('admin.dumai')}, unknown ${await sample('ghost.dumai')}`,
    );
  }, 300_000);

  it('locks an account after repeated failures (50 in a row), even for the right password, and unknown names alike', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++)
      statuses.push((await signIn('locked.pku', `wrong-${i}`)).res.status);
    expect(statuses.slice(0, config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT)).toEqual(
      Array(config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT).fill(401),
    );
    expect(statuses.slice(config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT)).toEqual(
      Array(50 - config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT).fill(429),
    );
    const right = await signIn('locked.pku');
    expect(right.res.status).toBe(429);
    expect(right.body.error).toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      reason: 'SIGN_IN_LOCKED',
    });
    // A name that does not exist locks the same way: a lock-out tells nothing about existence.
    for (let i = 0; i < config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT; i++)
      await signIn('no.such.user', 'x');
    expect((await signIn('no.such.user', 'x')).res.status).toBe(429);
    // Other accounts are not affected.
    expect((await signIn('admin.pku')).res.status).toBe(200);
  }, 300_000);

  it('costs the same work for every failed sign-in — wrong password, unknown, disabled, locked: one scrypt of the same cost', async () => {
    const admin = (await signIn('admin.pku')).body.accessToken;
    const make = async (username: string) => {
      const res = await post(
        '/admin/accounts',
        { username, displayName: username, role: 'officer', password: PASSWORD },
        { authorization: `Bearer ${admin}` },
      );
      return ((await res.json()) as { id: string }).id;
    };
    const id = await make('timing.off');
    await make('timing.lock');
    const off = await fetch(`${base}/admin/accounts/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ disabled: true }),
    });
    expect(off.status).toBe(200);
    // Lock one known and one unknown name. Failures count in fixed windows of the real clock
    // here: wait out a window's last 30 s, so the count is not split by its end.
    const windowLeft = config.SIGN_IN_WINDOW_MS - (Date.now() % config.SIGN_IN_WINDOW_MS);
    if (windowLeft < 30_000) await new Promise((r) => setTimeout(r, windowLeft + 100));
    for (let i = 0; i < config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await signIn('timing.lock', `wrong-${i}`);
      await signIn('nobody.locked', `wrong-${i}`);
    }
    const attempts: [string, string, string][] = [
      ['wrong password', 'officer.pku', 'not-the-password'],
      ['unknown account', 'nobody.ever', 'not-the-password'],
      ['disabled account, right password', 'timing.off', PASSWORD],
      ['locked account, right password', 'timing.lock', PASSWORD],
      ['locked unknown name', 'nobody.locked', 'x'],
    ];
    const answers: Record<string, unknown> = {};
    for (const [what, username, password] of attempts) {
      verifications.length = 0;
      const { res, body } = await signIn(username, password);
      expect(verifications, what).toEqual([`scrypt$${2 ** 15}$8$1`]);
      answers[what] = { status: res.status, error: body.error };
    }
    // Refusals say nothing about which it was: the three 401s alike, the two lock-outs alike.
    expect(answers['unknown account']).toEqual(answers['wrong password']);
    expect(answers['disabled account, right password']).toEqual(answers['wrong password']);
    expect(answers['locked unknown name']).toEqual(answers['locked account, right password']);
    expect(answers['locked account, right password']).toMatchObject({ status: 429 });
  });

  it('locks an account on 50 wrong passwords within one minute of its clock, and lifts the lock after the lock-out', async () => {
    const max = config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT;
    const windowMs = config.SIGN_IN_WINDOW_MS;
    /** 50 wrong passwords, 1.2 s apart (58.8 s in all) from `start` on a clock of its own. */
    async function fiftyWrong(username: string, start: number) {
      let clock = start;
      const timed = await createAdminAuth(config, mongo, {
        hasher: countingHasher,
        now: () => clock,
      });
      await createAccount(timed, {
        username,
        displayName: 'Minute',
        officeId: 'pekanbaru',
        role: 'officer',
        password: PASSWORD,
      });
      const attempt = (password: string) =>
        signInUseCase(timed, { username, password, address: '192.0.2.7' }).then(
          () => 'ok',
          (e: AppError) => e.code,
        );
      const outcomes: string[] = [];
      for (let i = 0; i < 50; i++) {
        clock = start + i * 1200;
        outcomes.push(await attempt(`wrong-${i}`));
      }
      return {
        outcomes,
        attempt,
        setClock: (t: number) => (clock = t),
      };
    }
    // Failures count in fixed windows (every replica agrees on them without talking). The clock
    // starts at a known place in one, so the test does not depend on when it runs.
    const windowStart = (Math.floor(Date.now() / windowMs) + 1) * windowMs;

    // Inside one window: the limit's failure locks, and every later attempt is refused.
    const inside = await fiftyWrong('minute.pku', windowStart + 1000);
    expect(inside.outcomes.slice(0, max)).toEqual(Array(max).fill('UNAUTHENTICATED'));
    expect(inside.outcomes.slice(max)).toEqual(Array(50 - max).fill('RESOURCE_EXHAUSTED'));
    expect(await inside.attempt(PASSWORD)).toBe('RESOURCE_EXHAUSTED');
    inside.setClock(windowStart + 1000 + 60_000 + config.SIGN_IN_LOCKOUT_MS + 1000);
    expect(await inside.attempt(PASSWORD)).toBe('ok');

    // The worst start: just before a window ends, the count begins again after 5 failures;
    // fifty in a minute still lock the account, within twice the limit.
    const across = await fiftyWrong('boundary.pku', windowStart + windowMs - 6000);
    const locked = across.outcomes.indexOf('RESOURCE_EXHAUSTED');
    expect(locked).toBeGreaterThanOrEqual(max);
    expect(locked).toBeLessThan(2 * max);
    expect(across.outcomes.slice(locked)).toEqual(Array(50 - locked).fill('RESOURCE_EXHAUSTED'));
    expect(await across.attempt(PASSWORD)).toBe('RESOURCE_EXHAUSTED');
  });

  it('refuses no token, an expired token, alg none, another key, a wrong audience', async () => {
    const { body } = await signIn('admin.pku');
    const [header, payload] = body.accessToken.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const kid = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string }).kid;
    const sign = (c: Record<string, unknown>, exp: number, aud = config.ADMIN_JWT_AUDIENCE) =>
      new SignJWT(c)
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
        .setIssuer(config.ADMIN_JWT_ISSUER)
        .setAudience(aud)
        .setSubject(String(claims.sub))
        .setIssuedAt(exp - 600)
        .setExpirationTime(exp)
        .sign(otherKey);
    const now = Math.floor(Date.now() / 1000);
    const cases: [string | undefined, string][] = [
      [undefined, 'TOKEN_REQUIRED'],
      ['garbage', 'TOKEN_INVALID'],
      [none, 'TOKEN_INVALID'],
      [await sign({ role: 'admin', office: 'pekanbaru' }, now + 600), 'TOKEN_INVALID'],
      [
        `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', office: 'dumai' })).toString('base64url')}.${body.accessToken.split('.')[2]}`,
        'TOKEN_INVALID',
      ],
    ];
    for (const [token, reason] of cases) {
      const res = await get('/me', token);
      expect(res.status, reason).toBe(401);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe(reason);
    }
    // Expired and misdirected tokens signed with the real key.
    const { AccessTokens } = await import('../src/application/auth/access-tokens.js');
    const shortLived = new AccessTokens({
      keys: config.ADMIN_JWT_KEYS,
      activeKid: config.ADMIN_JWT_ACTIVE_KID,
      issuer: config.ADMIN_JWT_ISSUER,
      audience: 'another-api',
      ttlSeconds: 600,
    });
    const realKey = createPrivateKey({
      key: Buffer.concat([
        Buffer.from('302e020100300506032b657004220420', 'hex'),
        Buffer.from(config.ADMIN_JWT_KEYS[0]!.split(':')[1]!, 'base64'),
      ]),
      format: 'der',
      type: 'pkcs8',
    });
    const expired = await new SignJWT({ role: 'admin', office: 'pekanbaru' })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .setIssuer(config.ADMIN_JWT_ISSUER)
      .setAudience(config.ADMIN_JWT_AUDIENCE)
      .setSubject(String(claims.sub))
      .setIssuedAt(now - 1200)
      .setExpirationTime(now - 600)
      .sign(realKey);
    const expiredRes = await get('/me', expired);
    expect(expiredRes.status).toBe(401);
    expect(((await expiredRes.json()) as { error: { reason: string } }).error.reason).toBe(
      'TOKEN_EXPIRED',
    );
    const misdirected = await shortLived.issue({
      accountId: String(claims.sub),
      officeId: 'pekanbaru',
      role: 'admin',
    });
    expect((await get('/me', misdirected)).status).toBe(401);
  });

  it('rotates the refresh token; a replayed one revokes the whole session', async () => {
    const first = await signIn('officer.pku');
    const r1 = await post('/auth/refresh', {}, { cookie: first.cookie });
    expect(r1.status).toBe(200);
    const second = (r1.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    const replay = await post('/auth/refresh', {}, { cookie: first.cookie });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { reason: string } }).error.reason).toBe(
      'REFRESH_REPLAYED',
    );
    // The thief's replay cost the officer the session too: the newer token is dead.
    expect((await post('/auth/refresh', {}, { cookie: second })).status).toBe(401);
    // Sign-out revokes a fresh session.
    const other = await signIn('officer.pku');
    expect((await post('/auth/sign-out', {}, { cookie: other.cookie })).status).toBe(204);
    expect((await post('/auth/refresh', {}, { cookie: other.cookie })).status).toBe(401);
    // A cookie request that is not JSON (a cross-site form) is refused.
    const form = await fetch(`${base}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: other.cookie },
      body: 'a=1',
    });
    expect(form.status).toBe(400);
  });

  it('lets an admin manage accounts of the own office only; officers may not', async () => {
    const admin = (await signIn('admin.pku')).body.accessToken;
    const officer = (await signIn('officer.pku')).body.accessToken;
    const dumai = (await signIn('admin.dumai')).body.accessToken;
    const create = (token: string, username: string) =>
      post(
        '/admin/accounts',
        { username, displayName: 'Siti', role: 'officer', password: PASSWORD },
        { authorization: `Bearer ${token}` },
      );
    const created = await create(admin, 'siti.pku');
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string; officeId: string };
    expect(account.officeId).toBe('pekanbaru');
    expect((await create(admin, 'siti.pku')).status).toBe(409);
    expect((await create(officer, 'budi.pku')).status).toBe(403);
    const patch = (token: string, body: unknown) =>
      fetch(`${base}/admin/accounts/${account.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await patch(dumai, { disabled: true })).status).toBe(404);
    const list = await get('/admin/accounts?limit=2', admin);
    const page = (await list.json()) as {
      items: { officeId: string }[];
      nextCursor: string | null;
    };
    expect(page.items).toHaveLength(2);
    expect(page.items.every((a) => a.officeId === 'pekanbaru')).toBe(true);
    expect(page.nextCursor).not.toBeNull();
    // Disabling cuts the account's live token at once.
    const siti = (await signIn('siti.pku')).body.accessToken;
    expect((await get('/me', siti)).status).toBe(200);
    expect((await patch(admin, { disabled: true })).status).toBe(200);
    expect((await get('/me', siti)).status).toBe(401);
  });

  it('refuses operator keys, unknown fields, bad JSON and big bodies with 4xx, never 500', async () => {
    const bad = [
      await post('/auth/sign-in', { username: { $ne: '' }, password: 'x' }),
      await post('/auth/sign-in', { username: 'a', password: 'b', $where: '1' }),
      await post('/auth/sign-in', { username: 'a', password: 'b', extra: 1 }),
      await post('/auth/sign-in', '{"username": '),
    ];
    for (const res of bad) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string }; requestId: string };
      expect(body.error.code).toBe('INVALID_ARGUMENT');
      expect(body.requestId).toBeTruthy();
    }
    const big = await post('/auth/sign-in', {
      username: 'a',
      password: randomBytes(100_000).toString('hex'),
    });
    expect(big.status).toBe(413);
  });

  it('serves its OpenAPI 3.1 document, built from the same schemas', async () => {
    const res = await get('/openapi.json');
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/auth/refresh',
        '/api/me',
        '/api/admin/accounts/{accountId}',
      ]),
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
