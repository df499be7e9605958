import { randomUUID } from 'node:crypto';
import { callerMetadata, callUnary, createClient, loadProto, type CaseProto } from '@pandawa/grpc';
import { probeHealth } from '@pandawa/lifecycle';
import {
  connectTestBus,
  sleep,
  TcpProxy,
  testCallerSigner,
  testDbName,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { createSandbox, type Sandbox } from '@pandawa/wa-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendResults } from '../../support/send-results.js';
import { freePort, startService, type ServiceProcess } from '../../support/service-process.js';

const OFFICE = 'pekanbaru';
/** notification's gRPC deadline here: a report that was lost is over by then. */
const NOTIFICATION_DEADLINE_MS = 2000;
const asOfficer = {
  deadlineMs: 20_000,
  metadata: callerMetadata({ id: 'officer-1', role: 'officer', officeId: OFFICE }),
};

/**
 * The notification service tells the case service how an officer's reply went
 * (UpdateMessageDelivery, architecture §3.1). Here case is away for a moment — only for
 * notification, behind a TCP proxy — just when a reply fails for good: the failure must still
 * reach the case once case answers again (it used to be dropped after one call), and the
 * service goes on working. Real case and notification processes, NATS, FerretDB and gRPC; the
 * wa-sandbox stands in for Meta.
 */
describe('delivery ticks while the case service is away', () => {
  const namespace = testNamespace();
  let bus: TestBus;
  let sandbox: Sandbox;
  let proxy: TcpProxy;
  let results: SendResults;
  let cases: InstanceType<CaseProto['pandawa']['case']['v1']['CaseService']>;
  const services: ServiceProcess[] = [];
  let healthPort = 0;

  beforeAll(async () => {
    bus = await connectTestBus(process.env.NATS_URL!, namespace);
    sandbox = await createSandbox();
    results = await SendResults.follow(bus);
    const casePort = await freePort();
    healthPort = await freePort();
    const common = {
      NATS_URL: process.env.NATS_URL!,
      MONGO_URL: process.env.MONGO_URL!,
      NATS_NAMESPACE: namespace,
    };
    services.push(
      startService('case', {
        ...common,
        MONGO_DB: testDbName(namespace, 'case'),
        CASE_PORT: String(casePort),
      }),
    );
    proxy = new TcpProxy('127.0.0.1', casePort);
    const proxyPort = await proxy.start();
    services.push(
      startService('notification', {
        ...common,
        MONGO_DB: testDbName(namespace, 'notification'),
        HEALTH_PORT: String(healthPort),
        NOTIFICATION_GRPC_PORT: '0',
        CASE_ADDR: `127.0.0.1:${proxyPort}`,
        GRPC_DEADLINE_MS: String(NOTIFICATION_DEADLINE_MS),
        WHATSAPP_API_URL: sandbox.url,
      }),
    );
    try {
      await Promise.all([
        waitFor(() => probeHealth({ kind: 'grpc', port: casePort }), 150_000, 'case ready'),
        waitFor(
          () => probeHealth({ kind: 'http', port: healthPort, path: '/readyz' }),
          150_000,
          'notification ready',
        ),
      ]);
    } catch (error) {
      for (const s of services) console.error(s.output.join('').slice(-3000));
      throw error;
    }
    const Case = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
    cases = createClient(Case, `127.0.0.1:${casePort}`, { signer: testCallerSigner() });
  }, 240_000);

  afterAll(async () => {
    cases?.close();
    for (const s of services) s.child.kill('SIGTERM');
    await Promise.all(services.map((s) => s.exited));
    await proxy?.stop();
    await results?.close();
    await sandbox?.close();
    await bus?.close();
  }, 60_000);

  it('tells case of a reply that failed while case was down, once case is back; the service stays up', async () => {
    const phone = '6281990000001';
    const opened = await callUnary(
      cases,
      cases.createCase,
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF',
        citizen: { phone, profileName: 'Warga', name: 'Siti Aminah' },
        description: 'NIK saya tidak aktif',
        documentIds: [],
      },
      {
        deadlineMs: 20_000,
        metadata: callerMetadata({
          id: phone,
          role: 'citizen',
          officeId: OFFICE,
          citizen: { phone },
        }),
      },
    );
    // Meta refuses every message to this citizen for good (131049): no status webhook follows,
    // so the report after the send is the only way the officer learns of it.
    sandbox.state.faults.add({ route: 'messages', status: 400, errorCode: 131049, to: phone });
    await proxy.stop();

    const replied = await callUnary(
      cases,
      cases.addOfficerReply,
      { officeId: OFFICE, caseId: opened.id, text: 'Mohon kirim foto KK.' },
      asOfficer,
    );
    const reply = replied.messages.find((m) => m.text === 'Mohon kirim foto KK.')!;
    const failed = await waitFor(
      () => results.all.find((r) => r.data.caseId === opened.id && r.data.outcome === 'failed'),
      120_000,
      'the reply to fail',
    );
    expect(failed.data.errorCode).toBe(131049);
    // Case stays away past notification's deadline: one call, and its gRPC retries, are over.
    await sleep(2 * NOTIFICATION_DEADLINE_MS);
    await proxy.start();

    const told = await waitFor(
      async () => {
        const c = await callUnary(
          cases,
          cases.getCase,
          { officeId: OFFICE, id: opened.id },
          asOfficer,
        );
        const m = c.messages.find((x) => x.id === reply.id);
        return m?.deliveryStatus === 'DELIVERY_FAILED' ? m : undefined;
      },
      90_000,
      'case told the reply failed',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${services[1]!.output.join('').slice(-4000)}`);
    });
    expect(told.deliveryFailure).toMatchObject({ code: 131049 });
    expect(await probeHealth({ kind: 'http', port: healthPort, path: '/readyz' })).toBe(true);
    expect(services[1]!.child.exitCode).toBeNull();
  }, 300_000);
});
