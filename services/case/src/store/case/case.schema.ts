import type { CaseEventName, Envelope } from '@pandawa/contracts';
import type {
  CaseCategory,
  CasePriority,
  CaseStatus,
  DeliveryStatus,
} from '../../domain/case.types.js';
import type { StatusDetail } from '../../domain/case-lifecycle.js';
import type { SlaClocks } from '../../domain/sla-clocks.js';

export const CASE_COLLECTION = 'cases';

export interface CitizenDoc {
  waId: string;
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
  createdAt: Date;
  updatedAt: Date;
  sla: SlaDoc;
  /** Either clock breached: the list filter. */
  slaBreached: boolean;
  /** Earliest due time of a clock still running and not yet breached; null when none. */
  slaNextCheckAt: Date | null;
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
 * Every query the repository runs has an index here; each names its query. All case queries
 * start with `officeId` (the repository forces it into every filter) except the relay's and the
 * SLA checker's, which sweeps every office.
 *
 * FerretDB v1.24 (SQLite backend) uses none of these for queries: it pushes down only a filter
 * that is exactly `{ _id: <string> }` and scans the table for anything else (see
 * internal/backends/sqlite/collection.go, Query). It does enforce the unique ones. MongoDB uses
 * them all. Single-case reads and writes therefore go by `_id` (see CaseDocument._id). Even
 * that is a scan inside SQLite there, only a cheaper one: the `_id` index is built on
 * `json->"_id"` while the pushed-down query compares `json->'$._id'`, which SQLite does not
 * match to the index (FerretDB v1.24 metadata/registry.go vs collection.go). FerretDB v1 has no partial or TTL indexes (DESIGN §5).
 */
export const CASE_INDEXES: IndexSpec[] = [
  // GetCase by tracking code; ListCases with a tracking-code prefix; uniqueness per office.
  { key: { officeId: 1, trackingCode: 1 }, name: 'office_tracking_code', unique: true },
  // CreateCase idempotency: the same key in an office finds the same case.
  { key: { officeId: 1, idempotencyKey: 1 }, name: 'office_idempotency_key', unique: true },
  // ListCases with no filter (newest first, cursor on createdAt + _id); statistics' window.
  { key: { officeId: 1, createdAt: -1, _id: -1 }, name: 'office_created' },
  // ListCases filtered by status.
  { key: { officeId: 1, status: 1, createdAt: -1, _id: -1 }, name: 'office_status_created' },
  // ListCases filtered by category.
  { key: { officeId: 1, category: 1, createdAt: -1, _id: -1 }, name: 'office_category_created' },
  // ListCases filtered by assignee, and "unassigned" (assigneeId = '').
  { key: { officeId: 1, assigneeId: 1, createdAt: -1, _id: -1 }, name: 'office_assignee_created' },
  // ListCases filtered by SLA breached.
  { key: { officeId: 1, slaBreached: 1, createdAt: -1, _id: -1 }, name: 'office_breached_created' },
  // ListCitizenCases: a citizen's own cases, newest first.
  { key: { officeId: 1, 'citizen.waId': 1, createdAt: -1 }, name: 'office_citizen_created' },
  // ListCases with a citizen-name prefix.
  { key: { officeId: 1, searchName: 1 }, name: 'office_search_name' },
  // SLA checker: cases whose next due time has passed (all offices).
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
 * `<officeId>/citizen/<waId>` → the ids of that citizen's cases, oldest first: ListCitizenCases
 * (the citizen's "Cek status") is one `_id` lookup plus one per case. Written before the case
 * insert, so every stored case is listed; an id whose insert never happened is skipped.
 */
export interface CitizenCasesDoc {
  _id: string;
  caseIds: string[];
}

/** Fields a list returns: the heavy, growing arrays stay behind. */
export const LIST_PROJECTION = { messages: 0, notes: 0, audit: 0, outbox: 0 } as const;
