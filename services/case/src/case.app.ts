import type { Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { Connection } from '@pandawa/mongo';
import {
  OfficeSettingsFollower,
  type EventPublisher,
  type JetStreamClient,
  type JetStreamManager,
  type OfficeSettingsKv,
} from '@pandawa/nats';
import type { GrpcServer } from '@pandawa/grpc';
import { CaseService } from './case.service.js';
import type { ServiceSchedule } from './domain/service-hours.js';
import { startIdentityChangeConsumer } from './events/identity-change.consumer.js';
import { OfficeSchedules } from './events/office-schedules.js';
import { OutboxRelay } from './events/outbox.relay.js';
import { registerCaseGrpc } from './grpc/case.grpc.js';
import { SlaCheckSchedule } from './schedules/sla-check.schedule.js';
import type { CaseLists, CaseListsKind } from './read-model/case-lists.js';
import { InMemoryCaseLists } from './read-model/in-memory-case-lists.js';
import { CaseLocks } from './store/case/case-lock.repository.js';
import { CaseRepository } from './store/case/case.repository.js';
import { IndexedCaseLists } from './store/case/indexed-case-lists.js';

export interface CaseAppOptions {
  mongo: Connection;
  publisher: EventPublisher;
  /** For following `case.events.*` into the list view. */
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  grpcServer: GrpcServer;
  logger: Logger;
  /** The configured schedule; an office's settings override its hours and holidays. */
  schedule: ServiceSchedule;
  /** The `office_settings` bucket (architecture §3.2); without it every office keeps `schedule`. */
  officeSettings?: Pick<OfficeSettingsKv, 'watch'>;
  outboxPollIntervalMs: number;
  slaCheckIntervalMs: number;
  /** CASE_LISTS: the in-memory view (default) or MongoDB's indexes. */
  lists?: CaseListsKind;
  afterPublish?: () => void;
  now?: () => Date;
}

/** Wires the case service's parts; main.ts (and in-process tests) own the connections. */
export async function createCaseApp(options: CaseAppOptions) {
  const repository = new CaseRepository(options.mongo);
  await repository.ensureIndexes();
  const locks = new CaseLocks(options.mongo);
  const memory =
    (options.lists ?? 'memory') === 'memory'
      ? new InMemoryCaseLists({
          repository,
          js: options.js,
          jsm: options.jsm,
          topology: options.topology,
          logger: options.logger,
        })
      : undefined;
  const lists: CaseLists =
    memory ??
    new IndexedCaseLists({ connection: options.mongo, repository, logger: options.logger });
  const officeSettings = options.officeSettings
    ? new OfficeSettingsFollower(options.officeSettings, options.logger)
    : undefined;
  const schedules = new OfficeSchedules(options.schedule, officeSettings, options.logger);
  const service = new CaseService({
    repository,
    locks,
    lists,
    schedule: options.schedule,
    scheduleFor: (officeId) => schedules.for(officeId),
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
    lists,
    /** The in-memory view, when lists are kept in memory (tests look into it). */
    view: memory?.view,
    service,
    relay,
    slaChecker,
    /** Each office's SLA schedule as the clocks read it now (tests look into it). */
    schedules,
    /**
     * Starts the relay and the SLA checker, and resolves once the lists can answer (the
     * in-memory view loaded: lists and statistics answer UNAVAILABLE until then; health says
     * NOT_SERVING).
     */
    async start() {
      // First: the SLA clocks of the first writes already follow the offices' hours.
      await officeSettings?.start();
      relay.start();
      slaChecker.start();
      await lists.start();
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
      await lists.stop();
      await officeSettings?.stop();
    },
  };
}
