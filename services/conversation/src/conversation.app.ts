import type { Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import { IdempotencyStore, type Connection } from '@pandawa/mongo';
import type {
  ConsumerHandle,
  EventPublisher,
  JetStreamClient,
  JetStreamManager,
  OfficeSettingsKv,
} from '@pandawa/nats';
import { InboundHandler } from './application/handle-inbound.js';
import type { CasePort, DocumentPort } from './application/ports.js';
import type { ConversationConfig } from './config.js';
import { officeHours } from './domain/office-hours.js';
import { CONVERSATION_CONSUMER, startInboundConsumer } from './events/inbound-message.consumer.js';
import { startIdentityChangeConsumer } from './events/identity-change.consumer.js';
import { ReplyPublisher } from './events/reply.publisher.js';
import { GrpcCasePort } from './grpc/case.client.js';
import { GrpcDocumentPort } from './grpc/document.client.js';
import { loadRegionCodes } from './store/region-codes.source.js';
import { officeSettingsSource } from './store/office-settings.source.js';
import { PurgeSchedule } from './schedules/purge.schedule.js';
import { SessionRepository } from './store/session/session.repository.js';

export interface ConversationAppOptions {
  config: ConversationConfig;
  mongo: Connection;
  publisher: EventPublisher;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  logger: Logger;
  /** In-process tests swap the clock (session expiry) and the other services. */
  now?: () => Date;
  cases?: CasePort;
  documents?: DocumentPort;
  /** The `office_settings` KV bucket (architecture §3.2); without it, configuration only. */
  officeSettings?: Pick<OfficeSettingsKv, 'read'>;
}

/** Wires the conversation service's parts; main.ts (and in-process tests) own the connections. */
export async function createConversationApp(options: ConversationAppOptions) {
  const { config, logger } = options;
  const regions = await loadRegionCodes();
  const caseClient = options.cases
    ? undefined
    : new GrpcCasePort(config.CASE_ADDR, config.GRPC_DEADLINE_MS);
  const documentClient = options.documents
    ? undefined
    : new GrpcDocumentPort(config.DOCUMENT_ADDR, config.GRPC_DEADLINE_MS);
  const sessions = new SessionRepository(options.mongo);
  const processed = new IdempotencyStore(options.mongo, CONVERSATION_CONSUMER);
  const handler = new InboundHandler({
    sessions,
    processed,
    replies: new ReplyPublisher(options.publisher, options.topology),
    cases: options.cases ?? caseClient!,
    documents: options.documents ?? documentClient!,
    regions,
    hours: officeHours({
      week: config.SERVICE_HOURS,
      utcOffset: config.SERVICE_UTC_OFFSET,
      holidays: [...config.SERVICE_HOLIDAYS],
    }),
    info: {
      address: config.OFFICE_ADDRESS,
      whatToBring: config.OFFICE_WHAT_TO_BRING,
      holidays: [...config.SERVICE_HOLIDAYS],
    },
    ...(options.officeSettings
      ? {
          officeInfo: officeSettingsSource(
            options.officeSettings,
            {
              week: config.SERVICE_HOURS,
              utcOffset: config.SERVICE_UTC_OFFSET,
              holidays: [...config.SERVICE_HOLIDAYS],
            },
            logger,
          ),
        }
      : {}),
    logger,
    now: options.now ?? (() => new Date()),
    idleTimeoutMs: config.SESSION_IDLE_TIMEOUT_MS,
    maxMessagesPerMinute: config.CITIZEN_MAX_MESSAGES_PER_MINUTE,
    maxDocuments: config.MAX_DOCUMENTS_PER_CASE,
    descriptionMaxChars: config.DESCRIPTION_MAX_CHARS,
    privacyRetentionDays: config.PRIVACY_RETENTION_DAYS,
  });
  const purge = new PurgeSchedule(
    {
      processed,
      sessions,
      logger,
      processedRetentionMs: config.PROCESSED_RETENTION_MS,
      sessionRetentionMs: config.SESSION_RETENTION_MS,
      batchSize: config.PURGE_BATCH_SIZE,
      maxBatches: config.PURGE_MAX_BATCHES,
    },
    config.PURGE_INTERVAL_MS,
    options.now,
  );
  let consumer: ConsumerHandle | undefined;
  let identityConsumer: ConsumerHandle | undefined;
  return {
    handler,
    purge,
    async start() {
      await purge.start();
      consumer = await startInboundConsumer({
        js: options.js,
        jsm: options.jsm,
        topology: options.topology,
        handler,
        logger,
        concurrency: config.CONVERSATION_CONCURRENCY,
        orderHoldMs: config.CONVERSATION_ORDER_HOLD_MS,
      });
      identityConsumer = await startIdentityChangeConsumer({
        js: options.js,
        jsm: options.jsm,
        topology: options.topology,
        sessions,
        logger,
      });
    },
    consumerRunning: () =>
      (consumer?.isRunning() ?? false) && (identityConsumer?.isRunning() ?? false),
    /** Stops taking messages and finishes those in flight. */
    async stop() {
      await Promise.all([consumer?.stop(), identityConsumer?.stop(), purge.stop()]);
      caseClient?.close();
      documentClient?.close();
    },
  };
}
