import { describe, expect, it } from 'vitest';
import { WhatsAppClient, WhatsAppLimitError } from '../src/index.js';

/** A client whose transport fails the test if a request is ever made. */
function offlineClient() {
  const calls: string[] = [];
  const client = new WhatsAppClient({
    baseUrl: 'http://graph.invalid',
    accessToken: 't',
    phoneNumberId: '100000000000001',
    fetch: async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ messages: [{ id: 'wamid.x' }] }), { status: 200 });
    },
  });
  return { client, calls };
}

const to = '6281234567890';
const rows = (n: number, extra: Partial<{ title: string; description: string }> = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Baris ${i}`, ...extra }));

async function limitError(p: Promise<unknown>): Promise<WhatsAppLimitError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WhatsAppLimitError);
  return error as WhatsAppLimitError;
}

describe("Meta's limits are enforced before sending", () => {
  it('refuses a 4th reply button and sends nothing', async () => {
    const { client, calls } = offlineClient();
    const buttons = [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` }));
    const e = await limitError(client.messages.sendButtons(to, { body: 'Pilih', buttons }));
    expect(e).toMatchObject({ field: 'buttons', limit: 3, actual: 4, code: 'INVALID_ARGUMENT' });
    expect(calls).toHaveLength(0);
  });

  it('allows a 20-character button title and refuses 21', async () => {
    const { client, calls } = offlineClient();
    await client.messages.sendButtons(to, {
      body: 'x',
      buttons: [{ id: 'a', title: 'a'.repeat(20) }],
    });
    expect(calls).toHaveLength(1);
    const e = await limitError(
      client.messages.sendButtons(to, { body: 'x', buttons: [{ id: 'a', title: 'a'.repeat(21) }] }),
    );
    expect(e.field).toBe('buttons[0].title');
  });

  it('counts an emoji as one character', async () => {
    const { client, calls } = offlineClient();
    await client.messages.sendButtons(to, {
      body: 'x',
      buttons: [{ id: 'a', title: '✅'.repeat(20) }],
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses duplicate button ids', async () => {
    const { client } = offlineClient();
    await limitError(
      client.messages.sendButtons(to, {
        body: 'x',
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      }),
    );
  });

  it('refuses more than 10 list rows in total across sections', async () => {
    const { client, calls } = offlineClient();
    await client.messages.sendList(to, {
      body: 'Menu',
      buttonText: 'Pilih',
      sections: [{ rows: rows(10) }],
    });
    const e = await limitError(
      client.messages.sendList(to, {
        body: 'Menu',
        buttonText: 'Pilih',
        sections: [
          { title: 'A', rows: rows(6) },
          { title: 'B', rows: rows(5).map((r) => ({ ...r, id: `b${r.id}` })) },
        ],
      }),
    );
    expect(e).toMatchObject({ limit: 10, actual: 11 });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['row title over 24', { title: 'x'.repeat(25) }, 'title'],
    ['row description over 72', { description: 'x'.repeat(73) }, 'description'],
  ])('refuses a %s', async (_name, extra, field) => {
    const { client } = offlineClient();
    const e = await limitError(
      client.messages.sendList(to, {
        body: 'M',
        buttonText: 'P',
        sections: [{ rows: rows(1, extra) }],
      }),
    );
    expect(e.field).toBe(`sections[0].rows[0].${field}`);
  });

  it('accepts 24/72 at the edge', async () => {
    const { client, calls } = offlineClient();
    await client.messages.sendList(to, {
      body: 'M',
      buttonText: 'P',
      sections: [{ rows: rows(1, { title: 'x'.repeat(24), description: 'y'.repeat(72) }) }],
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['body over 1024', { body: 'x'.repeat(1025) }, 'interactive.body', 1024],
    ['header over 60', { header: 'x'.repeat(61) }, 'header', 60],
    ['footer over 60', { footer: 'x'.repeat(61) }, 'footer', 60],
  ])('refuses an interactive %s', async (_n, override, field, limit) => {
    const { client } = offlineClient();
    const e = await limitError(
      client.messages.sendButtons(to, {
        body: 'ok',
        buttons: [{ id: 'a', title: 'A' }],
        ...override,
      }),
    );
    expect(e).toMatchObject({ field, limit });
  });

  it('refuses an empty text and a recipient that is not a phone number', async () => {
    const { client, calls } = offlineClient();
    await limitError(client.messages.sendText(to, ''));
    await limitError(client.messages.sendText('budi', 'halo'));
    expect(calls).toHaveLength(0);
  });

  it('sends the Cloud API shape for a list', async () => {
    let sent: unknown;
    const client = new WhatsAppClient({
      baseUrl: 'http://graph.invalid/',
      accessToken: 't',
      phoneNumberId: '42',
      apiVersion: 'v99.0',
      fetch: async (input, init) => {
        expect(String(input)).toBe('http://graph.invalid/v99.0/42/messages');
        expect((init?.headers as Record<string, string>).authorization).toBe('Bearer t');
        sent = JSON.parse(String(init?.body));
        return new Response(
          JSON.stringify({ contacts: [{ wa_id: to }], messages: [{ id: 'wamid.1' }] }),
        );
      },
    });
    const res = await client.messages.sendList(`+${to}`, {
      body: 'Menu',
      buttonText: 'Pilih',
      footer: 'Disdukcapil',
      sections: [{ title: 'Layanan', rows: [{ id: 'baru', title: 'Buat pengaduan baru' }] }],
    });
    expect(res).toEqual({ messageId: 'wamid.1', waId: to });
    expect(sent).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'interactive',
      interactive: {
        type: 'list',
        footer: { text: 'Disdukcapil' },
        body: { text: 'Menu' },
        action: {
          button: 'Pilih',
          sections: [{ title: 'Layanan', rows: [{ id: 'baru', title: 'Buat pengaduan baru' }] }],
        },
      },
    });
  });
});
