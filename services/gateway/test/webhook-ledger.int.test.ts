import { connectNats, type NatsConnection } from '@pandawa/nats';
import { connectTestBus, sleep, testLogger, testNamespace, type TestBus } from '@pandawa/testing';
import { sampleMessages, webhookPayload } from '@pandawa/whatsapp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvDeliveryLedger } from '../src/store/webhook-delivery.ledger.js';
import { postWebhook, readStream, startGateway } from './webhook.harness.js';

const WINDOW_MS = 1000;
let ns: string;
let bus: TestBus;
let nc: NatsConnection;
let ledger: KvDeliveryLedger;

beforeAll(async () => {
  ns = testNamespace();
  bus = await connectTestBus(process.env.NATS_URL!, ns);
  // A one-second duplicate window stands in for Meta retrying days later.
  const info = await bus.jsm.streams.info(bus.topology.streams.WA_IN.name);
  await bus.jsm.streams.update(info.config.name, {
    ...info.config,
    duplicate_window: WINDOW_MS * 1_000_000,
  });
  nc = await connectNats({
    url: process.env.NATS_URL!,
    name: 'ledger-test',
    logger: testLogger('gateway'),
  });
  ledger = await KvDeliveryLedger.open(nc, { namespace: ns, ttlMs: 60_000 });
});
afterAll(async () => {
  await bus.jsm.streams.delete(`KV_${KvDeliveryLedger.bucketName(ns)}`).catch(() => false);
  await bus.jsm.streams
    .delete(`KV_${KvDeliveryLedger.bucketName(`${ns}-short`)}`)
    .catch(() => false);
  await nc.close();
  await bus.close();
});

async function countFor(id: string): Promise<number> {
  const events = await readStream(bus.jsm, bus.topology.streams.WA_IN.name);
  return events.filter((e) => e.msgID === id).length;
}

describe('late retries (after JetStream’s duplicate window)', () => {
  it('become a second event without the ledger', async () => {
    const gateway = await startGateway(nc, bus);
    try {
      const m = sampleMessages().text!;
      const body = webhookPayload({ messages: [m] });
      expect((await postWebhook(gateway.url, body)).status).toBe(200);
      await sleep(WINDOW_MS + 500);
      expect((await postWebhook(gateway.url, body)).status).toBe(200);
      expect(await countFor(m.id)).toBe(2);
    } finally {
      await gateway.close();
    }
  });

  it('stay one event with the ledger', async () => {
    const gateway = await startGateway(nc, bus, { ledger });
    try {
      const m = sampleMessages().image!;
      const t = sampleMessages().text!;
      const body = webhookPayload({ messages: [m, t] });
      expect((await postWebhook(gateway.url, body)).status).toBe(200);
      await sleep(WINDOW_MS + 500);
      const again = await postWebhook(gateway.url, body);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ received: 2, duplicates: 2 });
      expect([await countFor(m.id), await countFor(t.id)]).toEqual([1, 1]);
    } finally {
      await gateway.close();
    }
  });

  it('forgets ids after the retention', async () => {
    const short = await KvDeliveryLedger.open(nc, { namespace: `${ns}-short`, ttlMs: 1000 });
    await short.markStored(['wamid.old+/=']);
    expect([...(await short.alreadyStored(['wamid.old+/=', 'wamid.never']))]).toEqual([
      'wamid.old+/=',
    ]);
    await sleep(1500);
    expect((await short.alreadyStored(['wamid.old+/='])).size).toBe(0);
  });

  it('never fails a webhook when the ledger is down', async () => {
    const broken = {
      alreadyStored: () => Promise.reject(new Error('ledger down')),
      markStored: () => Promise.reject(new Error('ledger down')),
    };
    const gateway = await startGateway(nc, bus, { ledger: broken });
    try {
      const m = sampleMessages().text!;
      expect((await postWebhook(gateway.url, webhookPayload({ messages: [m] }))).status).toBe(200);
      expect(await countFor(m.id)).toBe(1);
    } finally {
      await gateway.close();
    }
  });
});
