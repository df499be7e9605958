import { z } from 'zod';
import { citizenIdentitySchema } from '../citizen.js';
import { defineEvent } from '../envelope.js';
import { CASE_LIMITS, COMMON_LIMITS } from '../limits.js';

/**
 * Facts the case service publishes on `case.events.<type>` (architecture §3, §7). The envelope id is
 * stored with the write that caused the event (the outbox), so a republished event keeps its id
 * and consumers de-duplicate on it. No NIK or KK number travels here; the citizen's identity
 * (`citizen`, architecture §1) does, because notification needs it to tell the citizen.
 * Version 2: `citizenWaId` (a phone number) became `citizen`, a CitizenIdentity.
 */
export const caseStatusValues = [
  'BARU',
  'DIVERIFIKASI',
  'DIPROSES',
  'MENUNGGU_DATA',
  'PERLU_KUNJUNGAN',
  'SELESAI',
  'DITOLAK',
  'DIBATALKAN',
] as const;

export const caseCategoryValues = [
  'NIK_TIDAK_AKTIF',
  'DATA_GANDA',
  'DATA_TIDAK_SESUAI',
  'KENDALA_INSTANSI_LAIN',
  'KK_KTP_BERMASALAH',
  'LAINNYA',
] as const;

const caseRef = {
  caseId: z.string().min(1),
  trackingCode: z.string().min(1),
  /** Who to tell: send to `citizen.phone` when present, else to `citizen.bsuid`. */
  citizen: citizenIdentitySchema,
};

const actor = z.object({ id: z.string(), role: z.string() });

export const caseCreated = defineEvent(
  'case.events.created',
  2,
  z.object({
    ...caseRef,
    category: z.enum(caseCategoryValues),
    status: z.enum(caseStatusValues),
    firstResponseDueAt: z.iso.datetime({ offset: true }),
    resolutionDueAt: z.iso.datetime({ offset: true }),
  }),
);

export const caseStatusChanged = defineEvent(
  'case.events.status_changed',
  2,
  z.object({
    ...caseRef,
    from: z.enum(caseStatusValues),
    to: z.enum(caseStatusValues),
    // Bounded as the request that caused it (limits.ts): notification forwards them to WhatsApp.
    reason: z.string().max(CASE_LIMITS.reason).optional(),
    missingItems: z
      .array(z.string().max(CASE_LIMITS.missingItem))
      .max(CASE_LIMITS.missingItems)
      .optional(),
    visitInstructions: z.string().max(CASE_LIMITS.visitInstructions).optional(),
    actor,
  }),
);

export const caseAssigned = defineEvent(
  'case.events.assigned',
  2,
  z.object({
    ...caseRef,
    /** Empty when the case was unassigned. */
    assigneeId: z.string(),
    previousAssigneeId: z.string(),
    actor,
  }),
);

/** A message from the citizen joined the thread. The text stays in the case service. */
export const caseMessageAdded = defineEvent(
  'case.events.message_added',
  2,
  z.object({ ...caseRef, messageId: z.string(), documentIds: z.array(z.string()) }),
);

/**
 * An officer replied; notification sends `text` to the citizen. `asTemplate` (added in v2, absent
 * = false): the officer chose the officer-reply template because the 24-hour window was closed;
 * notification sends that template, and `text` is the template's text as the citizen reads it.
 */
export const caseReplyAdded = defineEvent(
  'case.events.reply_added',
  2,
  z.object({
    ...caseRef,
    messageId: z.string(),
    text: z.string().min(1).max(CASE_LIMITS.replyText),
    asTemplate: z.boolean().optional(),
    actor,
  }),
);

/**
 * Stored documents joined the case (from the citizen through the conversation service, or from
 * an officer). Carries ids only; the documents stay in document-storage.
 */
export const caseDocumentsAttached = defineEvent(
  'case.events.documents_attached',
  2,
  z.object({
    ...caseRef,
    documentIds: z.array(z.string().max(COMMON_LIMITS.id)).min(1).max(CASE_LIMITS.documentIds),
    actor,
  }),
);

/** An officer changed the case's priority or tags (what lists filter on). */
export const caseTriaged = defineEvent(
  'case.events.triaged',
  2,
  z.object({
    ...caseRef,
    priority: z.enum(['PRIORITY_LOW', 'PRIORITY_NORMAL', 'PRIORITY_HIGH']),
    tags: z.array(z.string().max(CASE_LIMITS.tag)).max(CASE_LIMITS.tags),
    actor,
  }),
);

/**
 * The citizen asked for an officer (`active`: the bot stays quiet on the case), or an officer
 * handed the conversation back to the bot (`active: false`, with the officer as `actor`).
 * Version 1: new with the handoff flag; it carries `citizen` like every v2 event.
 */
export const caseHandoffChanged = defineEvent(
  'case.events.handoff_changed',
  1,
  z.object({
    ...caseRef,
    active: z.boolean(),
    requestedAt: z.iso.datetime({ offset: true }),
    /** Set when the handoff ended. */
    endedAt: z.iso.datetime({ offset: true }).optional(),
    actor,
  }),
);

export const caseSlaBreached = defineEvent(
  'case.events.sla_breached',
  2,
  z.object({
    ...caseRef,
    clock: z.enum(['first_response', 'resolution']),
    dueAt: z.iso.datetime({ offset: true }),
    assigneeId: z.string(),
  }),
);

export const caseEvents = {
  created: caseCreated,
  status_changed: caseStatusChanged,
  assigned: caseAssigned,
  message_added: caseMessageAdded,
  reply_added: caseReplyAdded,
  documents_attached: caseDocumentsAttached,
  triaged: caseTriaged,
  handoff_changed: caseHandoffChanged,
  sla_breached: caseSlaBreached,
} as const;

export type CaseEventName = keyof typeof caseEvents;
