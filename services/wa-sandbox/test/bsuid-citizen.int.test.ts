import { WhatsAppApiError, WhatsAppClient, webhookItems } from '@pandawa/whatsapp';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { startReceiver } from './webhook-receiver.js';

let sandbox: Sandbox;
let client: WhatsAppClient;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const bsuid = 'ID.5550001112223334';

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

describe('a username citizen known only by BSUID', () => {
  it('writes with no phone number in the webhook, and a reply sent to the BSUID arrives', async () => {
    const wamid = sandbox.sendAsCitizen({
      bsuid,
      username: 'siti.pku',
      profileName: 'Siti',
      message: { type: 'text', text: 'halo' },
    });
    const body = await waitFor(
      () => receiver.received.map((r) => r.body).find((b) => JSON.stringify(b).includes(wamid)),
      20_000,
      'the citizen webhook',
    );
    expect(JSON.stringify(body)).not.toContain('"wa_id"');
    const [item] = webhookItems(body);
    expect(item).toMatchObject({ kind: 'message', citizen: { bsuid, username: 'siti.pku' } });

    const sent = await client.messages.sendText(bsuid, 'Terima kasih, pengaduan diterima');
    expect(sent.userId).toBe(bsuid);
    const [outbound] = sandbox.state.record.outbound(bsuid);
    expect(outbound).toMatchObject({ wamid: sent.messageId, to: bsuid });
    expect(outbound!.payload).toMatchObject({ recipient: bsuid });
    expect(outbound!.payload).not.toHaveProperty('to');
    // Its statuses name the BSUID, as Meta's do.
    const status = await waitFor(
      () =>
        receiver.received
          .map((r) => r.body)
          .flatMap((b) => webhookItems(b))
          .find((i) => i.kind === 'status' && i.status.id === sent.messageId),
      20_000,
      'the sent status',
    );
    expect(status).toMatchObject({ recipient: { bsuid } });
  });

  it('surfaces 131062 (a message a BSUID may not receive) as a permanent error', async () => {
    const e = await client.messages
      .sendTemplate(bsuid, { name: 'auth_otp', languageCode: 'id' })
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(e).toBeInstanceOf(WhatsAppApiError);
    const error = e as WhatsAppApiError;
    expect(error).toMatchObject({ kind: 'bsuid_not_accepted', graphCode: 131062 });
    expect(error.permanent).toBe(true);
    expect(error.transient).toBe(false);
  });

  it('plays a username citizen over its HTTP API: a BSUID in the path, no phone in the webhook', async () => {
    const other = 'ID.5550001112229999';
    const res = await fetch(`${sandbox.url}/sandbox/citizens/${other}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'budi.pku', message: { type: 'text', text: 'halo' } }),
    });
    expect(res.status).toBe(201);
    const { messageId } = (await res.json()) as { messageId: string };
    const body = await waitFor(
      () => receiver.received.map((r) => r.body).find((b) => JSON.stringify(b).includes(messageId)),
      20_000,
      'the username citizen webhook',
    );
    expect(JSON.stringify(body)).not.toContain('"wa_id"');
    expect(webhookItems(body)[0]).toMatchObject({
      kind: 'message',
      citizen: { bsuid: other, username: 'budi.pku' },
    });
  });

  it('sends the identity-change system messages as Meta does', async () => {
    const next = 'ID.5550001112228888';
    const res = await fetch(`${sandbox.url}/sandbox/citizens/6281255500011/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        bsuid,
        message: { type: 'identity_change', change: 'user_changed_user_id', newBsuid: next },
      }),
    });
    expect(res.status).toBe(201);
    const { messageId } = (await res.json()) as { messageId: string };
    const body = await waitFor(
      () => receiver.received.map((r) => r.body).find((b) => JSON.stringify(b).includes(messageId)),
      20_000,
      'the identity-change webhook',
    );
    expect(webhookItems(body)[0]).toMatchObject({
      kind: 'identity_changed',
      change: 'user_changed_user_id',
      previous: { bsuid, phone: '6281255500011' },
      current: { bsuid: next, phone: '6281255500011' },
    });
  });
});
