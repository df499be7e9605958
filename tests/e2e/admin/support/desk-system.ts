import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import {
  callerMetadata,
  callUnary,
  createClient,
  loadProto,
  type CaseProto,
  type DocumentProto,
} from '@pandawa/grpc';
import { probeHealth } from '@pandawa/lifecycle';
import {
  connectTestBus,
  REPO_ROOT,
  testCallerSigner,
  testDbName,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { freePort, startService, type ServiceProcess } from '../../../support/service-process.js';

/**
 * The case desk as `npm run dev` wires it, each service its own process on free ports: case,
 * document-storage and the gateway (admin API with the desk) always; notification, conversation
 * and the wa-sandbox when a test asks. Real NATS and FerretDB underneath (NATS_URL, MONGO_URL).
 *
 * Two offices, each with an admin (made by the README's bootstrap command), a supervisor and two
 * officers (made by that admin through the API): `<role>.<office>`, e.g. `officer.pekanbaru`,
 * `officer2.pekanbaru`, `supervisor.dumai`, `admin.dumai`; all with PASSWORD.
 */
export const OFFICES = ['pekanbaru', 'dumai'] as const;
export type Office = (typeof OFFICES)[number];
export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const PASSWORD = 'kata-sandi-desk-yang-panjang';
/** The business number of each office (WHATSAPP_OFFICES), as the sandbox and webhook use them. */
export const OFFICE_NUMBERS: Record<Office, string> = {
  pekanbaru: '100000000000001',
  dumai: '100000000000002',
};
/** Open every hour of every day: answers do not depend on when the test runs. */
const ALWAYS_OPEN = 'sun-sat 00:00-24:00';
/** Generous: a loaded 2-core machine runs several services and FerretDB at once. */
export const DESK_DEADLINE_MS = 60_000;

export type Optional = 'notification' | 'conversation' | 'sandbox';
type Name = 'case' | 'document' | 'gateway' | Optional;

export interface DeskOptions {
  with?: Optional[];
  /** Extra environment per service (merged over the harness's). */
  env?: Partial<Record<Name, Record<string, string>>>;
}

export interface SeededCase {
  id: string;
  trackingCode: string;
  officeId: Office;
  /** The citizen's WhatsApp number (a phone citizen). */
  phone: string;
}

type CaseClient = InstanceType<CaseProto['pandawa']['case']['v1']['CaseService']>;
type DocumentClient = InstanceType<DocumentProto['pandawa']['document']['v1']['DocumentService']>;

export interface DeskSystem {
  namespace: string;
  bus: TestBus;
  /** `http://127.0.0.1:<port>` of the gateway; the admin API is under `${gatewayUrl}/api`. */
  gatewayUrl: string;
  apiUrl: string;
  sandboxUrl?: string;
  caseAddr: string;
  documentAddr: string;
  /** notification's gRPC address (serving only when started `with: ['notification']`). */
  notificationAddr: string;
  services: Partial<Record<Name, ServiceProcess>>;
  /** Account ids by username. */
  accountIds: Record<string, string>;
  /** Signs in; resolves with the access token (and the refresh cookie, for tests of rotation). */
  signIn(username: string, password?: string): Promise<{ token: string; cookie: string }>;
  /** Signs in once per username and keeps the token (re-signing after `forget`). */
  tokenOf(username: string): Promise<string>;
  /** fetch against the admin API with a bearer token (JSON body when given). */
  api(token: string | undefined, method: string, path: string, body?: unknown): Promise<Response>;
  /** Opens a case as the conversation service does for a citizen (signed with its dev key). */
  seedCase(officeId: Office, extra?: Record<string, unknown>): Promise<SeededCase>;
  /** gRPC clients signed with every service's dev key (the test plays any caller). */
  grpc: { cases: CaseClient; documents: DocumentClient };
  stop(): Promise<void>;
}

const run = promisify(execFile);
let citizenSeq = 0;
/** A fresh Indonesian WhatsApp number per seeded citizen. */
export const newCitizenPhone = () =>
  `62812${String(process.pid % 1000).padStart(3, '0')}${String(++citizenSeq).padStart(5, '0')}`;

export async function startDeskSystem(options: DeskOptions = {}): Promise<DeskSystem> {
  const wanted = new Set<Optional>(options.with ?? []);
  const namespace = testNamespace();
  const bus = await connectTestBus(process.env.NATS_URL!, namespace);
  const ports = {
    gateway: await freePort(),
    case: await freePort(),
    document: await freePort(),
    sandbox: await freePort(),
    conversation: await freePort(),
    notification: await freePort(),
    notificationGrpc: await freePort(),
  };
  const sandboxUrl = `http://127.0.0.1:${ports.sandbox}`;
  const common = {
    NATS_URL: process.env.NATS_URL!,
    MONGO_URL: process.env.MONGO_URL!,
    NATS_NAMESPACE: namespace,
    WHATSAPP_OFFICES: OFFICES.map((o) => `${OFFICE_NUMBERS[o]}=${o}`).join(','),
  };
  const grpcAddrs = {
    CASE_ADDR: `127.0.0.1:${ports.case}`,
    DOCUMENT_ADDR: `127.0.0.1:${ports.document}`,
  };
  const gatewayDb = testDbName(namespace, 'gateway');
  const envs: Record<Name, Record<string, string>> = {
    case: {
      ...common,
      MONGO_DB: testDbName(namespace, 'case'),
      CASE_PORT: String(ports.case),
      SERVICE_HOURS: ALWAYS_OPEN,
    },
    document: {
      ...common,
      MONGO_DB: testDbName(namespace, 'document'),
      DOCUMENT_PORT: String(ports.document),
      WHATSAPP_API_URL: sandboxUrl,
    },
    gateway: {
      ...common,
      ...grpcAddrs,
      MONGO_DB: gatewayDb,
      GATEWAY_PORT: String(ports.gateway),
      NOTIFICATION_ADDR: `127.0.0.1:${ports.notificationGrpc}`,
      ADMIN_SECURE_COOKIES: 'false',
      // Every test request comes from 127.0.0.1; per-account lock-out is what tests exercise.
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000',
      GRPC_DEADLINE_MS: '20000',
    },
    sandbox: {
      WA_SANDBOX_PORT: String(ports.sandbox),
      WA_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${ports.gateway}/webhooks/whatsapp`,
    },
    conversation: {
      ...common,
      ...grpcAddrs,
      MONGO_DB: testDbName(namespace, 'conversation'),
      HEALTH_PORT: String(ports.conversation),
      SERVICE_HOURS: ALWAYS_OPEN,
      GRPC_DEADLINE_MS: '20000',
    },
    notification: {
      ...common,
      CASE_ADDR: grpcAddrs.CASE_ADDR,
      MONGO_DB: testDbName(namespace, 'notification'),
      HEALTH_PORT: String(ports.notification),
      NOTIFICATION_GRPC_PORT: String(ports.notificationGrpc),
      WHATSAPP_API_URL: sandboxUrl,
    },
  };
  for (const [name, extra] of Object.entries(options.env ?? {}))
    Object.assign(envs[name as Name], extra);

  const services: DeskSystem['services'] = {};
  const names: { name: Name; service: string }[] = [
    { name: 'case', service: 'case' },
    { name: 'document', service: 'document-storage' },
    { name: 'gateway', service: 'gateway' },
    ...(wanted.has('sandbox') ? [{ name: 'sandbox' as const, service: 'wa-sandbox' }] : []),
    ...(wanted.has('conversation')
      ? [{ name: 'conversation' as const, service: 'conversation' }]
      : []),
    ...(wanted.has('notification')
      ? [{ name: 'notification' as const, service: 'notification' }]
      : []),
  ];
  for (const { name, service } of names) services[name] = startService(service, envs[name]);

  const ready = (name: Name) => {
    const target =
      name === 'case' || name === 'document'
        ? ({ kind: 'grpc', port: ports[name] } as const)
        : ({
            kind: 'http',
            port: ports[name],
            path: name === 'sandbox' ? '/healthz' : '/readyz',
          } as const);
    // Generous: six Node processes compiling with tsx on a loaded 2-core machine start slowly.
    return waitFor(() => probeHealth(target), 300_000, `${name} ready`);
  };
  const stopAll = async () => {
    for (const s of Object.values(services)) s.child.kill('SIGTERM');
    await Promise.all(Object.values(services).map((s) => s.exited));
  };
  try {
    await Promise.all(names.map(({ name }) => ready(name)));
  } catch (error) {
    for (const [name, s] of Object.entries(services))
      console.error(`--- ${name}\n${s.output.join('').slice(-3000)}`);
    await stopAll();
    await bus.close();
    throw error;
  }

  const apiUrl = `http://127.0.0.1:${ports.gateway}/api`;
  const api: DeskSystem['api'] = (token, method, path, body) =>
    fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const signIn: DeskSystem['signIn'] = async (username, password = PASSWORD) => {
    const res = await fetch(`${apiUrl}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    return { token: accessToken, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
  };
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await signIn(username)).token);
    return tokens.get(username)!;
  };

  // Accounts: the first admin of each office by the bootstrap command, the rest by that admin.
  const accountIds: Record<string, string> = {};
  for (const office of OFFICES) {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/bootstrap-admin.ts', `admin.${office}`, office, `Admin ${office}`],
      {
        cwd: `${REPO_ROOT}/services/gateway`,
        env: { ...process.env, ...envs.gateway, ADMIN_BOOTSTRAP_PASSWORD: PASSWORD },
      },
    );
    accountIds[`admin.${office}`] = /\(([^)]+)\)/.exec(stdout)![1]!;
    const admin = await tokenOf(`admin.${office}`);
    for (const [username, role] of [
      [`supervisor.${office}`, 'supervisor'],
      [`officer.${office}`, 'officer'],
      [`officer2.${office}`, 'officer'],
    ] as const) {
      const res = await api(admin, 'POST', '/admin/accounts', {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
      if (res.status !== 201) throw new Error(`creating ${username}: ${res.status}`);
      accountIds[username] = ((await res.json()) as { id: string }).id;
    }
  }

  const signer = testCallerSigner();
  const Case = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
  const Document = loadProto<DocumentProto>('pandawa/document/v1/document.proto').pandawa.document
    .v1.DocumentService;
  const grpc = {
    cases: createClient(Case, envs.gateway.CASE_ADDR!, { signer }),
    documents: createClient(Document, envs.gateway.DOCUMENT_ADDR!, { signer }),
  };

  const seedCase: DeskSystem['seedCase'] = async (officeId, extra = {}) => {
    const phone = newCitizenPhone();
    const created = await callUnary(
      grpc.cases,
      grpc.cases.createCase,
      {
        officeId,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF',
        citizen: {
          phone,
          profileName: 'Warga',
          nik: '1471011201900001',
          kkNumber: '1471010101100002',
          name: 'Siti Aminah',
        },
        description: 'NIK saya tidak aktif saat daftar BPJS',
        documentIds: [],
        ...extra,
      },
      {
        deadlineMs: DESK_DEADLINE_MS,
        metadata: callerMetadata({ id: phone, role: 'citizen', officeId, citizen: { phone } }),
      },
    );
    return { id: created.id, trackingCode: created.trackingCode, officeId, phone };
  };

  return {
    namespace,
    bus,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    apiUrl,
    ...(wanted.has('sandbox') ? { sandboxUrl } : {}),
    caseAddr: envs.gateway.CASE_ADDR!,
    documentAddr: envs.gateway.DOCUMENT_ADDR!,
    notificationAddr: envs.gateway.NOTIFICATION_ADDR!,
    services,
    accountIds,
    signIn,
    tokenOf,
    api,
    seedCase,
    grpc,
    async stop() {
      grpc.cases.close();
      grpc.documents.close();
      await stopAll();
      await bus.close();
    },
  };
}
