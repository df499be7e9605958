import type { Topology } from '@pandawa/contracts';
import { createClient, loadProto, type CaseProto, type GrpcServer } from '@pandawa/grpc';
import type { Logger } from '@pandawa/logging';
import type { Connection } from '@pandawa/mongo';
import {
  OfficeSettingsFollower,
  type ConsumerHandle,
  type EventPublisher,
  type JetStreamClient,
  type JetStreamManager,
  type OfficeSettingsKv,
} from '@pandawa/nats';
import { CaseNotices } from './application/case-notices.js';
import {
  GrpcCaseDeliveryReporter,
  type CaseDeliveryReporter,
} from './application/case-delivery.js';
import { DeliveryStatuses } from './application/delivery-statuses.js';
import { HeldMessages } from './application/held-messages.js';
import { NotificationMetrics } from './application/metrics.js';
import { PauseGates } from './application/pause-gates.js';
import { sendCommand, type SendDeps, type SendPolicy } from './application/send-command.js';
import { RecentMemory } from './application/recent-memory.js';
import { SendOutcomes } from './application/send-outcomes.js';
import { RecipientPacer, ThroughputGate } from './application/throughput.js';
import { AccessTokenSource, WhatsAppDispatch } from './application/whatsapp-dispatch.js';
import type { CaseTemplates } from './domain/case-notice.js';
import type { HeldBounds } from './domain/held-message.js';
import { DURABLES, startConsumers } from './events/consumers.js';
import { officeTemplatesFrom } from './events/office-templates.js';
import { registerNotificationGrpc } from './grpc/notification.grpc.js';
import { HeldPurgeSchedule } from './schedules/held-purge.schedule.js';
import { CustomerWindowRepository } from './store/customer-window.repository.js';
import { DeliveryStatusRepository } from './store/delivery-status.repository.js';
import { HeldMessageRepository } from './store/held-message.repository.js';
import { SendRecordRepository } from './store/send-record.repository.js';

export interface NotificationAppOptions {
  mongo: Connection;
  publisher: EventPublisher;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  logger: Logger;
  whatsapp: {
    baseUrl: string;
    apiVersion: string;
    accessToken: string;
    accessTokenFile?: string | undefined;
    timeoutMs: number;
    /** officeId → its sending number */
    officeNumbers: Record<string, string>;
    defaultPhoneNumberId: string;
  };
  messagesPerSecond: number;
  recipientBurst: number;
  recipientPerSecond: number;
  sendConcurrency: number;
  policy: SendPolicy;
  /** The configured templates; an office's settings may name its own. */
  templates: CaseTemplates;
  /** Held messages: per citizen and number, how many and how long (architecture §3.1). */
  held: HeldBounds & { purgeIntervalMs: number };
  /** The `office_settings` bucket (architecture §3.2); without it every office gets `templates`. */
  officeSettings?: Pick<OfficeSettingsKv, 'watch'>;
  /** The case service's address, or a reporter (tests). */
  caseDelivery: { address: string; deadlineMs: number } | CaseDeliveryReporter;
  /** The 24-hour window's clock; tests share the sandbox's. */
  now?: () => number;
  /** Serves pandawa.notification.v1.NotificationService (the desk asks for windows) when given. */
  grpcServer?: GrpcServer;
}

