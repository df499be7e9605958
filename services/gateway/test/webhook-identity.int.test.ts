import { connectNats } from '@pandawa/nats';
import { connectTestBus, testLogger, testNamespace, type TestBus } from '@pandawa/testing';
import {
  FIXTURE_CITIZEN,
  fixtureBsuid,
  fixtureWamid,
  sampleIdentityChange,
  sampleMessages,
  sampleStatus,
  webhookPayload,
} from '@pandawa/whatsapp/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postWebhook, readStream, startGateway } from './webhook.harness.js';

let bus: TestBus;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let nc: Awaited<ReturnType<typeof connectNats>>;
let seen = 0;

async function newEvents() {
  const all = await readStream(bus.jsm, bus.topology.streams.WA_IN.name);
  const fresh = all.filter((e) => e.seq > seen);
  seen = all.at(-1)?.seq ?? seen;
  return fresh;
}

/** Posts the same signed body twice (Meta retries): what is stored must be there once. */
/** Every identity these tests send, for the log scan at the end. */
const sent: string[] = [];
const IDENTITY_FIELDS =
  /"(?:user_id|from_user_id|recipient_user_id|wa_id|from|recipient_id|username)":"([^"]+)"/g;

async function deliverTwice(body: unknown) {
  for (const m of JSON.stringify(body).matchAll(IDENTITY_FIELDS)) sent.push(m[1]!);
  for (let i = 0; i < 2; i++) expect((await postWebhook(gateway.url, body)).status).toBe(200);
  return newEvents();
}

beforeAll(async () => {
  bus = await connectTestBus(process.env.NATS_URL!, testNamespace());
  nc = await connectNats({ url: process.env.NATS_URL!, name: 'gw-id', logger: testLogger('gw') });
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

describe('webhook identities in Meta 2026 shapes, stored once in WA_IN', () => {
  it('stores a username citizen with no phone number (text and image) with BSUID and username', async () => {
    const bsuid = fixtureBsuid();
    const m = sampleMessages(null, bsuid);
    const events = await deliverTwice(
      webhookPayload({
        messages: [m.text!, m.image!],
        contacts: [{ profile: { name: 'Siti', username: 'siti.pku' }, user_id: bsuid }],
      }),
    );
    expect(events.map((e) => [e.subject, e.msgID])).toEqual([
      [bus.topology.subjects.waInMessage, m.text!.id],
      [bus.topology.subjects.waInMessage, m.image!.id],
    ]);
    for (const e of events) {
      expect(e.envelope).toMatchObject({ type: 'wa.in.message', version: 2 });
      expect(e.envelope.data.citizen).toEqual({ bsuid, username: 'siti.pku' });
    }
    expect(events[1]!.envelope.data).toMatchObject({ messageType: 'image', profileName: 'Siti' });
  });

  it('stores a phone citizen who also has a BSUID with both', async () => {
    const bsuid = fixtureBsuid();
    const m = sampleMessages(FIXTURE_CITIZEN, bsuid).text!;
    const events = await deliverTwice(webhookPayload({ messages: [m] }));
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data.citizen).toEqual({ bsuid, phone: FIXTURE_CITIZEN });
  });

  it('stores the statuses of a message sent to a BSUID, the failed one without contacts', async () => {
    const bsuid = fixtureBsuid();
    const wamid = fixtureWamid();
    const body = webhookPayload({
      statuses: [
        sampleStatus('sent', wamid, null, bsuid),
        sampleStatus('failed', wamid, null, bsuid),
      ],
    });
    expect(JSON.stringify(body)).not.toContain('contacts');
    const events = await deliverTwice(body);
    expect(events.map((e) => e.msgID)).toEqual([`${wamid}:sent`, `${wamid}:failed`]);
    for (const e of events) {
      expect(e.envelope).toMatchObject({ type: 'wa.in.status', version: 2 });
      expect(e.envelope.data).toMatchObject({ messageId: wamid, recipient: { bsuid } });
    }
  });

  it('stores user_changed_user_id as one wa.in.identity_changed with the old and new identity', async () => {
    const oldId = fixtureBsuid();
    const newId = fixtureBsuid();
    const change = sampleIdentityChange('user_changed_user_id', { bsuid: oldId }, { bsuid: newId });
    const events = await deliverTwice(webhookPayload({ messages: [change] }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: bus.topology.subjects.waInIdentityChanged,
      msgID: change.id,
    });
    expect(events[0]!.envelope.data).toMatchObject({
      change: 'user_changed_user_id',
      previous: { bsuid: oldId },
      current: { bsuid: newId },
    });
  });

  it('stores the good messages of a change and records only the bad one as unhandled', async () => {
    const good = sampleMessages(FIXTURE_CITIZEN, fixtureBsuid()).text!;
    const anonymous = {
      id: fixtureWamid(),
      timestamp: good.timestamp,
      type: 'text',
      text: { body: 'x' },
    };
    const events = await deliverTwice(
      webhookPayload({ messages: [anonymous, good], contacts: [] }),
    );
    expect(events.map((e) => e.subject)).toEqual([
      bus.topology.subjects.waInUnhandled,
      bus.topology.subjects.waInMessage,
    ]);
    expect(events[0]!.envelope.data).toMatchObject({
      reason: 'NO_CITIZEN_IDENTITY',
      path: 'entry[0].changes[0].messages[0]',
    });
  });

  it('answers 200 to a timestamp outside a sane window and records it as unhandled with a reason', async () => {
    const m = { ...sampleMessages().text!, timestamp: '99999999999999999' };
    const events = await deliverTwice(webhookPayload({ messages: [m] }));
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data).toMatchObject({
      reason: 'TIMESTAMP_OUT_OF_RANGE',
      detail: 'timestamp is not Unix seconds',
    });
  });

  it('writes no BSUID, username or phone number in clear to any log line', () => {
    const logged = gateway.logs.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(5);
    for (const secret of new Set(sent)) expect(logged).not.toContain(secret);
  });
});
