import { randomBytes, randomUUID } from 'node:crypto';
import { DEV_ONLY_CALLER_SIGNING_KEYS } from '@pandawa/config';
import { CALLER_ISSUER_ROLES, type CallerIssuer, type CallerRole } from '@pandawa/contracts';
import { fromGrpcError, type AppError } from '@pandawa/errors';
import type { grpc } from '@pandawa/grpc';
import {
  CALLER_PROOF_KEY,
  callerCredential,
  callerMetadata,
  createClient,
  loadProto,
  signCallerProof,
  type CallerCredential,
  type CaseProto,
  type DocumentProto,
  type NotificationProto,
} from '@pandawa/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskSystem, type DeskSystem, type SeededCase } from './support/desk-system.js';

// Acceptance 1 of issue 14, behind the gateway: the forged identities of the HTTP matrix, sent
// straight at the gRPC ports of case, document-storage and notification, for EVERY method of
// each service (read from the proto, so a new method is covered at once; its sample request
// comes from REQUESTS below, and a method without one fails). Each forgery differs from a call
// the server accepts (the control) in one thing only. services/case/test/caller-proof.int.test.ts
// and services/document-storage/test/caller-proof.int.test.ts test the verifier in depth
// (tampered claims, unknown key ids, clear metadata that disagrees) on one method each.

const OFFICE = 'pekanbaru';
const DEADLINE_MS = 30_000;

type Service = 'case' | 'document' | 'notification';

interface Sample {
  /** Who may make this call: the issuing service and the role it asserts. */
  issuer: CallerIssuer;
  role: CallerRole;
  request: (seed: Seeds) => Record<string, unknown>;
  /** A refusal the control call may get after the caller check (the reason, exactly). */
  laterRefusal?: string;
}

interface Seeds {
  case: SeededCase;
}

const staff = (request: Sample['request']): Sample => ({
  issuer: 'gateway',
  role: 'supervisor',
  request,
});
const citizen = (request: Sample['request']): Sample => ({
  issuer: 'conversation',
  role: 'citizen',
  request,
});
const service = (issuer: CallerIssuer, request: Sample['request']): Sample => ({
  issuer,
  role: 'service',
  request,
});
const inCase = (extra: Record<string, unknown> = {}) =>
  staff((s) => ({ officeId: OFFICE, caseId: s.case.id, ...extra }));
const unknownId = 'tidak-ada-0000000000000000';

/** One request per method the server can validate, keyed by the method's full path. */
const REQUESTS: Record<string, Sample> = {
  '/pandawa.case.v1.CaseService/CreateCase': citizen((s) => ({
    officeId: OFFICE,
    idempotencyKey: randomUUID(),
    category: 'NIK_TIDAK_AKTIF',
    citizen: { phone: s.case.phone, name: 'Siti Aminah' },
    description: 'NIK tidak aktif',
  })),
  '/pandawa.case.v1.CaseService/GetCase': staff((s) => ({ officeId: OFFICE, id: s.case.id })),
  '/pandawa.case.v1.CaseService/ListCases': staff(() => ({ officeId: OFFICE, pageSize: 5 })),
  '/pandawa.case.v1.CaseService/ListCitizenCases': citizen((s) => ({
    officeId: OFFICE,
    phone: s.case.phone,
    pageSize: 5,
  })),
  '/pandawa.case.v1.CaseService/TransitionCase': inCase({ toStatus: 'DIVERIFIKASI' }),
  '/pandawa.case.v1.CaseService/AssignCase': inCase({ assigneeId: 'officer-1' }),
  '/pandawa.case.v1.CaseService/UnassignCase': inCase(),
  '/pandawa.case.v1.CaseService/ClaimCase': inCase(),
  '/pandawa.case.v1.CaseService/AddCitizenMessage': citizen((s) => ({
    officeId: OFFICE,
    caseId: s.case.id,
    text: 'Ini dokumen saya',
    waMessageId: `wamid.${randomBytes(8).toString('hex')}`,
  })),
  '/pandawa.case.v1.CaseService/AddOfficerReply': inCase({ text: 'Baik, kami periksa' }),
  '/pandawa.case.v1.CaseService/AddInternalNote': inCase({ text: 'catatan' }),
  '/pandawa.case.v1.CaseService/UpdateCaseTriage': inCase({ priority: 'PRIORITY_HIGH' }),
  '/pandawa.case.v1.CaseService/AttachDocuments': inCase({ documentIds: [unknownId] }),
  '/pandawa.case.v1.CaseService/UpdateMessageDelivery': service('notification', (s) => ({
    officeId: OFFICE,
    caseId: s.case.id,
    messageId: unknownId,
    deliveryStatus: 'DELIVERY_DELIVERED',
  })),
  '/pandawa.case.v1.CaseService/GetStatistics': staff(() => ({ officeId: OFFICE })),
  '/pandawa.case.v1.CaseService/HandBackToBot': inCase(),
  '/pandawa.case.v1.CaseService/RevealCitizenIdentity': inCase({ reason: 'cek NIK di SIAK' }),

  '/pandawa.document.v1.DocumentService/IngestFromWhatsApp': service('conversation', (s) => ({
    officeId: OFFICE,
    mediaId: `media-${randomBytes(6).toString('hex')}`,
    caseId: s.case.id,
    kind: 'KK',
    citizenRef: 'warga-1',
  })),
  '/pandawa.document.v1.DocumentService/UploadDocument': {
    ...inCase({ kind: 'KK', declaredMimeType: 'image/png', declaredSizeBytes: 64 }),
    // The caller is checked on the header; the bytes (random, no image) only after it.
    laterRefusal: 'DOCUMENT_TYPE_NOT_ALLOWED',
  },
  '/pandawa.document.v1.DocumentService/GetDocument': staff(() => ({
    officeId: OFFICE,
    id: unknownId,
  })),
  '/pandawa.document.v1.DocumentService/ReadDocument': staff(() => ({
    officeId: OFFICE,
    id: unknownId,
  })),
  '/pandawa.document.v1.DocumentService/ReadPreview': staff(() => ({
    officeId: OFFICE,
    id: unknownId,
  })),
  '/pandawa.document.v1.DocumentService/ListCaseDocuments': inCase(),
  '/pandawa.document.v1.DocumentService/AttachToCase': inCase({ id: unknownId }),
  '/pandawa.document.v1.DocumentService/AttachSessionToCase': service('conversation', (s) => ({
    officeId: OFFICE,
    sessionRef: `sesi-${randomBytes(6).toString('hex')}`,
    caseId: s.case.id,
  })),
  '/pandawa.document.v1.DocumentService/DeleteDocument': staff(() => ({
    officeId: OFFICE,
    id: unknownId,
    reason: 'salah unggah',
  })),
  '/pandawa.document.v1.DocumentService/ListDocumentAccess': staff(() => ({
    officeId: OFFICE,
    pageSize: 5,
  })),

  '/pandawa.notification.v1.NotificationService/GetCustomerWindow': staff((s) => ({
    officeId: OFFICE,
    citizen: { phone: s.case.phone },
  })),
};

