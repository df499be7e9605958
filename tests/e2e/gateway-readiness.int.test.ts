import { probeHealth } from '@pandawa/lifecycle';
import {
  connectTestBus,
  TcpProxy,
  testDbName,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { signWebhookBody } from '@pandawa/whatsapp';
import { sampleMessages, webhookPayload } from '@pandawa/whatsapp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startService, type ServiceProcess } from '../support/service-process.js';

// Readiness per path (issue 10): the webhook needs NATS only, so a MongoDB outage (the admin
// API's store) must not take the gateway out of Meta's traffic. The gateway process reaches the
// database through a TCP proxy that the test cuts.
const namespace = testNamespace();
let bus: TestBus;
let gateway: ServiceProcess;
let gatewayPort: number;
let mongoProxy: TcpProxy;

beforeAll(async () => {
  bus = await connectTestBus(process.env.NATS_URL!, namespace);
  mongoProxy = TcpProxy.forUrl(process.env.MONGO_URL!);
  await mongoProxy.start();
  gatewayPort = await freePort();
  gateway = startService('gateway', {
    NATS_URL: process.env.NATS_URL!,
    MONGO_URL: mongoProxy.url(process.env.MONGO_URL!),
    NATS_NAMESPACE: namespace,
    MONGO_DB: testDbName(namespace, 'gateway'),
    GATEWAY_PORT: String(gatewayPort),
  });
  await waitFor(
    () => probeHealth({ kind: 'http', port: gatewayPort, path: '/readyz' }),
    120_000,
    'gateway ready',
  );
});

afterAll(async () => {
  gateway?.child.kill('SIGTERM');
  await gateway?.exited;
  await mongoProxy?.stop().catch(() => undefined);
  for await (const name of bus.jsm.streams.names()) {
    if (name.includes(namespace)) await bus.jsm.streams.delete(name).catch(() => false);
  }
  await bus.close();
});

describe('gateway readiness', () => {
  it('stays ready and keeps storing webhooks while MongoDB is unreachable', async () => {
    await mongoProxy.stop();
    // Only once the gateway itself has noticed the outage does its readiness say anything.
    await waitFor(
      () => gateway.output.join('').includes('MongoDB disconnected'),
      120_000,
      'the gateway to see MongoDB gone',
    );

    const ready = await fetch(`http://127.0.0.1:${gatewayPort}/readyz`);
    expect(ready.status).toBe(200);

    const message = sampleMessages().text!;
    const raw = Buffer.from(JSON.stringify(webhookPayload({ messages: [message] })));
    const res = await fetch(`http://127.0.0.1:${gatewayPort}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The sandbox's published app secret: the gateway's development default.
        'x-hub-signature-256': signWebhookBody(raw, 'sandbox-app-secret'),
      },
      body: raw,
    });
    expect(res.status).toBe(200);
    const stored = await bus.jsm.streams.getMessage(bus.topology.streams.WA_IN.name, {
      last_by_subj: bus.topology.subjects.waInMessage,
    });
    expect(stored?.header?.get('Nats-Msg-Id')).toBe(message.id);

    // The admin API does need its store: it says "try again" (503), never "internal error".
    const signIn = await fetch(`http://127.0.0.1:${gatewayPort}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.pku', password: 'kata-sandi-yang-panjang' }),
    });
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get('retry-after')).toBe('5');
    expect(((await signIn.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
  });
});
