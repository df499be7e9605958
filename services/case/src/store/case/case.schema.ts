import type { CaseEventName, Envelope } from '@pandawa/contracts';
import type {
  CaseCategory,
  CasePriority,
  CaseStatus,
  DeliveryFailure,
  DeliveryStatus,
} from '../../domain/case.types.js';
import type { StatusDetail } from '../../domain/case-lifecycle.js';
import type { Handoff } from '../../domain/handoff.js';
import type { SlaClocks } from '../../domain/sla-clocks.js';

export const CASE_COLLECTION = 'cases';

/**
 * The citizen of a case (architecture §1): BSUID and/or phone number as WhatsApp gave them.
 * Records older than BSUIDs have `waId` (their phone number) instead: read them through
 * domain/citizen-identity.ts `identityOf`, never the fields directly.
 */
export interface CitizenDoc {
  phone?: string;
  bsuid?: string;
  parentBsuid?: string;
  username?: string;
  /** Legacy (records older than BSUIDs): the citizen's phone number. Never written any more. */
  waId?: string;
  profileName: string;
  /** Stored for officers; never logged, never put in an event or a span. */
  nik: string;
  kkNumber: string;
  name: string;
}

export interface ThreadMessageDoc {
  id: string;
  author: 'citizen' | 'officer' | 'system';
  actorId: string;
  text: string;
  createdAt: Date;
  documentIds: string[];
  /** Inbound WhatsApp id (citizen messages): the same id twice adds one message. */
  waMessageId: string;
  /** Outbound messages only. */
  deliveryStatus: DeliveryStatus | null;
  /** Meta's reason, once the message is DELIVERY_FAILED and the reason is known. */
  deliveryFailure?: DeliveryFailure | null;
}

export interface InternalNoteDoc {
  id: string;
  actorId: string;
  text: string;
  createdAt: Date;
}

export interface AuditEntryDoc {
  at: Date;
  actorId: string;
  actorRole: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string;
}

/** The citizen's request for an officer as stored (the domain's type). */
export type HandoffDoc = Handoff;

/** The case's SLA clocks as stored (the domain's type: one shape, one place). */
export type SlaDoc = SlaClocks;

/** An event waiting for the relay: written in the same single-document update as its change. */
export type OutboxEntry = Envelope<Record<string, unknown>> & { name: CaseEventName };

export interface CaseDocument {
  /**
   * `<officeId>/<caseId>`: the office is part of the key, so a lookup by `_id` is scoped by
   * construction, and `{ _id }` is the only filter FerretDB v1 answers without a table scan.
   */
  _id: string;
  /** The id the API shows. */
  caseId: string;
  officeId: string;
  trackingCode: string;
  idempotencyKey: string;
  status: CaseStatus;
  statusDetail: StatusDetail;
  category: CaseCategory;
  priority: CasePriority;
  citizen: CitizenDoc;
  /** The citizen's name, lower-cased, for prefix search. */
  searchName: string;
  description: string;
  documentIds: string[];
  /** '' when nobody holds the case (an empty string, so "unassigned" is an equality filter). */
  assigneeId: string;
  tags: string[];
  /** Absent or null: the citizen never asked for an officer on this case. */
  handoff?: HandoffDoc | null;
  createdAt: Date;
  updatedAt: Date;
  sla: SlaDoc;
  /** Either clock breached: the list filter. */
  slaBreached: boolean;
  /** Earliest due time of a clock still running and not yet breached; null when none. */
  slaNextCheckAt: Date | null;
  /**
   * The officers' queue position (domain `urgentDueAt`: the earliest due time of a running
   * clock, breached or not); null when no clock runs. Written by every write since the
   * index-backed lists; cases stored before get it from IndexedCaseLists' backfill.
   */
  slaQueueAt?: Date | null;
  messages: ThreadMessageDoc[];
  notes: InternalNoteDoc[];
  audit: AuditEntryDoc[];
  /** Events written with a change and not yet published, oldest first. */
  outbox: OutboxEntry[];
  /** Optimistic concurrency: every update filters on it and increments it. */
  version: number;
}

export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
}

