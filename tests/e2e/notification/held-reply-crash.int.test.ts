import { caseReplyAdded, caseStatusChanged, type Envelope } from '@pandawa/contracts';
import { probeHealth } from '@pandawa/lifecycle';
import { connectMongo, type Connection } from '@pandawa/mongo';
import { EventPublisher } from '@pandawa/nats';
import {
  connectTestBus,
  testDbName,
  testLogger,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { createSandbox, type Sandbox } from '@pandawa/wa-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  officerReplyText,
  statusChangedText,
} from '../../../services/notification/src/messages.id.js';
import { citizenWrites as writes } from '../../support/citizen-writes.js';
import { freePort, startService, type ServiceProcess } from '../../support/service-process.js';

const OFFICE = 'pekanbaru';
const HOUR = 60 * 60 * 1000;

/**
 * The templates' promise ("Balas pesan ini untuk membacanya"), with the notification service as
 * its own process: a citizen silent for 25 hours gets the templates; when they write back, the
 * status change and the officer's reply arrive free-form, in order, exactly once — with their
 * message delivered twice and the service SIGKILLed and restarted in between. The held texts
 * never appear in the service's log.
 */
describe('held messages survive a SIGKILL and a redelivered citizen message', () => {
  const namespace = testNamespace();
  let bus: TestBus;
  let sandbox: Sandbox;
  let mongo: Connection;
  let service: ServiceProcess | undefined;
  const output: string[] = [];
  let healthPort: number;
  let casePort: number;

  const start = async () => {
    service = startService('notification', {
      NATS_URL: process.env.NATS_URL!,
      MONGO_URL: process.env.MONGO_URL!,
      NATS_NAMESPACE: namespace,
      MONGO_DB: testDbName(namespace, 'notification'),
      HEALTH_PORT: String(healthPort),
      NOTIFICATION_GRPC_PORT: '0',
      // Nothing listens there: the case service is not under test (ticks: the in-process tests).
      CASE_ADDR: `127.0.0.1:${casePort}`,
      GRPC_DEADLINE_MS: '500',
      WHATSAPP_API_URL: sandbox.url,
      RECIPIENT_BURST: '1000',
      RECIPIENT_PER_SECOND: '1000',
      LOG_LEVEL: 'debug',
    });
    const started = service;
    started.child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    started.child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    await waitFor(
      () => probeHealth({ kind: 'http', port: healthPort, path: '/readyz' }),
      60_000,
      'notification ready',
    );
  };

  beforeAll(async () => {
    bus = await connectTestBus(process.env.NATS_URL!, namespace);
    sandbox = await createSandbox();
    mongo = await connectMongo({
      url: process.env.MONGO_URL!,
      dbName: testDbName(namespace, 'notification'),
      logger: testLogger('held-reply-crash'),
    });
    healthPort = await freePort();
    casePort = await freePort();
  });

  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await sandbox?.close();
    await mongo?.dropDatabase().catch(() => undefined);
    await mongo?.close();
    await bus?.close();
  });

  /** The citizen writes through the sandbox; returns the `wa.in.message` WA_IN got for it. */
  const citizenWrites = (waId: string, text: string, atMs: number) =>
    writes(
      { sandbox, publisher: publisher(), topology: bus.topology, officeId: OFFICE },
      waId,
      text,
      atMs,
    );
  const publisher = () => new EventPublisher(bus.js);

  /** The service's consumers have nothing pending or unacknowledged. */
  const quiet = () =>
    waitFor(
      async () => {
        const t = bus.topology;
        const infos = await Promise.all([
          bus.jsm.consumers.info(t.streams.NOTIFY.name, 'notification-send'),
          bus.jsm.consumers.info(t.streams.WA_IN.name, 'notification-windows'),
          bus.jsm.consumers.info(t.streams.CASE_EVENTS.name, 'notification-case-events'),
        ]);
        return infos.every((i) => i.num_pending === 0 && i.num_ack_pending === 0);
      },
      60_000,
      'the service idle',
    );

  it("a citizen silent for 25 hours gets the templates; writing back brings the status change and the officer's reply free-form, in order, exactly once", async () => {
    const waId = '6281800000001';
    const code = 'PKU-HLD777';
    const replyText = 'Data NIK Anda sudah aktif kembali. Silakan coba lagi di bank.';
    await start();

    // 25 hours ago the citizen wrote (Meta's clock and timestamp say so); nothing since.
    sandbox.state.clock.advance(-25 * HOUR);
    await citizenWrites(waId, 'halo', Date.now() - 25 * HOUR);
    sandbox.state.clock.reset();
    await quiet();

    const caseEvent = (type: 'status_changed' | 'reply_added', envelope: Envelope) =>
      publisher().publish(bus.topology.subjects.caseEvent(type), envelope);
    await caseEvent(
      'status_changed',
      caseStatusChanged.create({
        id: 'evt-e2e-held-status',
        officeId: OFFICE,
        data: {
          caseId: 'case-e2e-held',
          trackingCode: code,
          citizen: { phone: waId },
          from: 'DIPROSES',
          to: 'PERLU_KUNJUNGAN',
          visitInstructions: 'Datang ke loket 2 hari Selasa pukul 10.00.',
          actor: { id: 'officer-1', role: 'officer' },
        },
      }) as Envelope,
    );
    await caseEvent(
      'reply_added',
      caseReplyAdded.create({
        id: 'evt-e2e-held-reply',
        officeId: OFFICE,
        data: {
          caseId: 'case-e2e-held',
          trackingCode: code,
          citizen: { phone: waId },
          messageId: 'msg-e2e-held',
          text: replyText,
          actor: { id: 'officer-1', role: 'officer' },
        },
      }) as Envelope,
    );
    await waitFor(
      () => sandbox.state.record.outbound(waId).length >= 2,
      60_000,
      'the two templates',
    );
    await quiet();
    const templates = sandbox.state.record.outbound(waId);
    expect(templates.map((o) => o.type)).toEqual(['template', 'template']);
    expect(templates.map((o) => (o.payload.template as { name: string }).name)).toEqual([
      'pandawa_case_update',
      'pandawa_officer_reply',
    ]);

    // "Balas pesan ini untuk membacanya": the citizen writes back.
    const inbound = await citizenWrites(waId, 'oke', Date.now());
    await waitFor(
      () => sandbox.state.record.outbound(waId).length >= 4,
      60_000,
      'the held messages',
    );
    // Killed as it is (the purge of what was sent may or may not have happened), restarted,
    // and Meta delivers the citizen's message again.
    service!.child.kill('SIGKILL');
    await service!.exited;
    await start();
    await publisher().publish(bus.topology.subjects.waInMessage, inbound, {
      msgID: `${inbound.id}:again`,
    });
    await quiet();

    const texts = sandbox.state.record
      .outbound(waId)
      .slice(2)
      .map((o) => (o.payload.text as { body?: string } | undefined)?.body);
    expect(texts).toEqual([
      statusChangedText({
        trackingCode: code,
        to: 'PERLU_KUNJUNGAN',
        visitInstructions: 'Datang ke loket 2 hari Selasa pukul 10.00.',
      }),
      officerReplyText(code, replyText),
    ]);
    expect(sandbox.state.record.query({ kind: 'graph.error', waId })).toHaveLength(0);
    // Purged once sent (after the restart at the latest: the redelivered message found them).
    await waitFor(
      async () => (await mongo.collection('held_messages').countDocuments({})) === 0,
      30_000,
      'held messages purged',
    );
    // Personal data: never in the log.
    const log = output.join('');
    expect(log).not.toContain(replyText);
    expect(log).not.toContain('loket 2 hari Selasa');
  }, 300_000);
});
