import { connectNats, type NatsConnection } from '@pandawa/nats';
import {
  connectTestBus,
  TcpProxy,
  testLogger,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { createSandbox, type Sandbox } from '@pandawa/wa-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream, settings, startGateway } from './webhook.harness.js';

let bus: TestBus;
let proxy: TcpProxy;
let nc: NatsConnection;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let sandbox: Sandbox;

beforeAll(async () => {
  const natsUrl = process.env.NATS_URL!;
  bus = await connectTestBus(natsUrl, testNamespace());
  // The gateway reaches NATS through a proxy the test can cut; the shared server keeps running.
  proxy = TcpProxy.forUrl(natsUrl);
  await proxy.start();
  nc = await connectNats({
    url: proxy.url(natsUrl),
    name: 'gateway-outage-test',
    logger: testLogger('gateway'),
  });
  gateway = await startGateway(nc, bus);
  sandbox = await createSandbox({
    appSecret: settings.appSecret,
    webhookUrl: gateway.url,
    webhookRetryBaseMs: 100,
    webhookRetryMaxMs: 500,
  });
});
afterAll(async () => {
  await sandbox?.close();
  await gateway?.close();
  await nc?.close();
  await proxy?.stop();
  await bus?.close();
});

describe('NATS outage', () => {
  it('answers 503 while NATS is unreachable; after it returns, retries store every message exactly once', async () => {
    await proxy.stop();
    await waitFor(async () => {
      const res = await fetch(gateway.url, {
        method: 'POST',
        body: '{}',
        headers: { 'x-hub-signature-256': 'sha256=0' },
      });
      return res.status === 401; // the gateway itself still answers
    });
    // Duplicates and reordering on top of the outage, as Meta may do.
    sandbox.state.faults.setWebhookFaults({
      duplicateRate: 0.3,
      duplicateCopies: 3,
      outOfOrderRate: 0.2,
    });
    const citizens = ['6281200000001', '6281200000002', '6281200000003'];
    const sent: string[] = [];
    for (let i = 0; i < 30; i++) {
      sent.push(
        sandbox.sendAsCitizen({
          waId: citizens[i % citizens.length]!,
          message: { type: 'text', text: `pesan ${i}` },
        }),
      );
    }
    await waitFor(
      () =>
        sandbox.state.record
          .query({ kind: 'webhook.delivery' })
          .filter((d) => 'status' in d && d.status === 503).length >= 10,
      15_000,
      'webhooks refused with 503',
    );
    const accepted = sandbox.state.record
      .query({ kind: 'webhook.delivery' })
      .filter((d) => 'status' in d && d.status === 200);
    expect(accepted).toHaveLength(0);

    await proxy.start();
    await waitFor(() => sandbox.state.webhooks.pending() === 0, 30_000, 'every webhook delivered');
    const events = await readStream(bus.jsm, bus.topology.streams.WA_IN.name);
    const ids = events.map((e) => e.msgID);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...sent].sort());
  });
});
