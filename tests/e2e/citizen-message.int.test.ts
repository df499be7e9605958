import { waInMessage } from '@pandawa/contracts';
import { probeHealth } from '@pandawa/lifecycle';
import { connectTestBus, testDbName, testNamespace, waitFor, type TestBus } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startService, type ServiceProcess } from '../support/service-process.js';

// The edge as `npm run dev` wires it, through public interfaces only: the wa-sandbox and the
// gateway run as their own processes with their default secrets and office mapping (the
// defaults must agree), a citizen writes through the sandbox's API, and the message lands in
// WA_IN once, with the office and without the phone number or text in any log line.
const namespace = testNamespace();
let bus: TestBus;
let gateway: ServiceProcess;
let sandbox: ServiceProcess;
let sandboxUrl: string;

beforeAll(async () => {
  bus = await connectTestBus(process.env.NATS_URL!, namespace);
  const gatewayPort = await freePort();
  const sandboxPort = await freePort();
  sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  gateway = startService('gateway', {
    NATS_URL: process.env.NATS_URL!,
    MONGO_URL: process.env.MONGO_URL!,
    NATS_NAMESPACE: namespace,
    MONGO_DB: testDbName(namespace, 'gateway'),
    GATEWAY_PORT: String(gatewayPort),
  });
  sandbox = startService('wa-sandbox', {
    WA_SANDBOX_PORT: String(sandboxPort),
    WA_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${gatewayPort}/webhooks/whatsapp`,
  });
  await waitFor(
    () => probeHealth({ kind: 'http', port: gatewayPort, path: '/readyz' }),
    45_000,
    'gateway',
  );
  await waitFor(
    () => probeHealth({ kind: 'http', port: sandboxPort, path: '/healthz' }),
    45_000,
    'sandbox',
  );
});

afterAll(async () => {
  gateway?.child.kill('SIGTERM');
  sandbox?.child.kill('SIGTERM');
  await Promise.all([gateway?.exited, sandbox?.exited]);
  for await (const name of bus.jsm.streams.names()) {
    if (name.includes(namespace)) await bus.jsm.streams.delete(name).catch(() => false);
  }
  await bus.close();
});

describe('a citizen writes to the office', () => {
  it('reaches WA_IN once, for the office the number serves, with nothing personal in the logs', async () => {
    const waId = '6281277788899';
    const text = 'NIK saya 1471015501900003 tidak aktif, mohon dibantu';
    const res = await fetch(`${sandboxUrl}/sandbox/citizens/${waId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profileName: 'Siti Aminah', message: { type: 'text', text } }),
    });
    expect(res.status).toBe(201);
    const { messageId } = (await res.json()) as { messageId: string };

    const stream = bus.topology.streams.WA_IN.name;
    const stored = await waitFor(
      async () => {
        const info = await bus.jsm.streams.info(stream);
        return info.state.messages >= 1 ? info : null;
      },
      20_000,
      'the message in WA_IN',
    );
    expect(stored.state.messages).toBe(1);
    const msg = await bus.jsm.streams.getMessage(stream, { seq: stored.state.first_seq });
    const envelope = waInMessage.schema.parse(msg!.json());
    expect(envelope.officeId).toBe('pekanbaru');
    expect(envelope.data.messageId).toBe(messageId);
    expect(envelope.data.citizen.phone).toBe(waId);
    expect(envelope.data.message).toMatchObject({ type: 'text', text: { body: text } });

    const logs = gateway.output.join('') + sandbox.output.join('');
    expect(logs).not.toContain(waId);
    expect(logs).not.toContain('1471015501900003');
    expect(logs).not.toContain('tidak aktif');
  });
});
