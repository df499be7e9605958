import { createLogger } from '@pandawa/logging';
import { CallerVerifier, GrpcServer } from '@pandawa/grpc';
import { connectBackbone, handleShutdown, runMain } from '@pandawa/lifecycle';
import { OfficeSettingsKv } from '@pandawa/nats';
import { createCaseApp } from './case.app.js';
import { loadCaseConfig } from './config.js';
import { createSchedule } from './domain/service-hours.js';

await runMain('case', async () => {
  const config = loadCaseConfig();
  const logger = createLogger({ service: 'case', level: config.LOG_LEVEL });
  const schedule = createSchedule({
    timeZone: config.SERVICE_TIMEZONE,
    utcOffset: config.SERVICE_UTC_OFFSET,
    week: config.SERVICE_HOURS,
    holidays: config.SERVICE_HOLIDAYS,
  });
  const backbone = await connectBackbone({
    service: 'case',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    // WA_IN for the identity changes the case service follows (events/identity-change.consumer.ts).
    streams: (t) => [t.streams.CASE_EVENTS, t.streams.WA_IN],
  });
  const grpcServer = new GrpcServer({
    host: config.BIND_HOST,
    port: config.CASE_PORT,
    logger,
    // `app` is assigned below, before the server starts answering.
    isHealthy: async () =>
      app.lists.ready && backbone.natsHealthy() && (await backbone.mongoHealthy()),
    callers: new CallerVerifier(config.CALLER_TRUSTED_KEYS),
  });
  const app = await createCaseApp({
    mongo: backbone.mongo,
    publisher: backbone.publisher,
    js: backbone.js,
    jsm: backbone.jsm,
    topology: backbone.topology,
    grpcServer,
    logger,
    schedule,
    officeSettings: await OfficeSettingsKv.open(backbone.nc, backbone.topology, logger),
    outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    slaCheckIntervalMs: config.SLA_CHECK_INTERVAL_MS,
    lists: config.CASE_LISTS,
    ...(config.CASE_FAULT_CRASH_AFTER_PUBLISH
      ? { afterPublish: () => process.kill(process.pid, 'SIGKILL') }
      : {}),
  });
  await grpcServer.start();
  // Serving (health NOT_SERVING) while an in-memory list view loads: a large store takes seconds.
  await app.start();

  handleShutdown(
    logger,
    [
      { name: 'mark not serving', run: () => grpcServer.markNotServing() },
      {
        name: 'stop gRPC, finish calls in flight',
        run: () => grpcServer.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2),
      },
      // After gRPC: calls in flight may still write events the relay should publish.
      { name: 'stop outbox relay and SLA checker', run: () => app.stop() },
      ...backbone.closingSteps(),
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info('case service ready');
});
