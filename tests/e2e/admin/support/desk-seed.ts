import { callerMetadata, callUnary, type grpc } from '@pandawa/grpc';
import { fromGrpcError } from '@pandawa/errors';
import type { CallerRole } from '@pandawa/contracts';
import { DESK_DEADLINE_MS, type DeskSystem, type Office } from './desk-system.js';

/**
 * What officers and the conversation service do to a case behind the desk, done over gRPC with
 * the services' dev keys, so the read side has something to read: documents, messages, notes.
 */
export function deskSeed(desk: DeskSystem) {
  const as = (username: string, office: Office, role: CallerRole = 'officer') => ({
    deadlineMs: DESK_DEADLINE_MS,
    metadata: callerMetadata({ id: desk.accountIds[username] ?? username, role, officeId: office }),
  });
  const service = (office: Office) => ({
    deadlineMs: DESK_DEADLINE_MS,
    metadata: callerMetadata({ id: 'conversation', role: 'service', officeId: office }),
  });
  const { cases, documents } = desk.grpc;

  /** Stores `bytes` for the case (as an officer's upload) and attaches it; the stored document. */
  async function addDocument(office: Office, caseId: string, bytes: Buffer, kind = 'KK') {
    const doc = await new Promise<{ id: string; sha256: string; mimeType: string }>(
      (resolve, reject) => {
        const call = documents.uploadDocument(
          as(`officer.${office}`, office).metadata,
          { deadline: Date.now() + DESK_DEADLINE_MS },
          (error: grpc.ServiceError | null, response) =>
            error ? reject(fromGrpcError(error)) : resolve(response!),
        );
        call.write({
          header: {
            officeId: office,
            caseId,
            kind,
            declaredMimeType: '',
            declaredSizeBytes: bytes.length,
          },
        });
        for (let at = 0; at < bytes.length; at += 64 * 1024)
          call.write({ chunk: bytes.subarray(at, at + 64 * 1024) });
        call.end();
      },
    );
    await callUnary(
      cases,
      cases.attachDocuments,
      { officeId: office, caseId, documentIds: [doc.id] },
      service(office),
    );
    return doc;
  }

  return {
    as,
    addDocument,
    citizenMessage: (office: Office, caseId: string, text: string) =>
      callUnary(
        cases,
        cases.addCitizenMessage,
        {
          officeId: office,
          caseId,
          text,
          documentIds: [],
          waMessageId: `wamid.${caseId}.${text.length}`,
        },
        service(office),
      ),
    reply: (username: string, office: Office, caseId: string, text: string) =>
      callUnary(
        cases,
        cases.addOfficerReply,
        { officeId: office, caseId, text },
        as(username, office),
      ),
    note: (username: string, office: Office, caseId: string, text: string) =>
      callUnary(
        cases,
        cases.addInternalNote,
        { officeId: office, caseId, text },
        as(username, office),
      ),
    claim: (username: string, office: Office, caseId: string) =>
      callUnary(cases, cases.claimCase, { officeId: office, caseId }, as(username, office)),
    triage: (office: Office, caseId: string, priority: string, tags: string[]) =>
      callUnary(
        cases,
        cases.updateCaseTriage,
        { officeId: office, caseId, priority, replaceTags: true, tags } as never,
        as(`officer.${office}`, office),
      ),
    delivered: (
      office: Office,
      caseId: string,
      messageId: string,
      status: string,
      failure?: { code: number; title: string },
    ) =>
      callUnary(
        cases,
        cases.updateMessageDelivery,
        {
          officeId: office,
          caseId,
          messageId,
          deliveryStatus: status,
          ...(failure ? { failure } : {}),
        } as never,
        {
          deadlineMs: DESK_DEADLINE_MS,
          metadata: callerMetadata({ id: 'notification', role: 'service', officeId: office }),
        },
      ),
  };
}
