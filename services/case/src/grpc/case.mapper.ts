import { maskIdNumber } from '@pandawa/logging';
import { isStaff, type Actor } from '../domain/case.types.js';
import { identityOf } from '../domain/citizen-identity.js';
import { handoffActive } from '../domain/handoff.js';
import type { CaseListEntry } from '../read-model/case-list.entry.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseMessage, Res } from './case.proto-types.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : '');

const AUTHOR = {
  citizen: 'AUTHOR_CITIZEN',
  officer: 'AUTHOR_OFFICER',
  system: 'AUTHOR_SYSTEM',
} as const;

/** A whole case (GetCase, writes) or a list entry (lists: no thread, notes, audit, NIK, KK). */
export type CaseView = CaseListEntry & Partial<Pick<CaseDocument, 'messages' | 'notes' | 'audit'>>;

/**
 * A stored case as the API shows it to `actor`. Internal notes and the audit trail are for
 * officers only; a citizen caller never receives them.
 */
export function toCaseMessage(doc: CaseView, actor: Actor): CaseMessage {
  const staff = isStaff(actor) || actor.role === 'service';
  return {
    id: doc.caseId,
    officeId: doc.officeId,
    trackingCode: doc.trackingCode,
    status: doc.status,
    category: doc.category,
    citizen: citizenMessage(doc.citizen),
    description: doc.description,
    documentIds: doc.documentIds,
    assigneeId: doc.assigneeId,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    version: doc.version,
    priority: doc.priority,
    tags: doc.tags,
    handoff: {
      requestedAt: iso(doc.handoff?.requestedAt),
      endedAt: iso(doc.handoff?.endedAt),
      endedBy: doc.handoff?.endedBy ?? '',
      active: handoffActive(doc),
    },
    sla: {
      firstResponseDueAt: iso(doc.sla.firstResponseDueAt),
      resolutionDueAt: iso(doc.sla.resolutionDueAt),
      firstResponseAt: iso(doc.sla.firstResponseAt),
      resolvedAt: iso(doc.sla.resolvedAt),
      firstResponseBreached: doc.sla.firstResponseBreached,
      resolutionBreached: doc.sla.resolutionBreached,
      resolutionPausedAt: iso(doc.sla.pausedAt),
    },
    statusDetail: {
      reason: doc.statusDetail?.reason ?? '',
      missingItems: doc.statusDetail?.missingItems ?? [],
      visitInstructions: doc.statusDetail?.visitInstructions ?? '',
    },
    messages: (doc.messages ?? []).map((m) => ({
      id: m.id,
      author: AUTHOR[m.author],
      actorId: m.actorId,
      text: m.text,
      createdAt: iso(m.createdAt),
      deliveryStatus: m.deliveryStatus ?? 'DELIVERY_STATUS_UNSPECIFIED',
      deliveryFailure: m.deliveryFailure ?? null,
      documentIds: m.documentIds,
      waMessageId: m.waMessageId,
    })),
    notes: staff ? (doc.notes ?? []).map((n) => ({ ...n, createdAt: iso(n.createdAt) })) : [],
    audit: staff
      ? (doc.audit ?? []).map((a) => ({
          at: iso(a.at),
          actorId: a.actorId,
          actorRole: a.actorRole,
          action: a.action,
          before: a.before ? JSON.stringify(a.before) : '',
          after: a.after ? JSON.stringify(a.after) : '',
          reason: a.reason,
        }))
      : [],
  };
}

/**
 * The citizen as the API shows it: a legacy record's `waId` is its phone number. NIK and KK
 * number masked (`1471********0001`) for every caller: the full numbers are answered only by
 * RevealCitizenIdentity, which audits the reveal first (application/identity-reveal.ts).
 */
function citizenMessage(c: CaseView['citizen'] & Partial<CaseDocument['citizen']>) {
  const id = identityOf(c);
  return {
    phone: id.phone ?? '',
    bsuid: id.bsuid ?? '',
    parentBsuid: id.parentBsuid ?? '',
    username: id.username ?? '',
    profileName: c.profileName,
    name: c.name,
    nik: c.nik ? maskIdNumber(c.nik) : '',
    kkNumber: c.kkNumber ? maskIdNumber(c.kkNumber) : '',
  };
}

export type StatisticsMessage = Res<'GetStatistics'>;