const credentials = Object.fromEntries(
  (['gateway', 'conversation', 'notification'] as const).map((issuer) => [
    issuer,
    callerCredential(issuer, DEV_ONLY_CALLER_SIGNING_KEYS[issuer]),
  ]),
) as Record<CallerIssuer, CallerCredential>;

interface Method {
  name: string;
  path: string;
  requestStream: boolean;
  responseStream: boolean;
}

function methodsOf(definition: grpc.ServiceDefinition): Method[] {
  return Object.entries(definition).map(([name, d]) => ({
    name,
    path: d.path,
    requestStream: d.requestStream,
    responseStream: d.responseStream,
  }));
}

const definitions = {
  case: loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService,
  document: loadProto<DocumentProto>('pandawa/document/v1/document.proto').pandawa.document.v1
    .DocumentService,
  notification: loadProto<NotificationProto>('pandawa/notification/v1/notification.proto').pandawa
    .notification.v1.NotificationService,
};

/** Sends one call of any shape with exactly `metadata`; resolves with its error, or undefined. */
function callWith(
  client: grpc.Client,
  method: Method,
  request: Record<string, unknown>,
  metadata: grpc.Metadata,
): Promise<AppError | undefined> {
  const options = { deadline: Date.now() + DEADLINE_MS };
  const fn = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method.name]!;
  return new Promise((resolve) => {
    const done = (error: grpc.ServiceError | null) =>
      resolve(error ? fromGrpcError(error) : undefined);
    if (method.requestStream) {
      // UploadDocument: the header, a few bytes, the end; the caller is checked on the header.
      const call = fn.call(client, metadata, options, done) as grpc.ClientWritableStream<unknown>;
      call.write({ header: request });
      call.write({ chunk: randomBytes(64) });
      call.end();
    } else if (method.responseStream) {
      const call = fn.call(
        client,
        request,
        metadata,
        options,
      ) as grpc.ClientReadableStream<unknown>;
      call.on('data', () => undefined);
      call.once('error', (e: grpc.ServiceError) => done(e));
      call.once('end', () => done(null));
    } else {
      fn.call(client, request, metadata, options, done);
    }
  });
}

/** What a caller writes in the clear, as `callerMetadata` does. */
function clearMetadata(sample: Sample, seeds: Seeds): grpc.Metadata {
  return sample.role === 'citizen'
    ? callerMetadata({
        id: seeds.case.phone,
        role: 'citizen',
        officeId: OFFICE,
        citizen: { phone: seeds.case.phone },
      })
    : callerMetadata({
        id: 'petugas-1',
        role: sample.role,
        officeId: OFFICE,
        reason: 'verifikasi',
      });
}