/**
 * Every query the repository runs has an index; each index names its query. Most reads are by
 * `_id` (the built-in index): a case by `<officeId>/<caseId>`, and the shortcut documents in
 * `case_refs` for tracking codes, idempotency keys and a citizen's cases. Lists, statistics and
 * the SLA checker read the in-memory list view (read-model/), which is loaded with the one
 * whole-collection read the service makes, at start.
 *
 * On FerretDB v1.24 (SQLite, local and CI) a filter other than `{ _id: <string> }` is never
 * pushed down: it decodes the whole collection whatever the indexes (internal/backends/sqlite/
 * collection.go, Query); it does enforce unique ones. Even `_id` finds its index only through
 * the local wrapper's extra `_id` index (deploy/local/ferretdb/id_index.go). MongoDB uses all.
 */
export const CASE_INDEXES: IndexSpec[] = [
  // GetCase by tracking code when its `case_refs` shortcut is missing; uniqueness per office.
  { key: { officeId: 1, trackingCode: 1 }, name: 'office_tracking_code', unique: true },
  // CreateCase idempotency when the shortcut is missing: the same key finds the same case.
  { key: { officeId: 1, idempotencyKey: 1 }, name: 'office_idempotency_key', unique: true },
];

/**
 * The indexes of the index-backed lists (CASE_LISTS=indexed, store/case/indexed-case-lists.ts),
 * each named after the query it serves; created only in that mode (the in-memory view needs
 * none). Filters without an index of their own (category, priority, tag, SLA breached, name
 * and tracking-code prefix) walk `office_newest` (or `office_sla_queue`) in order and stop at
 * the page's end: a page costs in proportion to how rare its matches are.
 */
export const CASE_LIST_INDEXES: IndexSpec[] = [
  // ListCases newest first, any filter; GetStatistics' window of opened cases (createdAt range).
  { key: { officeId: 1, createdAt: -1, _id: -1 }, name: 'office_newest' },
  // ListCases newest first filtered by status (the officers' "BARU", "DIPROSES", ... tabs).
  { key: { officeId: 1, status: 1, createdAt: -1, _id: -1 }, name: 'office_status_newest' },
  // ListCases newest first for one assignee ("my cases") or the unassigned (assigneeId '').
  { key: { officeId: 1, assigneeId: 1, createdAt: -1, _id: -1 }, name: 'office_assignee_newest' },
  // ListCases in SLA order (the queue): running clocks only, soonest due first.
  { key: { officeId: 1, slaQueueAt: 1, _id: 1 }, name: 'office_sla_queue' },
  // The SLA check: cases of every office whose next check is due.
  { key: { slaNextCheckAt: 1 }, name: 'sla_next_check' },
];

export const OUTBOX_HINT_COLLECTION = 'case_outbox_hints';

/**
 * "This case may have events to publish": written before the case update that adds events,
 * removed by the relay once the case's outbox is empty. The relay reads this small collection
 * instead of sweeping every case (a sweep is a table scan on FerretDB v1).
 */
export interface OutboxHintDoc {
  _id: string;
  officeId: string;
  caseId: string;
  at: Date;
}

export const CASE_REF_COLLECTION = 'case_refs';

/**
 * Lookup shortcuts `<officeId>/code/<trackingCode>` and `<officeId>/key/<idempotencyKey>` →
 * case id, so GetCase by tracking code and CreateCase's idempotency check are `_id` lookups.
 * Uniqueness itself comes from the unique indexes on `cases`; a missing ref (a crash right
 * after the insert) falls back to the indexed query.
 */
export interface CaseRefDoc {
  _id: string;
  caseId: string;
}

/**
 * `<officeId>/citizen/<key>` → the ids of the cases opened under that key, oldest first: one ref
 * per BSUID and one per phone number (a case with both is in both; the two never collide, a
 * BSUID has a dot). ListCitizenCases (the citizen's "Cek status") is one or two `_id` lookups
 * plus one per case. Written before the case insert, so every stored case is listed; an id
 * whose insert never happened is skipped, and so is a case that is not the caller's.
 */
export interface CitizenCasesDoc {
  _id: string;
  caseIds: string[];
  /** Phone refs: the BSUID a webhook linked this number to (application/citizen-identity.ts). */
  bsuid?: string;
  /** Emptied by an identity change: the key the cases moved to. */
  movedTo?: string;
}

/** Fields a list returns: the heavy, growing arrays stay behind. */
export const LIST_PROJECTION = { messages: 0, notes: 0, audit: 0, outbox: 0 } as const;
