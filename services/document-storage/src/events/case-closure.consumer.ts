import {
  caseStatusChanged,
  envelopeSchema,
  isClosedCaseStatus,
  type Topology,
} from '@pandawa/contracts';
import { z } from 'zod';
import type { Logger } from '@pandawa/logging';
import {
  startConsumer,
  type ConsumerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import type { DocumentService } from '../document.service.js';

/**
 * Version 1 of the event (before citizens had a BSUID, architecture §1) is still in the 90-day
 * stream after an upgrade: it carries everything read here, so it is read too, not dead-lettered.
 */
const statusChangedAnyVersion = caseStatusChanged.schema.or(
  envelopeSchema.extend({
    type: z.literal(caseStatusChanged.type),
    version: z.literal(1),
    data: z.looseObject({ caseId: z.string().min(1), to: caseStatusChanged.data.shape.to }),
  }),
);

/**
 * Learns when cases close from `case.events.status_changed`, so the purge knows when each
 * document's retention began. Recording a closure is idempotent (the first one wins), so a
 * redelivered event changes nothing.
 */
export function startCaseClosureConsumer(deps: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  service: DocumentService;
  logger: Logger;
}): Promise<ConsumerHandle> {
  const { topology: t } = deps;
  return startConsumer({
    js: deps.js,
    jsm: deps.jsm,
    stream: t.streams.CASE_EVENTS.name,
    durable: 'document-storage-case-closures',
    filterSubjects: [t.subjects.caseEvent('status_changed')],
    schema: statusChangedAnyVersion,
    deadLetterSubject: t.subjects.deadLetter(
      t.streams.CASE_EVENTS.name,
      'document-storage-case-closures',
    ),
    logger: deps.logger,
    handler: async (event) => {
      // A closed status (architecture §7, `CASE_STATUS_PHASE` in contracts) starts the clock.
      if (!isClosedCaseStatus(event.data.to)) return;
      const stamped = await deps.service.recordCaseClosed(
        event.officeId,
        event.data.caseId,
        new Date(event.occurredAt),
        event.data.to,
      );
      deps.logger.info(
        { caseId: event.data.caseId, status: event.data.to, documents: stamped },
        'case closed; retention clock started',
      );
    },
  });
}
