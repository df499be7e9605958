import { randomBytes } from 'node:crypto';
import { fromGrpcError } from '@pandawa/errors';
import type { CallerRole } from '@pandawa/contracts';
import type { grpc } from '@pandawa/grpc';
import {
  callerMetadata as sharedCallerMetadata,
  createClient,
  GrpcServer,
  loadProto,
  type DocumentProto,
} from '@pandawa/grpc';
import { connectMongo, type Connection } from '@pandawa/mongo';
import {
  testCallerSigner,
  testCallerVerifier,
  testDbName,
  testLogger,
  testNamespace,
} from '@pandawa/testing';
import { loadDocumentConfig } from '../src/config.js';
import { createDocumentApp, type DocumentApp } from '../src/document-storage.app.js';
import type { MediaSource } from '../src/ingest/media.source.js';

export const DocumentServiceCtor = loadProto<DocumentProto>('pandawa/document/v1/document.proto')
  .pandawa.document.v1.DocumentService;
export type DocumentClient = InstanceType<typeof DocumentServiceCtor>;

export const newMasterKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

export interface Harness {
  app: DocumentApp;
  mongo: Connection;
  client: DocumentClient;
  dbName: string;
  close(): Promise<void>;
}

/**
 * One document-storage service in this process: its own database, a gRPC server on a free
 * port, and a client. `env` overrides configuration as the environment would.
 */
export async function startHarness(
  options: {
    env?: Record<string, string>;
    media?: MediaSource;
    dbName?: string;
    mongo?: Connection;
  } = {},
): Promise<Harness> {
  const logger = testLogger('document-storage-test');
  const dbName = options.dbName ?? testDbName(testNamespace(), 'document-storage');
  const mongo =
    options.mongo ??
    (await connectMongo({ url: process.env.MONGO_URL!, dbName, logger, maxPoolSize: 8 }));
  const config = loadDocumentConfig({
    MONGO_URL: process.env.MONGO_URL,
    MEDIA_FETCH_BACKOFF_MS: '20',
    ...options.env,
  });
  const server = new GrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    isHealthy: async () => true,
    callers: testCallerVerifier(),
  });
  const app = await createDocumentApp({
    config,
    mongo,
    logger,
    grpcServer: server,
    ...(options.media ? { media: options.media } : {}),
  });
  const port = await server.start();
  const client = createClient(DocumentServiceCtor, `127.0.0.1:${port}`, {
    maxAttempts: 1,
    signer: testCallerSigner(),
  });
  return {
    app,
    mongo,
    client,
    dbName,
    close: async () => {
      client.close();
      await server.shutdown(1000);
      if (!options.mongo) {
        await mongo.dropDatabase();
        await mongo.close();
      }
    },
  };
}

/** A Document as the client receives it (the fields the tests look at). */
export interface DocOut {
  id: string;
  officeId: string;
  caseId: string;
  mimeType: string;
  sizeBytes: string;
  sha256: string;
  status: string;
  source: string;
  width: number;
  height: number;
  hasPreview: boolean;
  deduplicated: boolean;
  removedAt: string;
}

export interface Caller {
  id?: string;
  role?: string;
  officeId?: string;
  reason?: string;
}

export function callerMetadata(caller: Caller = {}): grpc.Metadata {
  return sharedCallerMetadata({
    id: caller.id ?? 'officer-1',
    role: (caller.role ?? 'officer') as CallerRole,
    officeId: caller.officeId ?? 'pekanbaru',
    reason: caller.reason ?? 'verifikasi pengaduan',
  });
}

const deadline = () => ({ deadline: Date.now() + 30_000 });

/** Calls a unary method of the client with metadata; failures come back as AppError. */
export function unary<Req, Res>(
  client: DocumentClient,
  method: string,
  request: Req,
  md: grpc.Metadata = callerMetadata({ role: 'service', id: 'conversation' }),
): Promise<Res> {
  type Unary = (
    request: Req,
    md: grpc.Metadata,
    options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response: Res) => void,
  ) => void;
  const fn = (client as unknown as Record<string, Unary>)[method]!;
  return new Promise((resolve, reject) =>
    fn.call(client, request, md, deadline(), (error: grpc.ServiceError | null, response: Res) =>
      error ? reject(fromGrpcError(error)) : resolve(response),
    ),
  );
}

/** Reads a document through the server stream: the metadata and the bytes. */
export function readDocument(
  client: DocumentClient,
  officeId: string,
  id: string,
  md: grpc.Metadata = callerMetadata(),
): Promise<{ document: DocOut; bytes: Buffer; messages: number }> {
  return new Promise((resolve, reject) => {
    const call = client.readDocument({ officeId, id }, md, deadline());
    const parts: Buffer[] = [];
    let document: DocOut | undefined;
    let messages = 0;
    call.on('data', (msg: { document?: DocOut | null; data: Buffer }) => {
      messages++;
      if (msg.document) document = msg.document;
      parts.push(msg.data);
    });
    call.on('error', (error: grpc.ServiceError) => reject(fromGrpcError(error)));
    call.on('end', () =>
      resolve({ document: document as DocOut, bytes: Buffer.concat(parts), messages }),
    );
  });
}

/** Uploads through the client stream, in chunks of `chunkSize`. */
export function uploadDocument(
  client: DocumentClient,
  header: { officeId: string; caseId: string; kind: string; declaredSizeBytes?: number },
  bytes: Buffer,
  md: grpc.Metadata = callerMetadata(),
  chunkSize = 64 * 1024,
): Promise<DocOut> {
  return new Promise((resolve, reject) => {
    const call = client.uploadDocument(md, deadline(), (error, response) =>
      error ? reject(fromGrpcError(error)) : resolve(response as unknown as DocOut),
    );
    call.write({
      header: { ...header, declaredSizeBytes: header.declaredSizeBytes ?? bytes.length },
    });
    for (let at = 0; at < bytes.length; at += chunkSize)
      call.write({ chunk: bytes.subarray(at, at + chunkSize) });
    call.end();
  });
}
