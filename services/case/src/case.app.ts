import type { Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { Connection } from '@pandawa/mongo';
import type { EventPublisher, JetStreamClient, JetStreamManager } from '@pandawa/nats';
import type { GrpcServer } from '@pandawa/grpc';
import { CaseService } from './case.service.js';
import type { ServiceSchedule } from './domain/service-hours.js';
import { startIdentityChangeConsumer } from './events/identity-change.consumer.js';
import { OutboxRelay } from './events/outbox.relay.js';
import { registerCaseGrpc } from './grpc/case.grpc.js';
import { SlaCheckSchedule } from './schedules/sla-check.schedule.js';
import { CaseListSync } from './read-model/case-list.sync.js';
import { CaseListView } from './read-model/case-list.view.js';
import { CaseLocks } from './store/case/case-lock.repository.js';
import { CaseRepository } from './store/case/case.repository.js';

export interface CaseAppOptions {
  mongo: Connection;
  publisher: EventPublisher;
  /** For following `case.events.*` into the list view. */
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  grpcServer: GrpcServer;
  logger: Logger;
  schedule: ServiceSchedule;
  outboxPollIntervalMs: number;
  slaCheckIntervalMs: number;
  afterPublish?: () => void;
  now?: () => Date;
}

/** Wires the case service's parts; main.ts (and in-process tests) own the connections. */
export async function createCaseApp(options: CaseAppOptions) {
  const repository = new CaseRepository(options.mongo);
  await repository.ensureIndexes();
  const locks = new CaseLocks(options.mongo);
  const view = new CaseListView();
  const listSync = new CaseListSync({
    view,
    repository,
    js: options.js,
    jsm: options.jsm,
    topology: options.topology,
    logger: options.logger,
  });
  const service = new CaseService({
    repository,
    locks,
    view,
    schedule: options.schedule,
    logger: options.logger,
    // `relay` is defined below; writes only happen once start-up has finished.
    onEventsWritten: () => relay.kick(),
    ...(options.now ? { now: options.now } : {}),
  });
  const relay = new OutboxRelay({
    repository,
    locks,
    publisher: options.publisher,
    topology: options.topology,
    logger: options.logger,
    pollIntervalMs: options.outboxPollIntervalMs,
    ...(options.afterPublish ? { afterPublish: options.afterPublish } : {}),
  });
  const slaChecker = new SlaCheckSchedule({
    service,
    logger: options.logger,
    intervalMs: options.slaCheckIntervalMs,
    ...(options.now ? { now: options.now } : {}),
  });
  registerCaseGrpc(options.grpcServer, service, options.logger);
  let identityChanges: Awaited<ReturnType<typeof startIdentityChangeConsumer>> | undefined;
  return {
    repository,
    view,
    service,
    relay,
    slaChecker,
    /**
     * Starts the relay and the SLA checker, and resolves once the list view is loaded (lists
     * and statistics answer UNAVAILABLE until then; health says NOT_SERVING).
     */
    async start() {
      relay.start();
      slaChecker.start();
      await listSync.start();
      identityChanges = await startIdentityChangeConsumer({
        js: options.js,
        jsm: options.jsm,
        topology: options.topology,
        service,
        logger: options.logger,
      });
    },
    async stop() {
      await identityChanges?.stop();
      await slaChecker.stop();
      await relay.stop();
      await listSync.stop();
    },
  };
}
