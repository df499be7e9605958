import {
  CallerSigner,
  CallerVerifier,
  GrpcServer,
  callerCredential,
  useCallerSigner,
} from '@pandawa/grpc';
import { createLogger } from '@pandawa/logging';
import {
  connectBackbone,
  handleShutdown,
  Readiness,
  runMain,
  startHealthServer,
} from '@pandawa/lifecycle';
import { OfficeSettingsKv } from '@pandawa/nats';
import { loadNotificationConfig } from './config.js';
import { createNotificationApp } from './notification.app.js';

await runMain('notification', async () => {
  const config = loadNotificationConfig();
  // Every gRPC client this process creates signs its calls with the service's own key.
  useCallerSigner(
    new CallerSigner(callerCredential('notification', config.NOTIFICATION_CALLER_SIGNING_KEY)),
  );
  const logger = createLogger({ service: 'notification', level: config.LOG_LEVEL });
  const backbone = await connectBackbone({
    service: 'notification',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [
      t.streams.NOTIFY,
      t.streams.NOTIFY_RESULT,
      t.streams.CASE_EVENTS,
      t.streams.WA_IN,
      t.streams.DEAD_LETTER,
    ],
  });
  const grpcServer = new GrpcServer({
    host: config.BIND_HOST,
    port: config.NOTIFICATION_GRPC_PORT,
    logger,
    isHealthy: async () => backbone.natsHealthy() && (await backbone.mongoHealthy()),
    callers: new CallerVerifier(config.CALLER_TRUSTED_KEYS),
  });
  const app = createNotificationApp({
    mongo: backbone.mongo,
    publisher: backbone.publisher,
    js: backbone.js,
    jsm: backbone.jsm,
    topology: backbone.topology,
    logger,
    whatsapp: {
      baseUrl: config.WHATSAPP_API_URL,
      apiVersion: config.WHATSAPP_API_VERSION,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      accessTokenFile: config.WHATSAPP_ACCESS_TOKEN_FILE,
      timeoutMs: config.WHATSAPP_TIMEOUT_MS,
      officeNumbers: config.WHATSAPP_OFFICES,
      defaultPhoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
    },
    messagesPerSecond: config.WHATSAPP_MESSAGES_PER_SECOND,
    recipientBurst: config.RECIPIENT_BURST,
    recipientPerSecond: config.RECIPIENT_PER_SECOND,
    sendConcurrency: config.NOTIFY_CONCURRENCY,
    policy: {
      maxAttempts: config.SEND_MAX_ATTEMPTS,
      retryBaseMs: config.SEND_RETRY_BASE_MS,
      retryMaxMs: config.SEND_RETRY_MAX_MS,
      probeIntervalMs: config.PAUSE_PROBE_INTERVAL_MS,
      windowMarginMs: config.WINDOW_SAFETY_MARGIN_MS,
    },
    templates: {
      caseUpdate: config.TEMPLATE_CASE_UPDATE,
      officerReply: config.TEMPLATE_OFFICER_REPLY,
      language: config.TEMPLATE_LANGUAGE,
    },
    held: {
      maxPerCitizen: config.HELD_MAX_PER_CITIZEN,
      maxAgeMs: config.HELD_MAX_AGE_MS,
      purgeIntervalMs: config.HELD_PURGE_INTERVAL_MS,
    },
    officeSettings: await OfficeSettingsKv.open(backbone.nc, backbone.topology, logger),
    caseDelivery: { address: config.CASE_ADDR, deadlineMs: config.GRPC_DEADLINE_MS },
    grpcServer,
  });
  await app.start();
  await grpcServer.start();
  const readiness = new Readiness({
    nats: backbone.natsHealthy,
    mongo: backbone.mongoHealthy,
    consumers: app.consumersRunning,
  });
  const health = await startHealthServer(readiness, config.HEALTH_PORT, config.BIND_HOST, {
    metrics: () => app.metrics.render(),
  });

  handleShutdown(
    logger,
    [
      { name: 'mark not ready', run: () => readiness.markNotReady() },
      { name: 'mark gRPC not serving', run: () => grpcServer.markNotServing() },
      // Sends waiting (a retry, a paused number) give their commands back to the queue.
      {
        name: 'stop gRPC, finish calls in flight',
        run: () => grpcServer.shutdown(config.SHUTDOWN_TIMEOUT_MS / 4),
      },
      { name: 'stop consumers, finish sends in flight', run: () => app.stop() },
      ...backbone.closingSteps(),
      { name: 'close health endpoint', run: () => health.close() },
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info({ healthPort: health.port, grpcPort: grpcServer.port }, 'notification service ready');
});
