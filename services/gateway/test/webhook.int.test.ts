import { connectNats } from '@pandawa/nats';
import { connectTestBus, testLogger, testNamespace, type TestBus } from '@pandawa/testing';
import {
  FIXTURE_CITIZEN,
  sampleMessages,
  sampleStatus,
  webhookPayload,
} from '@pandawa/whatsapp/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  postWebhook,
  readStream,
  settings,
  startGateway,
  VERIFY_TOKEN,
} from './webhook.harness.js';

let bus: TestBus;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let nc: Awaited<ReturnType<typeof connectNats>>;
let seen = 0;

/** Events stored since the previous call. */
async function newEvents() {
  const all = await readStream(bus.jsm, bus.topology.streams.WA_IN.name);
  const fresh = all.filter((e) => e.seq > seen);
  seen = all.at(-1)?.seq ?? seen;
  return fresh;
}

beforeAll(async () => {
  const ns = testNamespace();
  bus = await connectTestBus(process.env.NATS_URL!, ns);
  nc = await connectNats({
    url: process.env.NATS_URL!,
    name: 'gateway-test',
    logger: testLogger('gateway'),
  });
  gateway = await startGateway(nc, bus);
});
afterAll(async () => {
  await gateway.close();
  await nc.close();
  await bus.close();
});
beforeEach(async () => {
  await newEvents();
});

