import { waInIdentityChanged, type Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import {
  startConsumer,
  type ConsumerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import type { CaseService } from '../case.service.js';

export const IDENTITY_CONSUMER = 'case-identity-changes';

/**
 * Moves a citizen's cases when WhatsApp says their identity changed (`wa.in.identity_changed`,
 * published by the gateway from a signed system message; architecture §1, §3). The case service
 * reads the fact itself, so no RPC exists through which a caller could claim another identity.
 * Moving is idempotent, so a redelivered event changes nothing.
 */
export function startIdentityChangeConsumer(deps: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  service: CaseService;
  logger: Logger;
}): Promise<ConsumerHandle> {
  const { topology: t } = deps;
  return startConsumer({
    js: deps.js,
    jsm: deps.jsm,
    stream: t.streams.WA_IN.name,
    durable: IDENTITY_CONSUMER,
    filterSubjects: [t.subjects.waInIdentityChanged],
    schema: waInIdentityChanged.schema,
    deadLetterSubject: t.subjects.deadLetter(t.streams.WA_IN.name, IDENTITY_CONSUMER),
    logger: deps.logger,
    // One citizen's changes in the order WhatsApp sent them.
    concurrency: 1,
    handler: async (event) => {
      const moved = await deps.service.moveCitizen(
        event.officeId,
        event.data.previous,
        event.data.current,
      );
      deps.logger.info(
        { officeId: event.officeId, change: event.data.change, cases: moved },
        'citizen identity change applied',
      );
    },
  });
}
