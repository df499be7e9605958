import type { CaseProto, ClientResponse, DocumentProto } from '@pandawa/grpc';
import { maskIdNumber, maskPersonalData, maskPhone } from '@pandawa/logging';
import type { z } from 'zod';
import type {
  actorRef,
  auditOut,
  caseDetail,
  caseSummary,
  citizenOut,
  documentOut,
  threadMessageOut,
} from './case.schemas.js';

export type CaseServiceDef = CaseProto['pandawa']['case']['v1']['CaseService']['service'];
export type DocumentServiceDef =
  DocumentProto['pandawa']['document']['v1']['DocumentService']['service'];
export type CaseMessage = ClientResponse<CaseServiceDef, 'GetCase'>;
export type DocumentMessage = ClientResponse<DocumentServiceDef, 'GetDocument'>;
type ActorRef = z.input<typeof actorRef>;

/** Names officers by account id; the routes give one backed by the office's accounts. */
export type OfficerNames = (accountId: string) => ActorRef;

const orNull = (s: string | null | undefined) => (s ? s : null);

const PRIORITY = { PRIORITY_LOW: 'LOW', PRIORITY_NORMAL: 'NORMAL', PRIORITY_HIGH: 'HIGH' } as const;
const priorityOf = (p: string) => PRIORITY[p as keyof typeof PRIORITY] ?? 'NORMAL';

const DELIVERY = {
  DELIVERY_PENDING: 'pending',
  DELIVERY_SENT: 'sent',
  DELIVERY_DELIVERED: 'delivered',
  DELIVERY_READ: 'read',
  DELIVERY_FAILED: 'failed',
} as const;
const AUTHOR = { AUTHOR_CITIZEN: 'citizen', AUTHOR_OFFICER: 'officer' } as const;

export const SYSTEM_ACTOR: ActorRef = { kind: 'system', id: null, displayName: null, role: null };
const CITIZEN_ACTOR: ActorRef = { kind: 'citizen', id: null, displayName: null, role: 'citizen' };

/** NIK and KK shown as `1471********0001`, phone as `6281********01`; never in full. */
export function citizenOf(c: CaseMessage['citizen']): z.input<typeof citizenOut> {
  return {
    name: c?.name ?? '',
    profileName: c?.profileName ?? '',
    nikMasked: c?.nik ? maskIdNumber(c.nik) : null,
    kkNumberMasked: c?.kkNumber ? maskIdNumber(c.kkNumber) : null,
    phoneMasked: c?.phone ? maskPhone(c.phone) : null,
    hasBsuid: Boolean(c?.bsuid),
  };
}

function caseFields(c: CaseMessage, names: OfficerNames) {
  const sla = c.sla;
  const detail = c.statusDetail;
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    status: c.status as z.input<typeof caseSummary>['status'],
    category: c.category as z.input<typeof caseSummary>['category'],
    priority: priorityOf(c.priority),
    tags: c.tags,
    citizen: citizenOf(c.citizen),
    assignee: c.assigneeId ? names(c.assigneeId) : null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: Number(c.version),
    sla: {
      firstResponseDueAt: orNull(sla?.firstResponseDueAt),
      firstResponseAt: orNull(sla?.firstResponseAt),
      firstResponseBreached: sla?.firstResponseBreached ?? false,
      resolutionDueAt: orNull(sla?.resolutionDueAt),
      resolvedAt: orNull(sla?.resolvedAt),
      resolutionBreached: sla?.resolutionBreached ?? false,
      resolutionPausedAt: orNull(sla?.resolutionPausedAt),
    },
    statusDetail: {
      reason: detail?.reason ?? '',
      missingItems: detail?.missingItems ?? [],
      visitInstructions: detail?.visitInstructions ?? '',
    },
    documentCount: c.documentIds.length,
    awaitingOfficer: c.handoff?.active ?? false,
  };
}

/** A queue row: the case service's list entry (no NIK or KK, description cut to 160). */
export function toCaseSummary(c: CaseMessage, names: OfficerNames): z.input<typeof caseSummary> {
  return { ...caseFields(c, names), descriptionPreview: c.description };
}

function threadOf(c: CaseMessage, names: OfficerNames): z.input<typeof threadMessageOut>[] {
  return c.messages.map((m) => {
    const author = AUTHOR[m.author as keyof typeof AUTHOR] ?? 'bot';
    return {
      id: m.id,
      author,
      officer: author === 'officer' && m.actorId ? names(m.actorId) : null,
      text: m.text,
      createdAt: m.createdAt,
      delivery: DELIVERY[m.deliveryStatus as keyof typeof DELIVERY] ?? null,
      deliveryFailure: m.deliveryFailure
        ? { code: m.deliveryFailure.code, title: m.deliveryFailure.title }
        : null,
      documentIds: m.documentIds,
    };
  });
}

/** `before`/`after` are JSON of the changed fields: parsed, masked as a log line would be. */
function changes(json: string): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (maskPersonalData(value) as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Who an audit entry names: an officer by account, a citizen without their key, else the system. */
function auditActor(role: string, id: string, names: OfficerNames): ActorRef {
  if (role === 'citizen') return CITIZEN_ACTOR;
  if (['officer', 'supervisor', 'admin'].includes(role) && id) return names(id);
  return { ...SYSTEM_ACTOR, role: role || null };
}

function auditOf(c: CaseMessage, names: OfficerNames): z.input<typeof auditOut>[] {
  return c.audit.map((a) => ({
    at: a.at,
    actor: auditActor(a.actorRole, a.actorId, names),
    action: a.action,
    before: changes(a.before),
    after: changes(a.after),
    reason: a.reason,
  }));
}

export function toDocumentOut(d: DocumentMessage): z.input<typeof documentOut> {
  return {
    id: d.id,
    kind: d.kind,
    mimeType: d.mimeType,
    sizeBytes: Number(d.sizeBytes),
    sha256: d.sha256,
    status: d.status as z.input<typeof documentOut>['status'],
    source: d.source,
    width: d.width || null,
    height: d.height || null,
    hasPreview: d.hasPreview,
    createdAt: orNull(d.createdAt),
    attachedAt: orNull(d.attachedAt),
    removedAt: orNull(d.removedAt),
  };
}

export function toCaseDetail(
  c: CaseMessage,
  documents: DocumentMessage[],
  names: OfficerNames,
): z.input<typeof caseDetail> {
  return {
    ...caseFields(c, names),
    description: c.description,
    thread: threadOf(c, names),
    notes: c.notes.map((n) => ({
      id: n.id,
      author: names(n.actorId),
      text: n.text,
      createdAt: n.createdAt,
    })),
    audit: auditOf(c, names),
    documents: documents.map(toDocumentOut),
  };
}

/** Every officer account id a case names (assignee, replies, notes, audit), to look up once. */
export function officerIdsOf(c: CaseMessage): string[] {
  const ids = new Set<string>();
  if (c.assigneeId) ids.add(c.assigneeId);
  for (const m of c.messages) if (m.author === 'AUTHOR_OFFICER' && m.actorId) ids.add(m.actorId);
  for (const n of c.notes) if (n.actorId) ids.add(n.actorId);
  for (const a of c.audit)
    if (['officer', 'supervisor', 'admin'].includes(a.actorRole) && a.actorId) ids.add(a.actorId);
  return [...ids];
}
