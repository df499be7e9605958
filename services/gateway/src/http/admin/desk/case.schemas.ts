import { CASE_LIMITS, caseCategoryValues, caseStatusValues } from '@pandawa/contracts';
import { z } from 'zod';

/**
 * The case desk's read shapes (queue, detail). Enum names are the contract's (architecture §7);
 * the citizen is shown masked (`1471********0001`, as in every log): no read sends a full NIK,
 * KK number, phone number or BSUID (the full NIK and KK only `POST /cases/{id}/identity/reveal`,
 * audited: identity-reveal.routes.ts).
 */
export const caseStatus = z.enum(caseStatusValues);
export const caseCategory = z.enum(caseCategoryValues);
export const casePriority = z.enum(['LOW', 'NORMAL', 'HIGH']);
export const deliveryState = z.enum(['pending', 'sent', 'delivered', 'read', 'failed']);

const time = z.iso.datetime();
const nullableTime = time.nullable();

/** Someone the desk names: an officer account (display name when known), the bot, a citizen. */
export const actorRef = z
  .object({
    kind: z.enum(['officer', 'citizen', 'system']),
    /** The officer's account id; null for the citizen and the system. */
    id: z.string().nullable(),
    displayName: z.string().nullable(),
    role: z.string().nullable(),
  })
  .meta({ id: 'ActorRef' });

export const citizenOut = z
  .object({
    name: z.string(),
    profileName: z.string(),
    /** `1471********0001`; null when not given. List results never carry it. */
    nikMasked: z.string().nullable(),
    kkNumberMasked: z.string().nullable(),
    /** `6281********01`; null for a citizen known only by BSUID. */
    phoneMasked: z.string().nullable(),
    /** WhatsApp's business-scoped user id is known (replies can reach a citizen without a phone). */
    hasBsuid: z.boolean(),
  })
  .meta({ id: 'CaseCitizen' });

export const slaOut = z
  .object({
    firstResponseDueAt: nullableTime,
    firstResponseAt: nullableTime,
    firstResponseBreached: z.boolean(),
    resolutionDueAt: nullableTime,
    resolvedAt: nullableTime,
    resolutionBreached: z.boolean(),
    /** Set while the case waits on the citizen: the resolution clock is paused. */
    resolutionPausedAt: nullableTime,
  })
  .meta({ id: 'CaseSla' });

export const statusDetailOut = z
  .object({
    reason: z.string(),
    missingItems: z.array(z.string()),
    visitInstructions: z.string(),
  })
  .meta({ id: 'CaseStatusDetail' });

const caseFields = {
  id: z.string(),
  trackingCode: z.string(),
  status: caseStatus,
  category: caseCategory,
  priority: casePriority,
  tags: z.array(z.string()),
  citizen: citizenOut,
  assignee: actorRef.nullable(),
  createdAt: time,
  updatedAt: time,
  /** For `expected_version` on changes. */
  version: z.number().int().nonnegative(),
  sla: slaOut,
  statusDetail: statusDetailOut,
  documentCount: z.number().int().nonnegative(),
  /** The citizen asked for an officer and waits (an active handoff): the bot is quiet. */
  awaitingOfficer: z.boolean(),
};

export const caseSummary = z
  .object({
    ...caseFields,
    /** The description's first 160 characters. */
    descriptionPreview: z.string(),
  })
  .meta({ id: 'CaseSummary' });

export const threadMessageOut = z
  .object({
    id: z.string(),
    /** citizen: from WhatsApp; officer: a reply; bot: the system's own messages. */
    author: z.enum(['citizen', 'officer', 'bot']),
    /** The officer who replied; null for the citizen and the bot. */
    officer: actorRef.nullable(),
    text: z.string(),
    createdAt: time,
    /** Delivery ticks of what went to the citizen (officer replies); null for inbound messages. */
    delivery: deliveryState.nullable(),
    /** Meta's reason when `delivery` is failed (e.g. 131026, "Message undeliverable"). */
    deliveryFailure: z.object({ code: z.number().int(), title: z.string() }).nullable(),
    documentIds: z.array(z.string()),
  })
  .meta({ id: 'ThreadMessage' });

export const noteOut = z
  .object({ id: z.string(), author: actorRef, text: z.string(), createdAt: time })
  .meta({ id: 'InternalNote' });

export const auditOut = z
  .object({
    at: time,
    actor: actorRef,
    action: z.string(),
    /** The fields that changed, before and after (personal data masked). */
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    reason: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const documentOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    /** Of the stored bytes (hex): what a download must hash to. */
    sha256: z.string(),
    status: z.enum(['STORED', 'PURGED', 'DELETED']),
    source: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hasPreview: z.boolean(),
    createdAt: nullableTime,
    attachedAt: nullableTime,
    removedAt: nullableTime,
  })
  .meta({ id: 'CaseDocument' });

export const caseDetail = z
  .object({
    ...caseFields,
    description: z.string(),
    thread: z.array(threadMessageOut),
    notes: z.array(noteOut),
    audit: z.array(auditOut),
    documents: z.array(documentOut),
  })
  .meta({ id: 'CaseDetail' });

const csv = <T extends string>(values: readonly [T, ...T[]], max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const caseIdParam = z
  .object({
    caseId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();

/** The queue's filters (all combine); cursor pages in the order asked. */
export const caseQueueQuery = z
  .object({
    /** Comma-separated, any of them: `BARU,DIPROSES`. */
    status: csv(caseStatusValues, 200).optional(),
    category: caseCategory.optional(),
    /** `mine`, `unassigned`, or an officer's account id. */
    assignee: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    priority: casePriority.optional(),
    tag: z.string().trim().min(1).max(CASE_LIMITS.tag).optional(),
    /** A tracking code (or its start) or the start of a word of the citizen's name. */
    q: z.string().trim().min(1).max(CASE_LIMITS.query).optional(),
    slaBreached: z.enum(['true', 'false']).optional(),
    /** Only cases whose citizen waits for an officer (an active handoff). */
    awaitingOfficer: z.enum(['true']).optional(),
    createdFrom: z.iso.datetime({ offset: true }).optional(),
    createdTo: z.iso.datetime({ offset: true }).optional(),
    /** `newest` (default) or `sla_due`: the open cases whose clock runs, soonest due first. */
    order: z.enum(['newest', 'sla_due']).default('newest'),
    cursor: z.string().max(CASE_LIMITS.pageToken).optional(),
    limit: z.coerce.number().int().min(1).max(CASE_LIMITS.pageSize).default(25),
  })
  .strict();