describe('POST /webhooks/whatsapp', () => {
  it('stores every message type and every status as one WA_IN event each, with officeId and the original fields', async () => {
    const messages = sampleMessages();
    const statuses = (['sent', 'delivered', 'read', 'failed'] as const).map((s) => sampleStatus(s));
    const res = await postWebhook(
      gateway.url,
      webhookPayload({ messages: Object.values(messages), statuses }),
    );
    expect(res.status).toBe(200);
    const events = await newEvents();
    const expected = [
      ...Object.values(messages).map((m) => ({
        subject: bus.topology.subjects.waInMessage,
        msgID: m.id,
      })),
      ...statuses.map((s) => ({
        subject: bus.topology.subjects.waInStatus,
        msgID: `${s.id}:${s.status}`,
      })),
    ];
    expect(events.map((e) => ({ subject: e.subject, msgID: e.msgID }))).toEqual(expected);
    for (const [i, m] of Object.values(messages).entries()) {
      const e = events[i]!.envelope;
      expect(e).toMatchObject({ type: 'wa.in.message', officeId: 'pekanbaru', id: m.id });
      expect(e.data).toMatchObject({
        phoneNumberId: '100000000000001',
        citizen: { phone: FIXTURE_CITIZEN },
        profileName: 'Warga Pekanbaru',
        messageId: m.id,
        messageType: m.type,
        message: m,
      });
    }
    const failed = events.at(-1)!.envelope;
    expect(failed).toMatchObject({ type: 'wa.in.status', officeId: 'pekanbaru' });
    expect(failed.data).toMatchObject({ status: 'failed', statusObject: statuses[3] });
  });

  it('keeps several entries in payload order and maps each number to its office', async () => {
    const m = sampleMessages();
    const res = await postWebhook(
      gateway.url,
      webhookPayload(
        { messages: [m.text!, m.image!] },
        { phoneNumberId: '100000000000002', messages: [m.document!] },
      ),
    );
    expect(res.status).toBe(200);
    const events = await newEvents();
    expect(events.map((e) => [e.msgID, e.envelope.officeId])).toEqual([
      [m.text!.id, 'pekanbaru'],
      [m.image!.id, 'pekanbaru'],
      [m.document!.id, 'dumai'],
    ]);
  });

  it('stores a message delivered 5 times at once, and again later, exactly once', async () => {
    const body = webhookPayload({ messages: [sampleMessages().text!] });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postWebhook(gateway.url, body)),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await postWebhook(gateway.url, body)).status).toBe(200);
    expect(await newEvents()).toHaveLength(1);
  });

  it('answers 401 to a wrong or missing signature and stores nothing', async () => {
    const body = webhookPayload({ messages: [sampleMessages().text!] });
    const wrong = await postWebhook(gateway.url, body, { secret: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'invalid signature' },
      requestId: wrong.headers.get('x-request-id'),
    });
    expect((await postWebhook(gateway.url, body, { signature: null })).status).toBe(401);
    expect((await postWebhook(gateway.url, body, { signature: 'sha256=abc' })).status).toBe(401);
    expect(await newEvents()).toHaveLength(0);
  });

  it('answers 401 when the body was changed after signing', async () => {
    const text = JSON.stringify(webhookPayload({ messages: [sampleMessages().text!] }));
    const { signWebhookBody } = await import('@pandawa/whatsapp');
    const signature = signWebhookBody(text, settings.appSecret);
    const res = await postWebhook(gateway.url, text.replace('Halo', 'Hola'), { signature });
    expect(res.status).toBe(401);
    expect(await newEvents()).toHaveLength(0);
  });

  it('answers 413 to a body over 3 MB', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024 + 1);
    expect((await postWebhook(gateway.url, big)).status).toBe(413);
    expect(await newEvents()).toHaveLength(0);
  });

  it('answers 400 to signed invalid JSON and stores nothing', async () => {
    expect((await postWebhook(gateway.url, '{"object": "whatsapp_business_account",')).status).toBe(
      400,
    );
    expect(await newEvents()).toHaveLength(0);
  });

  it('answers 200 to signed payloads it does not understand and records them on wa.in.unhandled', async () => {
    const template = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }],
        },
      ],
    };
    expect((await postWebhook(gateway.url, template)).status).toBe(200);
    expect((await postWebhook(gateway.url, [1, 2, 3])).status).toBe(200);
    const events = await newEvents();
    expect(events.map((e) => [e.subject, (e.envelope.data as { reason: string }).reason])).toEqual([
      [bus.topology.subjects.waInUnhandled, 'UNSUPPORTED_FIELD'],
      [bus.topology.subjects.waInUnhandled, 'INVALID_PAYLOAD'],
    ]);
    expect(events[0]!.envelope.data).toMatchObject({ payload: template.entry[0]!.changes[0] });
  });

  it('records messages to an unknown phone number without processing them', async () => {
    const m = sampleMessages().text!;
    expect(
      (await postWebhook(gateway.url, webhookPayload({ phoneNumberId: '999', messages: [m] })))
        .status,
    ).toBe(200);
    const events = await newEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject: bus.topology.subjects.waInUnhandled });
    expect(events[0]!.envelope).toMatchObject({
      officeId: 'unassigned',
      data: { reason: 'UNKNOWN_PHONE_NUMBER_ID', phoneNumberId: '999', payload: m },
    });
  });

  it('never logs the phone number or the message text in clear', async () => {
    gateway.logs.length = 0;
    const m = sampleMessages('6281298765432').text!;
    await postWebhook(gateway.url, webhookPayload({ phoneNumberId: '999', messages: [m] }));
    await postWebhook(gateway.url, webhookPayload({ messages: [m] }), { secret: 'bad' });
    await postWebhook(gateway.url, webhookPayload({ messages: [m] }));
    const logged = gateway.logs.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toContain('6281298765432');
    expect(logged).not.toContain('NIK saya');
  });
});

describe('GET /webhooks/whatsapp', () => {
  it('answers the challenge to the right verify token', async () => {
    const res = await fetch(
      `${gateway.url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('passes the sandbox’s subscription handshake (as Meta performs it) with the right token only', async () => {
    const { createSandbox } = await import('@pandawa/wa-sandbox');
    const good = await createSandbox({ webhookUrl: gateway.url, verifyToken: VERIFY_TOKEN });
    const bad = await createSandbox({ webhookUrl: gateway.url, verifyToken: 'other' });
    try {
      expect(await good.verifyWebhook()).toEqual({ status: 200, verified: true });
      expect(await bad.verifyWebhook()).toEqual({ status: 403, verified: false });
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it('answers 403 to a wrong token or mode', async () => {
    expect(
      (await fetch(`${gateway.url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`))
        .status,
    ).toBe(403);
    expect(
      (
        await fetch(
          `${gateway.url}?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
        )
      ).status,
    ).toBe(403);
    expect((await fetch(gateway.url)).status).toBe(403);
  });
});
