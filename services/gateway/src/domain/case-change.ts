import type { Envelope } from '@pandawa/contracts';

/**
 * What the office's live stream says of one case event (issue 14): which case, what happened,
 * and the status when the event names one — ids and words of the case list, nothing more. No
 * citizen identity, tracking code, text or reason leaves this way; the console refetches the
 * case (through the routes that check who asks) to see more.
 */
export interface CaseChange {
  caseId: string;
  /** The event's type without its prefix: `created`, `status_changed`, `reply_added`, ... */
  type: string;
  status?: string;
  occurredAt: string;
}

const PREFIX = 'case.events.';

export function caseChangeOf(envelope: Envelope): CaseChange | undefined {
  if (!envelope.type.startsWith(PREFIX)) return undefined;
  const data = envelope.data as { caseId?: unknown; status?: unknown; to?: unknown };
  if (typeof data.caseId !== 'string' || !data.caseId) return undefined;
  // `created` carries the status it opened in; `status_changed` the one it moved to.
  const status = typeof data.to === 'string' ? data.to : data.status;
  return {
    caseId: data.caseId.slice(0, 128),
    type: envelope.type.slice(PREFIX.length, PREFIX.length + 64),
    ...(typeof status === 'string' ? { status: status.slice(0, 32) } : {}),
    occurredAt: envelope.occurredAt,
  };
}