function proofClaims(sample: Sample, seeds: Seeds, method: string) {
  return {
    sub: sample.role === 'citizen' ? seeds.case.phone : 'petugas-1',
    role: sample.role,
    office: OFFICE,
    reason: sample.role === 'citizen' ? '' : 'verifikasi',
    aud: method.split('/')[1]!,
    mth: method,
    ...(sample.role === 'citizen' ? { cb: '', cp: seeds.case.phone } : {}),
  };
}

/** A service whose key may not assert `role`. */
const notAllowedFor = (role: CallerRole): CallerIssuer =>
  (['gateway', 'conversation', 'notification'] as const).find(
    (i) => !(CALLER_ISSUER_ROLES[i] as readonly string[]).includes(role),
  )!;

let desk: DeskSystem;
let seeds: Seeds;
const clients = {} as Record<Service, grpc.Client>;

beforeAll(async () => {
  desk = await startDeskSystem({ with: ['notification'] });
  seeds = { case: await desk.seedCase(OFFICE) };
  // Clients with no signer: exactly the metadata a test writes goes out.
  clients.case = createClient(definitions.case, desk.caseAddr, { maxAttempts: 1 });
  clients.document = createClient(definitions.document, desk.documentAddr, { maxAttempts: 1 });
  clients.notification = createClient(definitions.notification, desk.notificationAddr, {
    maxAttempts: 1,
  });
}, 420_000);

afterAll(async () => {
  for (const client of Object.values(clients)) client.close();
  await desk?.stop();
});

describe.each(Object.keys(definitions) as Service[])('the %s service’s gRPC port', (svc) => {
  const methods = methodsOf(definitions[svc].service);

  it('has a sample request for every method', () => {
    const missing = methods.map((m) => m.path).filter((p) => !REQUESTS[p]);
    expect(missing, 'add these to REQUESTS in grpc-forged-callers.int.test.ts').toEqual([]);
  });

  it.each(methods.map((m) => [m.name, m] as const))(
    '%s: believes only a valid proof from a service that may assert the role',
    async (_name, method) => {
      const sample = REQUESTS[method.path];
      expect(sample, `no sample request for ${method.path}`).toBeDefined();
      const request = sample!.request(seeds);
      const claims = proofClaims(sample!, seeds, method.path);
      const withProof = (proof: string) => {
        const md = clearMetadata(sample!, seeds);
        md.set(CALLER_PROOF_KEY, proof);
        return md;
      };
      const send = (md: grpc.Metadata) => callWith(clients[svc], method, request, md);
      const stranger = callerCredential(
        sample!.issuer,
        `${credentials[sample!.issuer].kid}:${randomBytes(32).toString('base64')}`,
      );
      const otherMethod =
        methods.find((m) => m.path !== method.path)?.path ?? '/pandawa.case.v1.CaseService/GetCase';

      // The control: the same call with a valid proof gets past the caller check.
      const control = await send(withProof(signCallerProof(credentials[sample!.issuer], claims)));
      expect(
        control === undefined ||
          (sample!.laterRefusal !== undefined && control.reason === sample!.laterRefusal) ||
          !['UNAUTHENTICATED', 'INVALID_ARGUMENT', 'INTERNAL', 'UNKNOWN'].includes(control.code),
        `control call of ${method.name}: ${control?.code} ${control?.message}`,
      ).toBe(true);
      if (control?.code === 'PERMISSION_DENIED')
        expect(control.reason).not.toBe('ROLE_NOT_ALLOWED');

      const forged: [string, grpc.Metadata, string, string][] = [
        [
          'hand-written x-actor-* and no proof',
          clearMetadata(sample!, seeds),
          'UNAUTHENTICATED',
          'PROOF_REQUIRED',
        ],
        [
          'a proof signed with a key nobody trusts',
          withProof(signCallerProof(stranger, claims)),
          'UNAUTHENTICATED',
          'PROOF_BAD_SIGNATURE',
        ],
        [
          'a proof for another method',
          withProof(signCallerProof(credentials[sample!.issuer], { ...claims, mth: otherMethod })),
          'UNAUTHENTICATED',
          'PROOF_WRONG_AUDIENCE',
        ],
        [
          'an expired proof',
          withProof(signCallerProof(credentials[sample!.issuer], claims, Date.now() - 10 * 60_000)),
          'UNAUTHENTICATED',
          'PROOF_EXPIRED',
        ],
        [
          `a ${sample!.role} asserted by a service that may not`,
          withProof(signCallerProof(credentials[notAllowedFor(sample!.role)], claims)),
          'PERMISSION_DENIED',
          'ROLE_NOT_ALLOWED',
        ],
      ];
      for (const [what, metadata, code, reason] of forged) {
        const error = await send(metadata);
        expect(error, `${method.name} with ${what} was answered`).toBeDefined();
        expect({ code: error!.code, reason: error!.reason }, `${method.name} with ${what}`).toEqual(
          {
            code,
            reason,
          },
        );
      }
    },
  );
});
