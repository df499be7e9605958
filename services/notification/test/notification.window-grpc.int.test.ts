import {
  callerMetadata,
  callUnary,
  createClient,
  GrpcServer,
  loadHealthPackage,
  loadProto,
  type grpc,
  type NotificationProto,
} from '@pandawa/grpc';
import { testCallerSigner, testCallerVerifier, testLogger } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_WINDOW_MS } from '../src/domain/customer-window.js';
import { NOTIFICATION_SERVICE_NAME } from '../src/grpc/notification.grpc.js';
import { OFFICE, startHarness, type Harness } from './support/notification-harness.js';

const Service = loadProto<NotificationProto>('pandawa/notification/v1/notification.proto').pandawa
  .notification.v1.NotificationService;
type Client = InstanceType<typeof Service>;

const MARGIN_MS = 5 * 60_000;
const officer = { id: 'officer-1', role: 'officer', officeId: OFFICE } as const;

describe('NotificationService.GetCustomerWindow tells the desk whether a free-form reply may leave (real gRPC)', () => {
  let h: Harness;
  let server: GrpcServer;
  let signed: Client;
  let unsigned: Client;

  beforeAll(async () => {
    const logger = testLogger('notification');
    server = new GrpcServer({
      port: 0,
      logger,
      isHealthy: () => Promise.resolve(true),
      callers: testCallerVerifier(),
    });
    h = await startHarness({ app: { grpcServer: server } });
    const port = await server.start();
    signed = createClient(Service, `127.0.0.1:${port}`, { signer: testCallerSigner() });
    unsigned = createClient(Service, `127.0.0.1:${port}`, { maxAttempts: 1 });
  });
  afterAll(async () => {
    signed?.close();
    unsigned?.close();
    await server?.shutdown(2_000);
    await h?.close();
  });

  const ask = (
    citizen: { bsuid?: string; phone?: string },
    metadata: grpc.Metadata = callerMetadata(officer),
    client: Client = signed,
    officeId: string = OFFICE,
  ) =>
    callUnary(
      client,
      client.getCustomerWindow,
      { officeId, citizen, trackingCode: 'PKU-2611-AB12' },
      { deadlineMs: 10_000, metadata },
    );

  it('is closed for a citizen who never wrote, and offers the reply template with its text', async () => {
    const window = await ask({ phone: '6281200000101' });
    expect(window).toMatchObject({ open: false, closesAt: '', lastInboundAt: '' });
    expect(window.replyTemplate).toEqual({
      name: 'pandawa_officer_reply',
      language: 'id',
      text: 'Petugas Disdukcapil telah membalas pengaduan PKU-2611-AB12 Anda. Balas pesan ini untuk membacanya.',
    });
  });

  it('opens when the citizen writes and closes 24 hours less the margin later, on the shared clock', async () => {
    const phone = '6281200000102';
    await h.citizenWrites({ phone });
    await h.windowSeen(phone);
    const open = await ask({ phone });
    expect(open.open).toBe(true);
    const last = Date.parse(open.lastInboundAt);
    expect(Date.parse(open.closesAt)).toBe(last + CUSTOMER_WINDOW_MS - MARGIN_MS);
    // Known by the BSUID too when the identity carries one the window was not recorded under.
    expect((await ask({ bsuid: 'ID.9999000011112222', phone })).open).toBe(true);

    h.sandbox.state.clock.advance(CUSTOMER_WINDOW_MS - MARGIN_MS + 1_000);
    const closed = await ask({ phone });
    expect(closed).toMatchObject({ open: false, lastInboundAt: open.lastInboundAt });
  });

  it('answers only staff of the request office, through a valid caller proof', async () => {
    const citizen = { phone: '6281200000103' };
    await expect(ask(citizen, callerMetadata(officer), unsigned)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      ask(citizen, callerMetadata({ id: 'notification', role: 'service', officeId: OFFICE })),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'OFFICER_ONLY' });
    await expect(
      ask(citizen, callerMetadata({ ...officer, officeId: 'dumai' })),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'OTHER_OFFICE' });
    await expect(
      ask(citizen, callerMetadata({ id: 'x', role: 'citizen', officeId: OFFICE })),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a citizen WhatsApp never names, and an over-long field, as INVALID_ARGUMENT', async () => {
    await expect(ask({})).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      reason: 'CITIZEN_REQUIRED',
    });
    await expect(ask({ phone: '+62 812' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      reason: 'CITIZEN_IDENTITY_INVALID',
    });
    await expect(ask({ bsuid: `ID.${'1'.repeat(200)}` })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('serves grpc.health.v1 for the service and for liveness', async () => {
    const Health = loadHealthPackage().grpc.health.v1.Health;
    const health = createClient(Health, `127.0.0.1:${server.port}`);
    try {
      for (const service of ['', NOTIFICATION_SERVICE_NAME, 'liveness']) {
        const answer = await callUnary(health, health.check, { service }, { deadlineMs: 5_000 });
        expect(answer.status).toBe('SERVING');
      }
    } finally {
      health.close();
    }
  });
});
