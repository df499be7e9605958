import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readiness } from '@pandawa/lifecycle';
import { connectMongo, type Connection } from '@pandawa/mongo';
import { testDbName, testLogger, testNamespace } from '@pandawa/testing';
import { adminHttpSettings, createAdminAuth } from '../src/admin.app.js';
import { createAccount } from '../src/application/accounts/create-account.js';
import { loadGatewayConfig } from '../src/config.js';
import type { OfficerRole } from '../src/domain/officer-account.js';
import type { PasswordHasher } from '../src/domain/password.js';
import type { AnyRoute } from '../src/http/admin/api-route.js';
import { createApp } from '../src/http/app.js';

/** Every account the admin API's tests make has this password. */
export const PASSWORD = 'kata-sandi-yang-panjang-1';

/** The gateway's settings in these tests: FerretDB from MONGO_URL, plain-HTTP cookies. */
export const config = loadGatewayConfig({
  MONGO_URL: process.env.MONGO_URL,
  // Every test request comes from 127.0.0.1; per-account lock-out is what tests exercise.
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000',
  ADMIN_SECURE_COOKIES: 'false',
});

/** `[username, officeId, role]`, each made with PASSWORD. */
export type TestAccount = readonly [username: string, officeId: string, role: OfficerRole];

export interface AdminApi {
  mongo: Connection;
  auth: Awaited<ReturnType<typeof createAdminAuth>>;
  /** `http://127.0.0.1:<port>/api`. */
  base: string;
  /** Signs in with PASSWORD; resolves with the access token. */
  tokenOf(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The admin API in this process on a free port, over a database of its own (real HTTP,
 * FerretDB), with `accounts` made: what the gateway's admin tests start from. `routes` adds
 * routes built on the same database (the desk's, e.g. canned replies).
 */
export async function startAdminApi(options: {
  accounts: readonly TestAccount[];
  hasher?: PasswordHasher;
  routes?: (mongo: Connection) => Promise<AnyRoute[]>;
}): Promise<AdminApi> {
  const logger = testLogger('gateway');
  const mongo = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName: testDbName(testNamespace(), 'gateway'),
    logger,
  });
  const auth = await createAdminAuth(config, mongo, {
    ...(options.hasher ? { hasher: options.hasher } : {}),
  });
  for (const [username, officeId, role] of options.accounts)
    await createAccount(auth, {
      username,
      displayName: username,
      officeId,
      role,
      password: PASSWORD,
    });
  const extraRoutes = options.routes ? await options.routes(mongo) : undefined;
  const app = createApp({
    logger,
    readiness: new Readiness({}),
    admin: { auth, ...adminHttpSettings(config), ...(extraRoutes ? { extraRoutes } : {}) },
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return {
    mongo,
    auth,
    base,
    async tokenOf(username) {
      const res = await fetch(`${base}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async close() {
      await new Promise((r) => server.close(r));
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}
