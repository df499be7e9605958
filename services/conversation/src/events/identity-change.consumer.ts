import { waInIdentityChanged, type Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import {
  startConsumer,
  type ConsumerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import { followIdentityChange } from '../application/follow-identity-change.js';
import type { SessionRepository } from '../store/session/session.repository.js';

export const IDENTITY_CONSUMER = 'conversation-identity';

/** Durable consumer of `wa.in.identity_changed`: sessions follow the citizen's new identity. */
export function startIdentityChangeConsumer(options: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  sessions: SessionRepository;
  logger: Logger;
}): Promise<ConsumerHandle> {
  const { topology } = options;
  return startConsumer({
    js: options.js,
    jsm: options.jsm,
    stream: topology.streams.WA_IN.name,
    durable: IDENTITY_CONSUMER,
    filterSubjects: [topology.subjects.waInIdentityChanged],
    schema: waInIdentityChanged.schema,
    deadLetterSubject: topology.subjects.deadLetter(topology.streams.WA_IN.name, IDENTITY_CONSUMER),
    logger: options.logger,
    concurrency: 2,
    handler: async (envelope) => {
      const outcome = await followIdentityChange(
        { sessions: options.sessions, logger: options.logger },
        {
          officeId: envelope.officeId,
          previous: envelope.data.previous,
          current: envelope.data.current,
        },
      );
      options.logger.info({ change: envelope.data.change, outcome }, 'identity change followed');
    },
  });
}
