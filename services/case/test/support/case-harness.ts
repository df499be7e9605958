import { topology, type CallerRole } from '@pandawa/contracts';
import {
  callerMetadata,
  callUnary,
  createClient,
  GrpcServer,
  loadProto,
  type CaseProto,
} from '@pandawa/grpc';
import { connectMongo, type Connection } from '@pandawa/mongo';
import { EventPublisher, OfficeSettingsKv } from '@pandawa/nats';
import {
  connectTestBus,
  testCallerSigner,
  testCallerVerifier,
  testDbName,
  testLogger,
  type TestBus,
} from '@pandawa/testing';
import { createCaseApp } from '../../src/case.app.js';
import { createSchedule, type ServiceSchedule } from '../../src/domain/service-hours.js';
import type { CaseListView } from '../../src/read-model/case-list.view.js';
import type { CaseMethod, ReqIn, ResOut } from '../../src/grpc/case.proto-types.js';

export const OFFICE = 'pekanbaru';

/** Open every hour of every day, so SLA arithmetic does not depend on when the test runs. */
export const ALWAYS_OPEN = createSchedule({
  timeZone: 'Asia/Jakarta',
  utcOffset: '+07:00',
  week: 'sun-sat 00:00-24:00',
  holidays: [],
});

export type CaseClient = InstanceType<CaseProto['pandawa']['case']['v1']['CaseService']>;

export function caseClient(address: string): CaseClient {
  const Ctor = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
  return createClient(Ctor, address, { signer: testCallerSigner() });
}

export interface Caller {
  id: string;
  /** A string, not CallerRole: tests also send roles the service must refuse. */
  role: string;
  officeId?: string;
  /** Citizen callers: the identity sent as `x-citizen-bsuid` / `x-citizen-phone`. */
  citizen?: { bsuid?: string; phone?: string };
}

/** Calls a CaseService method as `caller` (x-actor-* metadata), like the gateway does. */
export function call<M extends CaseMethod>(
  client: CaseClient,
  method: M,
  request: ReqIn<M> & { officeId: string },
  caller: Caller,
  deadlineMs = 10_000,
): Promise<ResOut<M>> {
  const metadata = callerMetadata({ ...caller, role: caller.role as CallerRole });
  const fn = (client as unknown as Record<string, Parameters<typeof callUnary>[1]>)[
    method[0]!.toLowerCase() + method.slice(1)
  ]!;
  return callUnary(client, fn, request, { deadlineMs, metadata }) as never;
}

export interface InProcessCase {
  client: CaseClient;
  /** Lists kept in memory (the default): `view` is the in-memory view. */
  app: Awaited<ReturnType<typeof createCaseApp>> & { view: CaseListView };
  mongo: Connection;
  bus: TestBus;
  close(): Promise<void>;
}

/** The case service in this process, over real gRPC, FerretDB and NATS, in its own namespace. */
export async function startInProcess(
  namespace: string,
  options: {
    now?: () => Date;
    slaCheckIntervalMs?: number;
    natsUrl?: string;
    /** The configured schedule (default ALWAYS_OPEN); offices' settings in the KV override it. */
    schedule?: ServiceSchedule;
  } = {},
): Promise<InProcessCase> {
  const logger = testLogger('case');
  const bus = await connectTestBus(options.natsUrl ?? process.env.NATS_URL!, namespace);
  const mongo = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName: testDbName(namespace, 'case'),
    logger,
  });
  const server = new GrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    isHealthy: async () => true,
    callers: testCallerVerifier(),
  });
  const app = await createCaseApp({
    mongo,
    publisher: new EventPublisher(bus.js),
    js: bus.js,
    jsm: bus.jsm,
    topology: topology(namespace),
    grpcServer: server,
    logger,
    schedule: options.schedule ?? ALWAYS_OPEN,
    // The namespace's own bucket: empty unless a test writes an office's settings.
    officeSettings: await OfficeSettingsKv.open(bus.nc, topology(namespace), logger),
    outboxPollIntervalMs: 200,
    slaCheckIntervalMs: options.slaCheckIntervalMs ?? 3_600_000,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!app.view) throw new Error('the in-process case service keeps its lists in memory');
  const view = app.view;
  await app.start();
  const port = await server.start();
  const client = caseClient(`127.0.0.1:${port}`);
  return {
    client,
    app: { ...app, view },
    mongo,
    bus,
    async close() {
      client.close();
      await server.shutdown(1000);
      await app.stop();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
      await bus.close();
    },
  };
}

/** Every case event in the namespace's CASE_EVENTS stream, in order. */
export async function readCaseEvents(
  bus: TestBus,
): Promise<{ subject: string; id: string; type: string; data: Record<string, unknown> }[]> {
  const name = bus.topology.streams.CASE_EVENTS.name;
  const info = await bus.jsm.streams.info(name);
  const out = [];
  for (
    let seq = info.state.first_seq;
    seq <= info.state.last_seq && info.state.messages > 0;
    seq++
  ) {
    const msg = await bus.jsm.streams.getMessage(name, { seq }).catch(() => null);
    if (!msg) continue;
    const env = msg.json<{ id: string; type: string; data: Record<string, unknown> }>();
    out.push({ subject: msg.subject, id: env.id, type: env.type, data: env.data });
  }
  return out;
}
