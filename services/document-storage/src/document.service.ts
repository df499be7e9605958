import { attachSessionToCase, attachToCase } from './application/attach-documents.js';
import type { DocumentContext } from './application/document-context.js';
import { ingestFromWhatsApp, type IngestInput } from './application/ingest-from-whatsapp.js';
import { listCaseDocuments } from './application/list-case-documents.js';
import { listDocumentAccess, type AccessLogQuery } from './application/list-document-access.js';
import { getDocument, readDocument, readPreview } from './application/read-document.js';
import { recordCaseClosed } from './application/record-case-closed.js';
import { recordRefusedRead, type ReadAttempt } from './application/refused-reads.js';
import { deleteDocument } from './application/remove-content.js';
import { rewrapKeys } from './application/rewrap-keys.js';
import { uploadDocument, type UploadInput } from './application/upload-document.js';
import type { Actor } from './domain/actor.js';

export type { StoredDocument } from './application/document-context.js';
export type { IngestInput } from './application/ingest-from-whatsapp.js';
export type { AccessLogQuery } from './application/list-document-access.js';
export type { ReadAttempt } from './application/refused-reads.js';
export type { UploadInput } from './application/upload-document.js';

/**
 * The document store's use cases behind one object, so the gRPC edge and the case-closure
 * consumer take a single dependency (as the case service's CaseService). Each use case lives in
 * its own module under application/: gets bytes (from WhatsApp or an officer's upload), decides
 * from the bytes whether they may be kept, strips what must not be kept, encrypts, stores, and
 * serves them back to callers who say who they are and why they look.
 */
export class DocumentService {
  constructor(private readonly deps: DocumentContext) {}

  ingestFromWhatsApp(input: IngestInput, actor: Actor, signal?: AbortSignal) {
    return ingestFromWhatsApp(this.deps, input, actor, signal);
  }

  upload(input: UploadInput, chunks: AsyncIterable<Buffer>, actor: Actor) {
    return uploadDocument(this.deps, input, chunks, actor);
  }

  get(officeId: string, id: string, actor: Actor) {
    return getDocument(this.deps, officeId, id, actor);
  }

  read(officeId: string, id: string, actor: Actor) {
    return readDocument(this.deps, officeId, id, actor);
  }

  readPreview(officeId: string, id: string, actor: Actor) {
    return readPreview(this.deps, officeId, id, actor);
  }

  listByCase(officeId: string, caseId: string, actor: Actor) {
    return listCaseDocuments(this.deps, officeId, caseId, actor);
  }

  listAccess(officeId: string, query: AccessLogQuery, actor: Actor) {
    return listDocumentAccess(this.deps, officeId, query, actor);
  }

  /** For the gRPC edge, which refuses a caller of another office before any use case runs. */
  recordRefusedRead(attempt: ReadAttempt, actor: Actor, error: unknown) {
    return recordRefusedRead(this.deps, attempt, actor, error);
  }

  attach(officeId: string, id: string, caseId: string, actor: Actor) {
    return attachToCase(this.deps, officeId, id, caseId, actor);
  }

  attachSession(officeId: string, sessionRef: string, caseId: string, actor: Actor) {
    return attachSessionToCase(this.deps, officeId, sessionRef, caseId, actor);
  }

  delete(officeId: string, id: string, reason: string, actor: Actor) {
    return deleteDocument(this.deps, officeId, id, reason, actor);
  }

  recordCaseClosed(officeId: string, caseId: string, closedAt: Date, status: string) {
    return recordCaseClosed(this.deps, officeId, caseId, closedAt, status);
  }

  rewrapKeys(batch?: number) {
    return rewrapKeys(this.deps, batch);
  }
}
