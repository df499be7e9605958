import { randomUUID } from 'node:crypto';
import {
  notifyWaSend,
  waInMessage,
  waInStatus,
  type CitizenIdentity,
  type Envelope,
  type OutboundMessage,
} from '@pandawa/contracts';
import type { z } from 'zod';
import { connectMongo, type Connection } from '@pandawa/mongo';
import { EventPublisher, OfficeSettingsKv } from '@pandawa/nats';
import {
  connectTestBus,
  testDbName,
  testLogger,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { createSandbox, type Sandbox, type SandboxOptions } from '@pandawa/wa-sandbox';
import type { CaseDeliveryReporter, CaseMessageRef } from '../../src/application/case-delivery.js';
import type { DeliveryState } from '../../src/domain/delivery-state.js';
import type { DeliveryFailureReason } from '../../src/domain/delivery-failure.js';
import { CustomerWindowRepository } from '../../src/store/customer-window.repository.js';
import {
  createNotificationApp,
  type NotificationApp,
  type NotificationAppOptions,
} from '../../src/notification.app.js';

export const OFFICE = 'pekanbaru';

type SendData = z.input<typeof notifyWaSend.data>;

/** Records what the case service would have been told. */
export class RecordingCaseDelivery implements CaseDeliveryReporter {
  readonly reports: {
    ref: CaseMessageRef;
    state: DeliveryState;
    failure?: DeliveryFailureReason | undefined;
  }[] = [];
  report(
    ref: CaseMessageRef,
    state: DeliveryState,
    failure?: DeliveryFailureReason,
  ): Promise<void> {
    this.reports.push({ ref, state, failure });
    return Promise.resolve();
  }
}

export interface Harness {
  namespace: string;
  bus: TestBus;
  mongo: Connection;
  sandbox: Sandbox;
  publisher: EventPublisher;
  caseDelivery: RecordingCaseDelivery;
  app: NotificationApp;
  /** A citizen writes through the sandbox (opening Meta's window) and WA_IN gets it. */
  citizenWrites(to: CitizenIdentity, text?: string): Promise<string>;
  /** The same `wa.in.message` again, past JetStream's de-duplication (Meta retried the webhook). */
  inboundAgain(messageId: string): Promise<void>;
  /** Stops the service and starts a new one on the same database and streams (a restart). */
  restart(): Promise<void>;
  /** Publishes a `notify.wa.send`; `copyId` stores a second copy past JetStream's de-duplication. */
  command(
    to: CitizenIdentity,
    message: OutboundMessage,
    extra?: Partial<Omit<SendData, 'to' | 'message'>> & { id?: string; copyId?: string },
  ): Promise<string>;
  /** Waits until the service has the citizen's last message (its 24-hour window). */
  windowSeen(phone: string): Promise<void>;
  status(
    wamid: string,
    status: string,
    to: CitizenIdentity,
    error?: { code: number; title: string },
  ): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    app?: Partial<NotificationAppOptions>;
    sandbox?: SandboxOptions;
  } = {},
): Promise<Harness> {
  const namespace = testNamespace();
  const logger = testLogger('notification');
  const bus = await connectTestBus(process.env.NATS_URL!, namespace);
  const mongo = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName: testDbName(namespace, 'notification'),
    logger,
  });
  const sandbox = await createSandbox(options.sandbox ?? {});
  const publisher = new EventPublisher(bus.js);
  const caseDelivery = new RecordingCaseDelivery();
  const appOptions: NotificationAppOptions = {
    mongo,
    publisher,
    js: bus.js,
    jsm: bus.jsm,
    topology: bus.topology,
    logger,
    // The namespace's own bucket: empty unless a test writes an office's settings.
    officeSettings: await OfficeSettingsKv.open(bus.nc, bus.topology, logger),
    whatsapp: {
      baseUrl: sandbox.url,
      apiVersion: 'v23.0',
      accessToken: sandbox.accessToken,
      timeoutMs: 10_000,
      officeNumbers: { [OFFICE]: sandbox.phoneNumberId },
      defaultPhoneNumberId: sandbox.phoneNumberId,
    },
    messagesPerSecond: 80,
    recipientBurst: 1000,
    recipientPerSecond: 1000,
    sendConcurrency: 32,
    policy: {
      maxAttempts: 10,
      retryBaseMs: 50,
      retryMaxMs: 1000,
      probeIntervalMs: 200,
      windowMarginMs: 5 * 60_000,
    },
    templates: {
      caseUpdate: 'pandawa_case_update',
      officerReply: 'pandawa_officer_reply',
      language: 'id',
    },
    held: { maxPerCitizen: 10, maxAgeMs: 7 * 24 * 60 * 60_000, purgeIntervalMs: 60_000 },
    caseDelivery,
    // The service and the sandbox agree on the time (tests move the sandbox's clock).
    now: () => sandbox.state.clock.now(),
    ...options.app,
  };
  let app = createNotificationApp(appOptions);
  await app.start();
  const inbound = new Map<string, Envelope>();

  return {
    namespace,
    bus,
    mongo,
    sandbox,
    publisher,
    caseDelivery,
    get app() {
      return app;
    },
    async citizenWrites(to, text = 'halo') {
      const waId = to.phone!;
      const messageId = sandbox.sendAsCitizen({ waId, message: { type: 'text', text } });
      const envelope = waInMessage.create({
        id: messageId,
        officeId: OFFICE,
        data: {
          phoneNumberId: sandbox.phoneNumberId,
          citizen: { phone: waId },
          messageId,
          messageType: 'text',
          timestamp: String(Math.floor(sandbox.state.clock.now() / 1000)),
          message: { id: messageId, type: 'text', text: { body: text } },
        },
      });
      inbound.set(messageId, envelope as Envelope);
      await publisher.publish(bus.topology.subjects.waInMessage, envelope as Envelope);
      return messageId;
    },
    async inboundAgain(messageId) {
      const envelope = inbound.get(messageId);
      if (!envelope) throw new Error(`no inbound message ${messageId}`);
      await publisher.publish(bus.topology.subjects.waInMessage, envelope, {
        msgID: `${messageId}:again:${randomUUID()}`,
      });
    },
    async restart() {
      await app.stop();
      app = createNotificationApp(appOptions);
      await app.start();
    },
    async command(to, message, extra = {}) {
      const { id = randomUUID(), copyId, ...data } = extra;
      const envelope = notifyWaSend.create({
        id,
        officeId: OFFICE,
        data: { to, purpose: 'conversation.reply', message, ...data },
      });
      await publisher.publish(bus.topology.subjects.notifySend, envelope as Envelope, {
        ...(copyId ? { msgID: copyId } : {}),
      });
      return id;
    },
    async windowSeen(phone) {
      const windows = new CustomerWindowRepository(mongo);
      await waitFor(
        async () => (await windows.lastInboundAt(sandbox.phoneNumberId, [phone])) !== undefined,
        20_000,
        'the citizen window',
      );
    },
    async status(wamid, status, to, error) {
      const envelope = waInStatus.create({
        id: `${wamid}:${status}`,
        officeId: OFFICE,
        data: {
          phoneNumberId: sandbox.phoneNumberId,
          messageId: wamid,
          status,
          recipient: { phone: to.phone! },
          timestamp: String(Math.floor(Date.now() / 1000)),
          statusObject: {
            id: wamid,
            status,
            ...(error ? { errors: [{ code: error.code, title: error.title }] } : {}),
          },
        },
      });
      await publisher.publish(bus.topology.subjects.waInStatus, envelope as Envelope);
    },
    async close() {
      await app.stop();
      await sandbox.close();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
      await bus.close();
    },
  };
}

/** The send record of command `id` once it is `sent` (the service's current app, after restarts too). */
export const sentRecord = (h: Harness, id: string) =>
  waitFor(
    async () => {
      const r = await h.app.records.get(id);
      return r?.state === 'sent' ? r : null;
    },
    30_000,
    `record ${id} sent`,
  );

/** The Graph requests the sandbox accepted for one citizen, oldest first. */
export const outboundTo = (sandbox: Sandbox, phone: string) => sandbox.state.record.outbound(phone);

export const textOf = (entry: { payload: Record<string, unknown> }) =>
  (entry.payload.text as { body?: string } | undefined)?.body;
