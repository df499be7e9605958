import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { startReceiver } from './webhook-receiver.js';

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const messageIds = () =>
  receiver.received.flatMap((r) =>
    (
      (r.body as { entry: { changes: { value: { messages?: { id: string }[] } }[] }[] }).entry[0]!
        .changes[0]!.value.messages ?? []
    ).map((m) => m.id),
  );

beforeAll(async () => {
  receiver = await startReceiver('s');
  sandbox = await createSandbox({ appSecret: 's', webhookUrl: receiver.url });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

describe('webhook delivery faults', () => {
  it('delivers a webhook several times when duplicates are injected', async () => {
    receiver.received.length = 0;
    sandbox.state.faults.setWebhookFaults({ duplicateRate: 1, duplicateCopies: 4 });
    const id = sandbox.sendAsCitizen({
      waId: '6281200000009',
      message: { type: 'text', text: 'a' },
    });
    await sandbox.state.webhooks.idle();
    expect(messageIds().filter((m) => m === id)).toHaveLength(4);
    sandbox.state.faults.clear();
  });

  it('lets later webhooks overtake a held-back one when reordering is injected', async () => {
    receiver.received.length = 0;
    sandbox.state.faults.setWebhookFaults({ outOfOrderRate: 1, outOfOrderDelayMs: 300 });
    const first = sandbox.sendAsCitizen({
      waId: '6281200000008',
      message: { type: 'text', text: '1' },
    });
    sandbox.state.faults.clear();
    const second = sandbox.sendAsCitizen({
      waId: '6281200000008',
      message: { type: 'text', text: '2' },
    });
    await waitFor(() => messageIds().length === 2, 5000, 'both webhooks');
    expect(messageIds()).toEqual([second, first]);
  });

  it('keeps one citizen’s webhooks in order without faults', async () => {
    receiver.received.length = 0;
    const ids = Array.from({ length: 10 }, (_, i) =>
      sandbox.sendAsCitizen({ waId: '6281200000007', message: { type: 'text', text: String(i) } }),
    );
    await sandbox.state.webhooks.idle();
    expect(messageIds()).toEqual(ids);
  });

  it('sends a citizen’s photo as an image message whose media the client can fetch', async () => {
    receiver.received.length = 0;
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    sandbox.sendAsCitizen({
      waId: '6281200000006',
      message: {
        type: 'image',
        dataBase64: jpeg.toString('base64'),
        mimeType: 'image/jpeg',
        caption: 'KK',
      },
    });
    await sandbox.state.webhooks.idle();
    const msg = (
      receiver.received[0]!.body as {
        entry: {
          changes: {
            value: { messages: { image: { id: string; sha256: string; caption: string } }[] };
          }[];
        }[];
      }
    ).entry[0]!.changes[0]!.value.messages[0]!;
    expect(msg.image.caption).toBe('KK');
    expect(sandbox.state.media.get(msg.image.id)?.bytes.equals(jpeg)).toBe(true);
  });
});
