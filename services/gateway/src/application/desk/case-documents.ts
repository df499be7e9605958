import { AppError, fromGrpcError } from '@pandawa/errors';
import { callUnary, type grpc } from '@pandawa/grpc';
import { asOfficer, type DeskClients } from '../../grpc/desk.clients.js';
import type { Officer } from '../../http/admin/authenticate.js';
import type { CaseMessage, DocumentMessage } from '../../http/admin/desk/case.mapper.js';

const notFound = () =>
  new AppError('NOT_FOUND', 'no such document in this case', { reason: 'DOCUMENT_NOT_FOUND' });

/**
 * Whether `documentId` belongs to the case: the case's own list, or a message of its thread.
 * Checked before document-storage is asked, so a document of the same office but another case
 * is 404 without a read being opened (document-storage checks the office itself).
 */
export function caseHoldsDocument(found: CaseMessage, documentId: string): boolean {
  return (
    found.documentIds.includes(documentId) ||
    found.messages.some((m) => m.documentIds.includes(documentId))
  );
}

async function caseOf(clients: DeskClients, officer: Officer, caseId: string, documentId: string) {
  const found = await callUnary(
    clients.cases,
    clients.cases.getCase,
    { officeId: officer.officeId, id: caseId },
    asOfficer(officer, clients.deadlineMs),
  );
  if (!caseHoldsDocument(found, documentId)) throw notFound();
  return found;
}

/** The preview JPEG of a case's image; document-storage records the view with its reason. */
export async function readCasePreview(
  clients: DeskClients,
  officer: Officer,
  ids: { caseId: string; documentId: string },
  reason: string,
): Promise<{ mimeType: string; data: Buffer }> {
  await caseOf(clients, officer, ids.caseId, ids.documentId);
  const { documents } = clients;
  const preview = await callUnary(
    documents,
    documents.readPreview,
    { officeId: officer.officeId, id: ids.documentId },
    asOfficer(officer, clients.deadlineMs, reason),
  );
  return { mimeType: preview.mimeType || 'image/jpeg', data: preview.data };
}

export interface OpenedDocument {
  document: DocumentMessage;
  /** The first bytes (sent with the metadata), then the rest in order. */
  chunks: AsyncGenerator<Buffer>;
  /** Stops the read (the officer went away). */
  cancel(): void;
}

/**
 * Opens a case's document as a stream from document-storage. Resolves once the first message
 * (the metadata) arrived, so a refusal is still an error the edge can answer with a status;
 * later failures end the generator with an AppError.
 */
export async function openCaseDocument(
  clients: DeskClients,
  officer: Officer,
  ids: { caseId: string; documentId: string },
  reason: string,
): Promise<OpenedDocument> {
  await caseOf(clients, officer, ids.caseId, ids.documentId);
  const opts = asOfficer(officer, clients.downloadDeadlineMs, reason);
  const call = clients.documents.readDocument(
    { officeId: officer.officeId, id: ids.documentId },
    opts.metadata!,
    { deadline: Date.now() + opts.deadlineMs },
  );
  const messages = call[Symbol.asyncIterator]() as AsyncIterator<{
    document: DocumentMessage | null;
    data: Buffer;
  }>;
  const next = async () => {
    try {
      return await messages.next();
    } catch (error) {
      throw fromGrpcError(error as grpc.ServiceError);
    }
  };
  const first = await next();
  const document = first.done ? null : first.value.document;
  if (!document || document.caseId !== ids.caseId) {
    call.cancel();
    throw notFound();
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    if (!first.done && first.value.data.length) yield first.value.data;
    for (;;) {
      const item = await next();
      if (item.done) return;
      if (item.value.data.length) yield item.value.data;
    }
  }
  return { document, chunks: chunks(), cancel: () => call.cancel() };
}
