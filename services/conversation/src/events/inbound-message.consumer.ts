import { citizenKey, type Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import {
  startConsumer,
  type ConsumerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import type { InboundHandler } from '../application/handle-inbound.js';
import {
  inboundEnvelopeSchema,
  inboundMessageOf,
  type InboundEnvelope,
} from './inbound-message.js';

export const CONVERSATION_CONSUMER = 'conversation';

/**
 * The durable consumer of `wa.in.message` (architecture §3). One citizen's messages (per office)
 * are handled one after another in the order sent: among those that have reached this consumer,
 * the earliest WhatsApp timestamp first, then stream order (the order the gateway received
 * them); `orderHoldMs` lets an idle citizen's first message wait for earlier ones still on their
 * way (0: no wait). Different citizens run side by side, up to `concurrency`.
 */
export function startInboundConsumer(options: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  handler: InboundHandler;
  logger: Logger;
  concurrency: number;
  orderHoldMs: number;
}): Promise<ConsumerHandle> {
  const { topology } = options;
  return startConsumer<InboundEnvelope['data']>({
    js: options.js,
    jsm: options.jsm,
    stream: topology.streams.WA_IN.name,
    durable: CONVERSATION_CONSUMER,
    filterSubjects: [topology.subjects.waInMessage],
    schema: inboundEnvelopeSchema as never,
    deadLetterSubject: topology.subjects.deadLetter(
      topology.streams.WA_IN.name,
      CONVERSATION_CONSUMER,
    ),
    logger: options.logger,
    concurrency: options.concurrency,
    orderingKey: (envelope) => {
      const d = envelope.data;
      return `${envelope.officeId}:${citizenKey(d.citizen ?? { phone: d.waId! })}`;
    },
    // Seconds since the epoch; a missing or odd one ranks first, in stream order.
    orderingRank: (envelope) => Number(envelope.data.timestamp) || 0,
    orderingHoldMs: options.orderHoldMs,
    handler: (envelope, ctx) =>
      options.handler.handle(inboundMessageOf(envelope as InboundEnvelope), ctx.deliveryCount),
  });
}
