import { AppError, toGrpcStatus } from '@pandawa/errors';
import {
  callerFromMetadata,
  callerInOwnOffice,
  loadProto,
  unaryHandler,
  withCallSpan,
  type DocumentProto,
  type grpc,
  type GrpcServer,
} from '@pandawa/grpc';
import type { Logger } from '@pandawa/logging';
import type { Actor } from '../domain/actor.js';
import type { DocumentService, ReadAttempt } from '../document.service.js';
import { toDocumentAccessMessage, toDocumentMessage } from './document.mapper.js';
import type { DocumentMethod, Req, Res } from './document.proto-types.js';
import { validateDocumentRequest, validateUploadHeader } from './document.validation.js';

export const DOCUMENT_SERVICE_NAME = 'pandawa.document.v1.DocumentService';

type UnaryMethod = Exclude<DocumentMethod, 'UploadDocument' | 'ReadDocument'>;

/** Registers pandawa.document.v1.DocumentService: each handler is metadata → service → mapper. */
export function registerDocumentGrpc(
  server: GrpcServer,
  service: DocumentService,
  logger: Logger,
): void {
  const definition = loadProto<DocumentProto>('pandawa/document/v1/document.proto').pandawa.document
    .v1.DocumentService.service;

  const traced = <T>(method: string, officeId: string, actor: Actor, fn: () => Promise<T>) =>
    withCallSpan('DocumentService', method, { officeId, role: actor.role }, fn);

  /**
   * The caller, as `callerFromMetadata` reads it. A read refused here because the caller belongs
   * to another office is recorded in the access log like the refusals of the service itself
   * (in the background: the refusal goes back to the caller exactly as before).
   */
  const callerOf = (metadata: grpc.Metadata, officeId: string, read?: ReadAttempt): Actor => {
    try {
      return callerFromMetadata(metadata, officeId);
    } catch (error) {
      if (read && error instanceof AppError && error.reason === 'OTHER_OFFICE') {
        // The same caller, in its own office: who it is was given and is valid.
        const actor = callerInOwnOffice(metadata);
        if (actor) void service.recordRefusedRead(read, actor, error);
      }
      throw error;
    }
  };

  /** The unary methods that read, as the access log records them. */
  const readOf = (method: UnaryMethod, req: unknown): ReadAttempt | undefined => {
    const r = req as { officeId: string; id?: string; caseId?: string };
    if (method === 'GetDocument')
      return { officeId: r.officeId, action: 'METADATA', documentId: r.id ?? '', caseId: null };
    if (method === 'ReadPreview')
      return { officeId: r.officeId, action: 'PREVIEW', documentId: r.id ?? '', caseId: null };
    if (method === 'ListCaseDocuments')
      return { officeId: r.officeId, action: 'LIST', documentId: '', caseId: r.caseId ?? null };
    return undefined;
  };

  const handle = <M extends UnaryMethod>(
    method: M,
    fn: (req: Req<M>, actor: Actor, signal: AbortSignal) => Promise<Res<M>>,
  ) =>
    unaryHandler<Req<M>, Res<M>>(method, logger, (req, call) => {
      // Bounds first: nothing below (the access log included) sees an out-of-bounds value.
      validateDocumentRequest(method, req);
      const officeId = (req as { officeId: string }).officeId;
      const actor = callerOf(call.metadata, officeId, readOf(method, req));
      const cancelled = new AbortController();
      call.once('cancelled', () => cancelled.abort());
      return traced(method, officeId, actor, () => fn(req, actor, cancelled.signal));
    });

  /** Logs what the caller will only see as INTERNAL; the status goes back with its metadata. */
  const statusOf = (method: string, error: unknown) => {
    const status = toGrpcStatus(error);
    if (status.details === 'internal error')
      logger.error({ err: error, method }, 'gRPC handler failed');
    return status;
  };

  const unary: { [M in UnaryMethod]: grpc.handleUnaryCall<Req<M>, Res<M>> } = {
    IngestFromWhatsApp: handle('IngestFromWhatsApp', async (req, actor, signal) => {
      const stored = await service.ingestFromWhatsApp(
        {
          officeId: req.officeId,
          mediaId: req.mediaId,
          caseId: req.caseId,
          sessionRef: req.sessionRef,
          kind: req.kind,
          citizenRef: req.citizenRef,
        },
        actor,
        signal,
      );
      return toDocumentMessage(stored.record, stored.deduplicated);
    }),
    GetDocument: handle('GetDocument', async (req, actor) =>
      toDocumentMessage(await service.get(req.officeId, req.id, actor)),
    ),
    ReadPreview: handle('ReadPreview', async (req, actor) => {
      const preview = await service.readPreview(req.officeId, req.id, actor);
      return { mimeType: 'image/jpeg', data: preview.bytes };
    }),
    ListCaseDocuments: handle('ListCaseDocuments', async (req, actor) => ({
      documents: (await service.listByCase(req.officeId, req.caseId, actor)).map((r) =>
        toDocumentMessage(r),
      ),
    })),
    AttachToCase: handle('AttachToCase', async (req, actor) =>
      toDocumentMessage(await service.attach(req.officeId, req.id, req.caseId, actor)),
    ),
    AttachSessionToCase: handle('AttachSessionToCase', async (req, actor) => ({
      documents: (await service.attachSession(req.officeId, req.sessionRef, req.caseId, actor)).map(
        (r) => toDocumentMessage(r),
      ),
    })),
    DeleteDocument: handle('DeleteDocument', async (req, actor) => ({
      document: toDocumentMessage(await service.delete(req.officeId, req.id, req.reason, actor)),
    })),
    ListDocumentAccess: handle('ListDocumentAccess', async (req, actor) => {
      const page = await service.listAccess(
        req.officeId,
        {
          caseId: req.caseId,
          documentId: req.documentId,
          actorId: req.actorId,
          from: req.from,
          to: req.to,
          pageSize: req.pageSize,
          pageToken: req.pageToken,
        },
        actor,
      );
      return {
        entries: page.entries.map(toDocumentAccessMessage),
        nextPageToken: page.nextPageToken,
      };
    }),
  };

  /** Client stream: a header, then bytes. Refused as soon as it is over the size limit. */
  const UploadDocument: grpc.handleClientStreamingCall<
    Req<'UploadDocument'>,
    Res<'UploadDocument'>
  > = (call, callback) => {
    const run = async () => {
      const messages = call[Symbol.asyncIterator]() as AsyncIterator<Req<'UploadDocument'>>;
      const first = await messages.next();
      const header = first.done ? undefined : first.value.header;
      if (!header)
        throw new AppError('INVALID_ARGUMENT', 'the first message must be the header', {
          reason: 'UPLOAD_HEADER_REQUIRED',
        });
      const declaredSizeBytes = validateUploadHeader(header);
      const actor = callerFromMetadata(call.metadata, header.officeId);
      async function* bytes(): AsyncGenerator<Buffer> {
        for (;;) {
          const next = await messages.next();
          if (next.done) return;
          if (next.value.part !== 'chunk' || !next.value.chunk)
            throw new AppError('INVALID_ARGUMENT', 'only bytes may follow the header', {
              reason: 'UPLOAD_OUT_OF_ORDER',
            });
          yield next.value.chunk;
        }
      }
      return traced('UploadDocument', header.officeId, actor, async () => {
        const stored = await service.upload(
          {
            officeId: header.officeId,
            caseId: header.caseId,
            kind: header.kind,
            declaredSizeBytes,
          },
          bytes(),
          actor,
        );
        return toDocumentMessage(stored.record, stored.deduplicated);
      });
    };
    run().then(
      (response) => callback(null, response),
      (error: unknown) => {
        const status = statusOf('UploadDocument', error);
        callback({ code: status.code, details: status.details, metadata: status.metadata });
      },
    );
  };

  /** Server stream: the document's metadata first, then its bytes, one stored chunk per message. */
  const ReadDocument: grpc.handleServerStreamingCall<Req<'ReadDocument'>, Res<'ReadDocument'>> = (
    call,
  ) => {
    const run = async () => {
      validateDocumentRequest('ReadDocument', call.request);
      const { officeId, id } = call.request;
      const actor = callerOf(call.metadata, officeId, {
        officeId,
        action: 'READ',
        documentId: id,
        caseId: null,
      });
      await traced('ReadDocument', officeId, actor, async () => {
        const { record, content } = await service.read(officeId, id, actor);
        let document: Res<'ReadDocument'>['document'] = toDocumentMessage(record);
        for await (const data of content) {
          if (call.cancelled) {
            await content.return(undefined);
            return;
          }
          const ok = call.write(document ? { document, data } : { data });
          document = undefined;
          if (!ok) await drained(call);
        }
        if (document) call.write({ document });
        call.end();
      });
    };
    run().catch((error: unknown) => {
      const status = statusOf('ReadDocument', error);
      call.emit('error', { code: status.code, details: status.details, metadata: status.metadata });
    });
  };

  server.addService(DOCUMENT_SERVICE_NAME, definition, { ...unary, UploadDocument, ReadDocument });
}

/** Resolves when the stream can take more, or the caller went away. */
function drained(call: grpc.ServerWritableStream<unknown, unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
  });
}
