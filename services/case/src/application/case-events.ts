import { randomUUID } from 'node:crypto';
import { caseEvents, type CaseEventName } from '@pandawa/contracts';
import { eventIdentityOf } from '../domain/citizen-identity.js';
import type { CaseDocument, OutboxEntry } from '../store/case/case.schema.js';

/** An event for the case's outbox, in the envelope the relay publishes as is. */
export function outboxEntry(
  doc: Pick<CaseDocument, 'officeId'>,
  name: CaseEventName,
  occurredAt: Date,
  data: Record<string, unknown>,
): OutboxEntry {
  // Validated now, at write time: an invalid event fails the write instead of the relay.
  const envelope = caseEvents[name].create({
    id: randomUUID(),
    officeId: doc.officeId,
    occurredAt,
    data: data as never,
  });
  return { ...(envelope as unknown as OutboxEntry), name };
}

/** The fields every case event carries, so consumers can reach the citizen without a lookup. */
export function caseRef(doc: CaseDocument) {
  return {
    caseId: doc.caseId,
    trackingCode: doc.trackingCode,
    citizen: eventIdentityOf(doc.citizen),
  };
}
