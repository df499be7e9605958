import { probeHealth } from '@pandawa/lifecycle';
import { connectMongo } from '@pandawa/mongo';
import { testDbName, testLogger, testNamespace, waitFor } from '@pandawa/testing';
import { createAccount } from '../../../../services/gateway/src/application/accounts/create-account.js';
import {
  OFFICER_ROLES,
  type OfficerRole,
} from '../../../../services/gateway/src/domain/officer-account.js';
import { scryptHasher } from '../../../../services/gateway/src/domain/password.js';
import { AccountRepository } from '../../../../services/gateway/src/store/accounts/account.repository.js';
import { freePort, startService, type ServiceProcess } from '../../../support/service-process.js';
import { PASSWORD, type Office } from '../matrix.fixtures.js';

export interface AdminSystem {
  /** `http://127.0.0.1:<port>/api` */
  api: string;
  officeId: Record<Office, string>;
  /** One account per role in each office, all with PASSWORD. */
  usernames: Record<Office, Record<OfficerRole, string>>;
  signIn(username: string, password?: string): Promise<{ accessToken: string; cookie: string }>;
  logs(): string;
  close(): Promise<void>;
}

const OFFICES: Record<Office, string> = { own: 'pekanbaru', other: 'dumai' };

/** A gateway process (admin API) on its own database, with accounts in two offices. */
export async function startAdminSystem(env: Record<string, string> = {}): Promise<AdminSystem> {
  const namespace = testNamespace();
  const dbName = testDbName(namespace, 'gateway');
  const mongo = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName,
    logger: testLogger('seed'),
  });
  const accounts = new AccountRepository(mongo);
  await accounts.ensureIndexes();
  const usernames = {} as Record<Office, Record<OfficerRole, string>>;
  for (const office of ['own', 'other'] as const) {
    usernames[office] = {} as Record<OfficerRole, string>;
    for (const role of OFFICER_ROLES) {
      const username = `${role}.${OFFICES[office]}`;
      await createAccount(
        { accounts, hasher: scryptHasher },
        { username, displayName: username, officeId: OFFICES[office], role, password: PASSWORD },
      );
      usernames[office][role] = username;
    }
  }
  const port = await freePort();
  const gateway: ServiceProcess = startService('gateway', {
    NATS_URL: process.env.NATS_URL!,
    MONGO_URL: process.env.MONGO_URL!,
    NATS_NAMESPACE: namespace,
    MONGO_DB: dbName,
    GATEWAY_PORT: String(port),
    ADMIN_SECURE_COOKIES: 'false',
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000',
    ...env,
  });
  await waitFor(
    () => probeHealth({ kind: 'http', port, path: '/readyz' }),
    120_000,
    'gateway ready',
  );
  const api = `http://127.0.0.1:${port}/api`;
  return {
    api,
    officeId: OFFICES,
    usernames,
    async signIn(username, password = PASSWORD) {
      const res = await fetch(`${api}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
      const body = (await res.json()) as { accessToken: string };
      return {
        accessToken: body.accessToken,
        cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
      };
    },
    logs: () => gateway.output.join(''),
    async close() {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}
