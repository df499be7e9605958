import { describe, expect, it } from 'vitest';
import {
  inboundMessageSchema,
  signWebhookBody,
  verifyWebhookSignature,
  webhookItems,
} from '../src/index.js';
import { sampleMessages, sampleStatus, webhookPayload } from '../src/testing/index.js';

describe('webhook payloads', () => {
  it('parses a message of every documented type, keeping every field', () => {
    const messages = Object.values(sampleMessages());
    const items = webhookItems(webhookPayload({ messages }));
    expect(items.map((i) => i.kind)).toEqual(messages.map(() => 'message'));
    items.forEach((item, i) => {
      if (item.kind !== 'message') throw new Error('expected a message');
      expect(item.message).toEqual(messages[i]);
      expect(item.phoneNumberId).toBe('100000000000001');
      expect(item.profileName).toBe('Warga Pekanbaru');
    });
  });

  it('keeps a message of a type it does not know, with unknown fields', () => {
    const odd = {
      from: '6281100000000',
      id: 'wamid.z',
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: 'hologram',
      hologram: { depth: 3 },
    };
    const [item] = webhookItems(webhookPayload({ messages: [odd] }));
    expect(item).toMatchObject({ kind: 'message', message: odd });
    expect(inboundMessageSchema.parse({ ...sampleMessages().text, extra: 1 })).toHaveProperty(
      'extra',
      1,
    );
  });

  it('splits several entries, changes, messages and statuses', () => {
    const m = sampleMessages();
    const payload = webhookPayload(
      { messages: [m.text!, m.image!] },
      {
        phoneNumberId: '100000000000002',
        statuses: [sampleStatus('sent'), sampleStatus('failed')],
      },
    );
    const items = webhookItems(payload);
    expect(items.map((i) => [i.kind, i.phoneNumberId])).toEqual([
      ['message', '100000000000001'],
      ['message', '100000000000001'],
      ['status', '100000000000002'],
      ['status', '100000000000002'],
    ]);
    const failed = items[3];
    if (failed?.kind !== 'status') throw new Error('expected a status');
    expect(failed.status.errors?.[0]?.code).toBe(131047);
  });

  it.each([
    ['not an object', 'hello', 'INVALID_PAYLOAD'],
    ['another product', { object: 'page', entry: [] }, 'UNSUPPORTED_OBJECT'],
    [
      'a template status change',
      {
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: {} }] }],
      },
      'UNSUPPORTED_FIELD',
    ],
    [
      'a message without id',
      webhookPayload({ messages: [{ from: '6281100000000', timestamp: '1', type: 'text' }] }),
      'INVALID_MESSAGE',
    ],
    [
      'a change whose metadata has no phone number id',
      {
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: {} } }] }],
      },
      'INVALID_CHANGE_VALUE',
    ],
    ['an empty change', webhookPayload({}), 'EMPTY_CHANGE'],
  ])('marks %s as unhandled', (_name, body, reason) => {
    const items = webhookItems(body);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'unhandled', reason });
  });
});

describe('webhook signatures', () => {
  const body = Buffer.from(JSON.stringify(webhookPayload({ messages: [sampleMessages().text!] })));
  it('accepts the signature of the exact bytes and nothing else', () => {
    const sig = signWebhookBody(body, 'secret');
    expect(verifyWebhookSignature(body, sig, 'secret')).toBe(true);
    expect(verifyWebhookSignature(body, sig, 'other')).toBe(false);
    expect(verifyWebhookSignature(Buffer.concat([body, Buffer.from(' ')]), sig, 'secret')).toBe(
      false,
    );
    expect(verifyWebhookSignature(body, undefined, 'secret')).toBe(false);
    expect(verifyWebhookSignature(body, 'sha256=zz', 'secret')).toBe(false);
    expect(
      verifyWebhookSignature(body, sig.toUpperCase().replace('SHA256=', 'sha256='), 'secret'),
    ).toBe(true);
  });
});
