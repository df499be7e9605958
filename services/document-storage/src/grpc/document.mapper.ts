import type { AccessLogRecord } from '../store/access-log.repository.js';
import type { DocumentRecord } from '../store/document.record.js';
import type { DocumentMessage, Res } from './document.proto-types.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');

/** The wire shape of a document: identifiers and facts, never keys, citizen references or content. */
export function toDocumentMessage(record: DocumentRecord, deduplicated = false): DocumentMessage {
  return {
    id: record._id,
    officeId: record.officeId,
    caseId: record.caseId ?? '',
    kind: record.kind,
    mimeType: record.mimeType,
    sizeBytes: String(record.sizeBytes),
    sha256: record.sha256,
    createdAt: iso(record.createdAt),
    sessionRef: record.sessionRef ?? '',
    source: record.source,
    status: record.status,
    width: record.width ?? 0,
    height: record.height ?? 0,
    hasPreview: record.status === 'STORED' && record.previewChunks > 0,
    attachedAt: iso(record.attachedAt),
    removedAt: iso(record.removedAt),
    deduplicated,
  };
}

type DocumentAccessMessage = NonNullable<Res<'ListDocumentAccess'>['entries']>[number];

/** One access-log entry on the wire: who, what, when, why; nothing of the content. */
export function toDocumentAccessMessage(entry: AccessLogRecord): DocumentAccessMessage {
  return {
    id: entry._id,
    officeId: entry.officeId,
    documentId: entry.documentId,
    caseId: entry.caseId ?? '',
    action: entry.action,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    actorOfficeId: entry.actorOfficeId ?? '',
    reason: entry.reason,
    outcome: entry.outcome,
    deniedReason: entry.deniedReason ?? '',
    at: iso(entry.at),
  };
}
