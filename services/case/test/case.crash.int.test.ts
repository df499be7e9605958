import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { connectMongo } from '@pandawa/mongo';
import {
  connectTestBus,
  testDbName,
  testLogger,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  caseClient,
  OFFICE,
  readCaseEvents,
  type CaseClient,
} from './support/case-harness.js';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));

const conversation = { id: 'conversation', role: 'service' };
const officer = { id: 'officer-1', role: 'officer' };

/**
 * Acceptance 2: the service is SIGKILLed right after a write and restarted; the event for that
 * write reaches CASE_EVENTS exactly once. Two windows are covered: killed before the relay ran
 * (the event is only in the outbox), and killed after JetStream acked but before the outbox
 * entry was removed (the event is published again, with the same id).
 */
describe('case service killed right after a write', () => {
  const ns = testNamespace();
  const dbName = testDbName(ns, 'case');
  let bus: TestBus;
  let child: ChildProcess | undefined;
  let client: CaseClient | undefined;

  function startService(port: number, env: Record<string, string> = {}): ChildProcess {
    const proc = spawn(
      NODE,
      ['--import', 'tsx', '--import', '@pandawa/telemetry/register', 'src/main.ts'],
      {
        cwd: SERVICE_DIR,
        env: {
          ...process.env,
          NATS_NAMESPACE: ns,
          MONGO_DB: dbName,
          CASE_PORT: String(port),
          LOG_LEVEL: process.env.CASE_CHILD_LOG ?? 'warn',
          OTEL_SDK_DISABLED: 'true',
          SERVICE_HOURS: 'sun-sat 00:00-24:00',
          ...env,
        },
        stdio: ['ignore', process.env.CASE_CHILD_LOG ? 'inherit' : 'ignore', 'inherit'],
      },
    );
    return proc;
  }

  async function ready(port: number): Promise<CaseClient> {
    const c = caseClient(`127.0.0.1:${port}`);
    await waitFor(
      () =>
        call(c, 'GetCase', { officeId: OFFICE, id: 'none' }, officer).then(
          () => true,
          (e: { code: string }) => e.code === 'NOT_FOUND',
        ),
      120_000,
      'case service to answer',
    );
    return c;
  }

  const kill = async (proc: ChildProcess) => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    }
  };

  const freePort = () => 20_000 + Math.floor(Math.random() * 20_000);

  beforeAll(async () => {
    bus = await connectTestBus(process.env.NATS_URL!, ns);
  });

  afterAll(async () => {
    client?.close();
    if (child) await kill(child);
    const mongo = await connectMongo({
      url: process.env.MONGO_URL!,
      dbName,
      logger: testLogger('case'),
    });
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
    await bus?.close();
  });

  /** The case's outbox is empty and no hint points at it. */
  async function outboxDrained(caseId: string): Promise<boolean> {
    const mongo = await connectMongo({
      url: process.env.MONGO_URL!,
      dbName,
      logger: testLogger('case'),
    });
    try {
      const id = `${OFFICE}/${caseId}` as never;
      const doc = await mongo.collection('cases').findOne({ _id: id });
      const hint = await mongo.collection('case_outbox_hints').findOne({ _id: id });
      return Boolean(doc) && (doc!.outbox as unknown[]).length === 0 && !hint;
    } finally {
      await mongo.close();
    }
  }

  const createdEventsFor = async (caseId: string) =>
    (await readCaseEvents(bus)).filter(
      (e) => e.type === 'case.events.created' && e.data.caseId === caseId,
    );

  it('publishes the event of a write made just before SIGKILL exactly once after restart', async () => {
    const port = freePort();
    // The relay does not run on its own in this first life: only the kick after the write can
    // publish, and the kill lands right after the write returns.
    child = startService(port, { OUTBOX_POLL_INTERVAL_MS: '600000' });
    client = await ready(port);
    const created = await call(
      client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'DATA_GANDA',
        citizen: { phone: '6281299990001', name: 'Rina' },
        description: 'data ganda',
      },
      conversation,
    );
    await kill(child);
    client.close();

    child = startService(port);
    client = await ready(port);
    await waitFor(
      async () => (await createdEventsFor(created.id)).length > 0,
      120_000,
      'created event',
    );
    // Let further sweeps run: none may publish it again.
    const seqBefore = (await bus.jsm.streams.info(bus.topology.streams.CASE_EVENTS.name)).state
      .last_seq;
    await waitFor(() => outboxDrained(created.id), 120_000, 'outbox drained');
    expect(await createdEventsFor(created.id)).toHaveLength(1);
    const seqAfter = (await bus.jsm.streams.info(bus.topology.streams.CASE_EVENTS.name)).state
      .last_seq;
    expect(seqAfter).toBe(seqBefore);
  });

  it('publishes exactly once when killed after the publish and before the outbox entry is removed', async () => {
    await kill(child!);
    client?.close();
    const port = freePort();
    // This life dies inside the relay, right after JetStream acknowledged the first event.
    child = startService(port, { CASE_FAULT_CRASH_AFTER_PUBLISH: 'true' });
    const died = new Promise<void>((r) => child!.once('exit', () => r()));
    client = await ready(port);
    const created = await call(
      client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'LAINNYA',
        citizen: { phone: '6281299990002', name: 'Dewi' },
        description: 'lainnya',
      },
      conversation,
    ).catch(() => undefined);
    await died;
    client.close();

    child = startService(port);
    client = await ready(port);
    // The case was written before the crash (the crash is in the relay, after the write).
    const stored = await waitFor(
      async () => {
        const events = (await readCaseEvents(bus)).filter(
          (e) =>
            e.type === 'case.events.created' &&
            (e.data.citizen as { phone?: string } | undefined)?.phone === '6281299990002',
        );
        return events.length > 0 ? events : undefined;
      },
      120_000,
      'created event',
    );
    const caseId = stored[0]!.data.caseId as string;
    if (created) expect(caseId).toBe(created.id);
    // The restarted relay publishes it again with the same id; JetStream drops the duplicate.
    await waitFor(() => outboxDrained(caseId), 120_000, 'outbox entry removed after restart');
    expect(await createdEventsFor(caseId)).toHaveLength(1);
  });
});
