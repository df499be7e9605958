import type { DocumentRecord } from '../store/document.record.js';
import type { DocumentMessage } from './document.proto-types.js';

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
