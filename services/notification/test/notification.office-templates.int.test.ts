import { Kvm } from '@nats-io/kv';
import { caseReplyAdded, caseStatusChanged, type Envelope } from '@pandawa/contracts';
import {
  callerMetadata,
  callUnary,
  createClient,
  GrpcServer,
  loadProto,
  type NotificationProto,
} from '@pandawa/grpc';
import { OfficeSettingsKv } from '@pandawa/nats';
import { testCallerSigner, testCallerVerifier, testLogger, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE, outboundTo, startHarness, type Harness } from './support/notification-harness.js';

const Service = loadProto<NotificationProto>('pandawa/notification/v1/notification.proto').pandawa
  .notification.v1.NotificationService;

/**
 * Architecture §3.2: a citizen outside the 24-hour window gets the template its office's admin
 * named in the `office_settings` KV bucket (written here with the KV helper the gateway's
 * PUT /api/office/settings uses), for status changes and officers' replies, and the desk is
 * offered the same; an office without settings keeps TEMPLATE_CASE_UPDATE /
 * TEMPLATE_OFFICER_REPLY. The wa-sandbox records what was sent.
 */
describe("an office's template names reach the citizens outside the window (real NATS KV)", () => {
  let h: Harness;
  let server: GrpcServer;
  let client: InstanceType<typeof Service>;
  let kv: OfficeSettingsKv;
  let citizen = 6281300000100;

  beforeAll(async () => {
    server = new GrpcServer({
      port: 0,
      logger: testLogger('notification'),
      isHealthy: () => Promise.resolve(true),
      callers: testCallerVerifier(),
    });
    h = await startHarness({ app: { grpcServer: server } });
    client = createClient(Service, `127.0.0.1:${await server.start()}`, {
      signer: testCallerSigner(),
    });
    kv = await OfficeSettingsKv.open(h.bus.nc, h.bus.topology, testLogger('admin'));
  });
  afterAll(async () => {
    client?.close();
    await server?.shutdown(2_000);
    await h?.close();
  });

  const setTemplates = async (officeId: string, templates: Record<string, string>) => {
    await kv.write({
      schemaVersion: 1,
      officeId,
      updatedAt: new Date().toISOString(),
      updatedBy: 'admin-1',
      templates,
    });
    await waitFor(
      () => {
        const now = h.app.templatesFor(officeId);
        return (
          (!templates.case_update || now.caseUpdate === templates.case_update) &&
          (!templates.officer_reply || now.officerReply === templates.officer_reply)
        );
      },
      20_000,
      `${officeId}'s templates applied`,
    );
  };
  /** A case event for a citizen who never wrote (window closed); the template the sandbox got. */
  const templateSent = async (
    officeId: string,
    kind: 'status_changed' | 'reply_added',
    asTemplate = false,
  ) => {
    const to = { phone: String(citizen++) };
    const id = `evt-${to.phone}`;
    const data = { caseId: `case-${to.phone}`, trackingCode: 'PKU-2611-AB12', citizen: to };
    const actor = { id: 'officer-1', role: 'officer' as const };
    const event =
      kind === 'status_changed'
        ? caseStatusChanged.create({
            id,
            officeId,
            data: { ...data, from: 'DIVERIFIKASI', to: 'DIPROSES', actor },
          })
        : caseReplyAdded.create({
            id,
            officeId,
            data: {
              ...data,
              messageId: `m-${to.phone}`,
              text: 'Sudah kami cek.',
              actor,
              asTemplate,
            },
          });
    await h.publisher.publish(h.bus.topology.subjects.caseEvent(kind), event as Envelope);
    const sent = await waitFor(() => outboundTo(h.sandbox, to.phone)[0], 30_000, `${kind} sent`);
    expect(sent.type).toBe('template');
    return sent.payload.template as { name: string; language: { code: string } };
  };
  const offered = async (officeId: string) =>
    (
      await callUnary(
        client,
        client.getCustomerWindow,
        { officeId, citizen: { phone: '6281300000999' }, trackingCode: 'PKU-2611-AB12' },
        {
          deadlineMs: 10_000,
          metadata: callerMetadata({ id: 'officer-1', role: 'officer', officeId }),
        },
      )
    ).replyTemplate?.name;

  it("uses the configured names until the office names its own, then the office's", async () => {
    expect((await templateSent(OFFICE, 'status_changed')).name).toBe('pandawa_case_update');
    expect(await offered(OFFICE)).toBe('pandawa_officer_reply');

    await setTemplates(OFFICE, { case_update: 'kantor_kabar', officer_reply: 'kantor_balasan' });
    const update = await templateSent(OFFICE, 'status_changed');
    expect(update).toMatchObject({ name: 'kantor_kabar', language: { code: 'id' } });
    expect((await templateSent(OFFICE, 'reply_added')).name).toBe('kantor_balasan');
    // The officer chose the template (the desk refused free text): the office's goes.
    expect((await templateSent(OFFICE, 'reply_added', true)).name).toBe('kantor_balasan');
    expect(await offered(OFFICE)).toBe('kantor_balasan');

    // Another office without settings keeps the configuration.
    expect((await templateSent('dumai', 'status_changed')).name).toBe('pandawa_case_update');
    expect(await offered('dumai')).toBe('pandawa_officer_reply');
  });

  it('an office that names one template keeps the configured other; an unreadable entry, both', async () => {
    await setTemplates('siak', { case_update: 'siak_kabar' });
    expect((await templateSent('siak', 'status_changed')).name).toBe('siak_kabar');
    expect((await templateSent('siak', 'reply_added')).name).toBe('pandawa_officer_reply');

    const raw = await new Kvm(h.bus.nc).open(h.bus.topology.buckets.officeSettings);
    await raw.put(
      'siak',
      JSON.stringify({
        schemaVersion: 2,
        officeId: 'siak',
        updatedAt: new Date().toISOString(),
        updatedBy: 'admin-1',
        templates: { case_update: 'siak_kabar_v2' },
      }),
    );
    await waitFor(
      () => h.app.templatesFor('siak').caseUpdate === 'pandawa_case_update' || undefined,
      20_000,
      'the unreadable entry dropped',
    );
    expect((await templateSent('siak', 'status_changed')).name).toBe('pandawa_case_update');
  });
});
