import { topology } from '@pandawa/contracts';
import { webhookItems } from '@pandawa/whatsapp';
import { sampleMessages, sampleStatus, webhookPayload } from '@pandawa/whatsapp/testing';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';
import { webhookEvents } from '../src/http/webhook.events.js';

const subjects = topology('x').subjects;
const offices = { '100000000000001': 'pekanbaru' };
const eventsOf = (body: unknown) =>
  webhookEvents(webhookItems(body), Buffer.from(JSON.stringify(body)), offices, subjects);

describe('webhook → WA_IN events', () => {
  it('derives message ids from WhatsApp ids, so a retry is the same message', () => {
    const m = sampleMessages().text!;
    const s = sampleStatus('delivered');
    const body = webhookPayload({ messages: [m], statuses: [s] });
    const [first, second] = [eventsOf(body), eventsOf(body)];
    expect(first.map((e) => e.msgID)).toEqual([m.id, `${s.id}:delivered`]);
    expect(second.map((e) => e.envelope)).toEqual(first.map((e) => e.envelope));
  });

  it('dates the event at the message’s own timestamp', () => {
    const m = { ...sampleMessages().text!, timestamp: '1700000000' };
    const [e] = eventsOf(webhookPayload({ messages: [m] }));
    expect(e!.envelope.occurredAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('gives each status of one message its own id', () => {
    const id = 'wamid.same';
    const body = webhookPayload({
      statuses: (['sent', 'delivered', 'read'] as const).map((s) => sampleStatus(s, id)),
    });
    expect(eventsOf(body).map((e) => e.msgID)).toEqual([
      `${id}:sent`,
      `${id}:delivered`,
      `${id}:read`,
    ]);
  });

  it('keeps a huge unhandled part as a digest, under JetStream’s message size limit', () => {
    const body = { object: 'page', entry: [], blob: 'x'.repeat(600_000) };
    const [e] = eventsOf(body);
    expect(e!.kind).toBe('unhandled');
    expect(e!.envelope.data).toMatchObject({
      reason: 'UNSUPPORTED_OBJECT',
      payload: { truncated: true },
    });
    expect(JSON.stringify(e!.envelope).length).toBeLessThan(10_000);
  });
});

describe('gateway webhook configuration', () => {
  it('defaults to the sandbox’s number for office pekanbaru', () => {
    const config = loadGatewayConfig({});
    expect(config.WHATSAPP_OFFICES).toEqual({ '100000000000001': 'pekanbaru' });
    expect(config.WEBHOOK_MAX_BODY_BYTES).toBe(3 * 1024 * 1024);
  });

  it('reads several offices and refuses a malformed mapping', () => {
    expect(
      loadGatewayConfig({ WHATSAPP_OFFICES: '1=pekanbaru, 2=dumai' }).WHATSAPP_OFFICES,
    ).toEqual({
      '1': 'pekanbaru',
      '2': 'dumai',
    });
    expect(() => loadGatewayConfig({ WHATSAPP_OFFICES: 'pekanbaru' })).toThrow(/WHATSAPP_OFFICES/);
  });
});
