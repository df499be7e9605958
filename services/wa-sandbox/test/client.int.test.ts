import { WhatsAppApiError, WhatsAppClient } from '@pandawa/whatsapp';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { startReceiver } from './webhook-receiver.js';

let sandbox: Sandbox;
let client: WhatsAppClient;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const citizen = '6281234567890';
const stranger = '6289876543210';

async function failure(p: Promise<unknown>): Promise<WhatsAppApiError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WhatsAppApiError);
  return e as WhatsAppApiError;
}

beforeAll(async () => {
  receiver = await startReceiver('test-secret');
  sandbox = await createSandbox({
    appSecret: 'test-secret',
    webhookUrl: receiver.url,
    webhookRetryBaseMs: 20,
    webhookRetryMaxMs: 100,
    statusDelaysMs: { delivered: 5, read: 5 },
  });
  client = new WhatsAppClient({
    baseUrl: sandbox.url,
    accessToken: sandbox.accessToken,
    phoneNumberId: sandbox.phoneNumberId,
  });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(() => {
  sandbox.state.faults.clear();
  sandbox.state.clock.reset();
});

describe('the client against the sandbox', () => {
  it('sends text, buttons and lists inside the window and gets sent/delivered/read webhooks', async () => {
    sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    const t = await client.messages.sendText(citizen, 'Selamat datang');
    const b = await client.messages.sendButtons(citizen, {
      body: 'Kirim pengaduan?',
      buttons: [
        { id: 'kirim', title: 'Kirim' },
        { id: 'ubah', title: 'Ubah' },
        { id: 'batal', title: 'Batal' },
      ],
    });
    const l = await client.messages.sendList(citizen, {
      body: 'Menu',
      buttonText: 'Pilih',
      sections: [{ rows: [{ id: 'baru', title: 'Buat pengaduan baru' }] }],
    });
    expect(t.messageId).toMatch(/^wamid\./);
    const sent = sandbox.state.record.outbound(citizen).map((e) => [e.wamid, e.type]);
    expect(sent).toEqual([
      [t.messageId, 'text'],
      [b.messageId, 'interactive'],
      [l.messageId, 'interactive'],
    ]);
    const statusesOf = (id: string) =>
      receiver.received
        .flatMap((r) => {
          const value = (
            r.body as {
              entry: { changes: { value: { statuses?: { id: string; status: string }[] } }[] }[];
            }
          ).entry[0]!.changes[0]!.value;
          return value.statuses ?? [];
        })
        .filter((s) => s.id === id)
        .map((s) => s.status);
    await waitFor(() => statusesOf(l.messageId).length === 3, 5000, 'three statuses');
    expect(statusesOf(t.messageId)).toEqual(['sent', 'delivered', 'read']);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });

  it('fails free-form messages outside the 24-hour window with 131047; templates pass', async () => {
    const e = await failure(client.messages.sendText(stranger, 'halo'));
    expect(e).toMatchObject({ kind: 'outside_window', graphCode: 131047, transient: false });
    const tpl = await client.messages.sendTemplate(stranger, {
      name: 'status_update',
      languageCode: 'id',
    });
    expect(tpl.messageId).toMatch(/^wamid\./);

    sandbox.sendAsCitizen({ waId: stranger, message: { type: 'text', text: 'halo' } });
    await client.messages.sendText(stranger, 'Terima kasih');
    sandbox.state.clock.advance(24 * 60 * 60 * 1000 + 1);
    expect((await failure(client.messages.sendText(stranger, 'masih?'))).kind).toBe(
      'outside_window',
    );
  });

  it('answers 130429 past 80 messages per second for one number', async () => {
    sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    sandbox.state.clock.freeze();
    // Out of the second the earlier tests' messages were sent in.
    sandbox.state.clock.advance(1500);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => client.messages.sendText(citizen, `pesan ${i}`)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const limited = results.filter(
      (r) => r.status === 'rejected' && (r.reason as WhatsAppApiError).kind === 'throughput_limit',
    ).length;
    expect([ok, limited]).toEqual([80, 20]);
    sandbox.state.clock.advance(1000);
    await client.messages.sendText(citizen, 'setelah sedetik');
  });

  it.each([
    [{ errorCode: 131056 }, 'pair_rate_limit', 131056, true],
    [{ errorCode: 131026 }, 'undeliverable', 131026, false],
    [{ errorCode: 190 }, 'token_expired', 190, false],
    [{ errorCode: 100 }, 'invalid_parameter', 100, false],
    [{ status: 500 }, 'transient', 2, true],
    [{ status: 503, errorCode: 1 }, 'transient', 1, true],
  ] as const)('maps an injected %o to %s', async (fault, kind, code, transient) => {
    sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    sandbox.state.faults.add({ route: 'messages', count: 1, ...fault });
    const e = await failure(client.messages.sendText(citizen, 'x'));
    expect(e).toMatchObject({ kind, graphCode: code, transient });
    expect(e.fbtraceId).toBeTruthy();
    // The fault was spent: the next send goes through.
    await client.messages.sendText(citizen, 'y');
  });

  it('times out on injected latency as a transient error', async () => {
    const slow = new WhatsAppClient({
      baseUrl: sandbox.url,
      accessToken: sandbox.accessToken,
      phoneNumberId: sandbox.phoneNumberId,
      timeoutMs: 100,
    });
    sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    sandbox.state.faults.add({ route: 'messages', latencyMs: 500, count: 1 });
    expect((await failure(slow.messages.sendText(citizen, 'x'))).kind).toBe('transient');
  });

  it('marks messages as read', async () => {
    const wamid = sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    await client.messages.markAsRead(wamid);
    expect(sandbox.state.record.query({ kind: 'outbound.read' }).at(-1)).toMatchObject({
      messageId: wamid,
    });
  });

  it('refuses over HTTP what Meta refuses, even when the client is bypassed', async () => {
    sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    const res = await fetch(`${sandbox.url}/v23.0/${sandbox.phoneNumberId}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: citizen,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'x' },
          action: {
            buttons: [1, 2, 3, 4].map((i) => ({
              type: 'reply',
              reply: { id: `b${i}`, title: 'B' },
            })),
          },
        },
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: number; type: string; fbtrace_id: string };
    };
    expect(body.error).toMatchObject({ code: 100, type: 'OAuthException' });
    expect(body.error.fbtrace_id).toBeTruthy();
  });

  it('retries a webhook with backoff until the receiver answers 200', async () => {
    let calls = 0;
    receiver.answerWith(() => (++calls <= 3 ? 500 : 200));
    try {
      const wamid = sandbox.sendAsCitizen({
        waId: '6281111111111',
        message: { type: 'text', text: 'ulang' },
      });
      await waitFor(
        () => receiver.received.some((r) => JSON.stringify(r.body).includes(wamid)),
        5000,
        'the webhook after retries',
      );
      const attempts = sandbox.state.record
        .query({ kind: 'webhook.delivery' })
        .filter((e) => e.kind === 'webhook.delivery' && e.status !== 200);
      expect(attempts.length).toBeGreaterThanOrEqual(3);
    } finally {
      receiver.answerWith(() => 200);
    }
  });
});

describe('delivery failures reported by status webhook', () => {
  it('accepts the message, then sends a failed status with the injected code', async () => {
    sandbox.state.faults.clear();
    sandbox.sendAsCitizen({ waId: citizen, message: { type: 'text', text: 'halo' } });
    sandbox.state.faults.add({ route: 'messages', deliveryFailureCode: 131026, count: 1 });
    const { messageId } = await client.messages.sendText(citizen, 'tidak sampai');
    await waitFor(
      () => sandbox.state.record.query({ kind: 'status', wamid: messageId }).length > 0,
      5000,
      'a status',
    );
    await sandbox.state.webhooks.idle();
    const statuses = receiver.received.flatMap(
      (r) =>
        (
          r.body as {
            entry: {
              changes: {
                value: { statuses?: { id: string; status: string; errors?: { code: number }[] }[] };
              }[];
            }[];
          }
        ).entry[0]!.changes[0]!.value.statuses ?? [],
    );
    const mine = statuses.filter((s) => s.id === messageId);
    expect(mine.map((s) => [s.status, s.errors?.[0]?.code])).toEqual([['failed', 131026]]);
  });
});
