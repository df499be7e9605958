import { AppError } from '@pandawa/errors';
import {
  callerMetadata,
  callUnary,
  createClient,
  loadProto,
  type DocumentProto,
} from '@pandawa/grpc';
import type { DocumentPort, IngestOutcome } from '../application/ports.js';

type DocumentClient = InstanceType<DocumentProto['pandawa']['document']['v1']['DocumentService']>;

/** Refusals document-storage explains to the citizen (document.proto). */
const REFUSED = new Set(['INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED', 'PAYLOAD_TOO_LARGE']);

/** DocumentService over gRPC, as the conversation service (`x-actor-role: service`). */
export class GrpcDocumentPort implements DocumentPort {
  private readonly client: DocumentClient;

  constructor(
    address: string,
    private readonly deadlineMs: number,
    /** Fetching and re-encoding a photo takes longer than a lookup. */
    private readonly ingestDeadlineMs = Math.max(deadlineMs, 30_000),
  ) {
    const Ctor = loadProto<DocumentProto>('pandawa/document/v1/document.proto').pandawa.document.v1
      .DocumentService;
    this.client = createClient(Ctor, address);
  }

  private metadata(officeId: string) {
    return callerMetadata({ id: 'conversation', role: 'service', officeId });
  }

  async ingest(input: Parameters<DocumentPort['ingest']>[0]): Promise<IngestOutcome> {
    try {
      const doc = await callUnary(
        this.client,
        this.client.ingestFromWhatsApp,
        {
          officeId: input.officeId,
          mediaId: input.mediaId,
          sessionRef: input.sessionRef,
          kind: input.kind,
          citizenRef: input.citizenRef,
        },
        { deadlineMs: this.ingestDeadlineMs, metadata: this.metadata(input.officeId) },
      );
      return { stored: true, documentId: doc.id };
    } catch (error) {
      if (error instanceof AppError && REFUSED.has(error.code))
        return { stored: false, reason: error.message.slice(0, 300) };
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        return { stored: false, reason: 'file tidak dapat diambil dari WhatsApp.' };
      throw error;
    }
  }

  async attachSession(officeId: string, sessionRef: string, caseId: string): Promise<void> {
    await callUnary(
      this.client,
      this.client.attachSessionToCase,
      { officeId, sessionRef, caseId },
      { deadlineMs: this.deadlineMs, metadata: this.metadata(officeId) },
    );
  }

  async attach(officeId: string, documentId: string, caseId: string): Promise<void> {
    await callUnary(
      this.client,
      this.client.attachToCase,
      { officeId, id: documentId, caseId },
      { deadlineMs: this.deadlineMs, metadata: this.metadata(officeId) },
    );
  }

  close(): void {
    this.client.close();
  }
}