/** Wires the notification service's parts; main.ts (and in-process tests) own the connections. */
export function createNotificationApp(options: NotificationAppOptions) {
  const { logger, topology } = options;
  const now = options.now ?? Date.now;
  const stopping = new AbortController();
  const records = new SendRecordRepository(options.mongo);
  const windows = new CustomerWindowRepository(options.mongo);
  const statusRepo = new DeliveryStatusRepository(options.mongo);
  const outcomes = new SendOutcomes(options.publisher, topology, logger);
  const gates = new PauseGates(stopping.signal);
  const throughput = new ThroughputGate(options.messagesPerSecond, Date.now, stopping.signal);
  const caseDelivery: CaseDeliveryReporter =
    'report' in options.caseDelivery
      ? options.caseDelivery
      : new GrpcCaseDeliveryReporter(
          createClient(
            loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService,
            options.caseDelivery.address,
          ),
          options.caseDelivery.deadlineMs,
          logger,
          stopping.signal,
        );
  let consumers: ConsumerHandle[] = [];
  const metrics = new NotificationMetrics(async () => ({
    notification_queue_pending: {
      help: 'Commands waiting in NOTIFY, not yet delivered to this service (queue lag).',
      values: [[{}, await pendingCommands()]],
    },
    notification_sending_paused: {
      help: 'Phone numbers whose sending is paused by a refused access token (190).',
      values: gates.list().map((p) => [{ phone_number_id: p.phoneNumberId }, 1]),
    },
    notification_throughput_window: {
      help: 'Sends counted against the last second, per phone number.',
      values: Object.entries(throughput.counted()).map(([id, n]) => [{ phone_number_id: id }, n]),
    },
  }));
  const statuses = new DeliveryStatuses(
    statusRepo,
    records,
    caseDelivery,
    outcomes,
    metrics,
    logger,
  );
  const heldRepo = new HeldMessageRepository(options.mongo);
  const held = new HeldMessages({
    repo: heldRepo,
    records,
    publisher: options.publisher,
    topology,
    bounds: { maxPerCitizen: options.held.maxPerCitizen, maxAgeMs: options.held.maxAgeMs },
    windowMarginMs: options.policy.windowMarginMs,
    metrics,
    logger,
    now,
  });
  const heldPurge = new HeldPurgeSchedule(held, options.held.purgeIntervalMs, logger);
  const tokens = new AccessTokenSource(
    options.whatsapp.accessToken,
    options.whatsapp.accessTokenFile,
  );
  const officeSettings = options.officeSettings
    ? new OfficeSettingsFollower(options.officeSettings, logger)
    : undefined;
  const templatesFor = officeTemplatesFrom(options.templates, officeSettings);
  const windowMemory = new RecentMemory<number>(100_000);
  const deps: SendDeps = {
    finished: new RecentMemory(20_000),
    windowMemory,
    records,
    windows,
    dispatch: new WhatsAppDispatch({
      baseUrl: options.whatsapp.baseUrl,
      apiVersion: options.whatsapp.apiVersion,
      timeoutMs: options.whatsapp.timeoutMs,
      tokens,
    }),
    tokens,
    throughput,
    pacer: new RecipientPacer(
      options.recipientBurst,
      options.recipientPerSecond,
      Date.now,
      stopping.signal,
    ),
    gates,
    outcomes,
    caseDelivery,
    statuses,
    held,
    metrics,
    numberOf: (officeId) =>
      options.whatsapp.officeNumbers[officeId] ?? options.whatsapp.defaultPhoneNumberId,
    policy: options.policy,
    now,
    signal: stopping.signal,
    logger,
  };

  if (options.grpcServer)
    registerNotificationGrpc(
      options.grpcServer,
      {
        windows,
        windowMemory,
        numberOf: deps.numberOf,
        marginMs: options.policy.windowMarginMs,
        now,
        templatesFor,
      },
      logger,
    );

  async function pendingCommands(): Promise<number> {
    try {
      const info = await options.jsm.consumers.info(topology.streams.NOTIFY.name, DURABLES.send);
      return info.num_pending + info.num_ack_pending;
    } catch {
      return -1;
    }
  }

  return {
    records,
    statuses,
    metrics,
    gates,
    held,
    heldRepo,
    /** Each office's templates as the case notices read them now (tests look into it). */
    templatesFor,
    async start() {
      // With a token file, its content wins over WHATSAPP_ACCESS_TOKEN from the start.
      await tokens.reload();
      await heldRepo.ensureIndexes();
      // Before the consumers: the first case notices already carry the offices' templates.
      await officeSettings?.start();
      consumers = await startConsumers({
        js: options.js,
        jsm: options.jsm,
        topology,
        logger,
        sendConcurrency: options.sendConcurrency,
        send: (command) => sendCommand(deps, command),
        caseNotices: new CaseNotices(options.publisher, topology, templatesFor),
        statuses,
        windows,
        windowMemory,
        held,
        now,
      });
      heldPurge.start();
    },
    /** Stops waiting sends (their commands go back to the queue), then the consumers. */
    async stop() {
      stopping.abort();
      await Promise.all([...consumers.map((c) => c.stop()), heldPurge.stop()]);
      await officeSettings?.stop();
    },
    consumersRunning: () => consumers.length > 0 && consumers.every((c) => c.isRunning()),
  };
}

export type NotificationApp = ReturnType<typeof createNotificationApp>;
