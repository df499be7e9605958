import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OFFICE_NUMBERS,
  startDeskSystem,
  type DeskSystem,
  type SeededCase,
} from './support/desk-system.js';

const HOUR = 3_600_000;

interface RecordEntry {
  kind: string;
  to?: string;
  type?: string;
  payload?: Record<string, unknown>;
}

/**
 * Issue 14, acceptance 2: an officer's reply reaches the citizen through the wa-sandbox and its
 * delivery ticks show on the case; outside the 24-hour window it is refused with the template
 * offered, and the template, sent on the officer's explicit choice, arrives as a template.
 * Every part a process: gateway, case, document-storage, notification, the sandbox.
 */
describe('an officer replies to a citizen on WhatsApp', () => {
  let desk: DeskSystem;
  let token: string;

  beforeAll(async () => {
    desk = await startDeskSystem({ with: ['notification', 'sandbox'] });
    token = await desk.tokenOf('officer.pekanbaru');
  }, 300_000);
  afterAll(async () => {
    await desk?.stop();
  });

  const sandbox = (path: string, init?: RequestInit) =>
    fetch(`${desk.sandboxUrl}/sandbox${path}`, {
      ...init,
      headers: { 'content-type': 'application/json' },
    });
  const moveClock = (advanceMs: number) =>
    sandbox('/clock', { method: 'POST', body: JSON.stringify({ advanceMs }) });
  const citizenWrites = async (c: SeededCase, text: string) => {
    const res = await sandbox(`/citizens/${c.phone}/messages`, {
      method: 'POST',
      body: JSON.stringify({
        phoneNumberId: OFFICE_NUMBERS.pekanbaru,
        message: { type: 'text', text },
      }),
    });
    expect(res.status).toBe(201);
  };
  const sentTo = async (phone: string): Promise<RecordEntry[]> => {
    const res = await sandbox(`/record?kind=outbound.message&waId=${phone}`);
    return ((await res.json()) as { entries: RecordEntry[] }).entries;
  };
  const windowOf = async (c: SeededCase) => {
    const res = await desk.api(token, 'GET', `/cases/${c.id}/window`);
    expect(res.status).toBe(200);
    return (await res.json()) as { open: boolean; closesAt: string | null };
  };
  /** The citizen last wrote 25 hours ago (the sandbox's clock back, then forward): window closed. */
  const wroteLongAgo = async (c: SeededCase, text: string) => {
    expect((await moveClock(-25 * HOUR)).status).toBe(200);
    try {
      await citizenWrites(c, text);
    } finally {
      expect((await moveClock(25 * HOUR)).status).toBe(200);
    }
    await waitFor(
      async () => (await windowOf(c)).closesAt !== null,
      60_000,
      'the old message seen',
    );
    expect((await windowOf(c)).open).toBe(false);
  };
  /** The case detail's thread, as the console shows it (GET /cases/{id}). */
  const thread = async (c: SeededCase) => {
    const res = await desk.api(token, 'GET', `/cases/${c.id}`);
    expect(res.status).toBe(200);
    return (
      (await res.json()) as {
        thread: { id: string; author: string; text: string; delivery: string | null }[];
      }
    ).thread;
  };

  it('inside the window: the text reaches the citizen and its ticks reach read on the case', async () => {
    const c = await desk.seedCase('pekanbaru');
    await citizenWrites(c, 'Halo, bagaimana pengaduan saya?');
    // notification learns of the message from the webhook (gateway → WA_IN): the window opens.
    await waitFor(async () => (await windowOf(c)).open, 60_000, 'the window open');

    // The answer comes from the office's canned replies, inserted whole.
    const canned = await desk.api(
      await desk.tokenOf('supervisor.pekanbaru'),
      'POST',
      '/canned-replies',
      {
        title: 'Pengaduan sedang diperiksa',
        text: 'Data Anda sedang kami periksa. Mohon ditunggu.',
      },
    );
    expect(canned.status).toBe(201);
    const { id: cannedReplyId } = (await canned.json()) as { id: string };
    const res = await desk.api(token, 'POST', `/cases/${c.id}/replies`, { cannedReplyId });
    expect(res.status).toBe(201);
    const reply = (await res.json()) as {
      message: { id: string; sentAs: string; text: string; delivery: string };
    };
    expect(reply.message).toMatchObject({
      sentAs: 'text',
      text: 'Data Anda sedang kami periksa. Mohon ditunggu.',
      delivery: 'pending',
    });

    await waitFor(async () => (await sentTo(c.phone)).length > 0, 60_000, 'the reply sent');
    const [sent] = await sentTo(c.phone);
    expect(sent!.type).toBe('text');
    expect(JSON.stringify(sent!.payload)).toContain(
      'Data Anda sedang kami periksa. Mohon ditunggu.',
    );
    expect(JSON.stringify(sent!.payload)).toContain(c.trackingCode);

    // The sandbox reports sent, delivered, read; notification tells the case service.
    await waitFor(
      async () => (await thread(c)).find((m) => m.id === reply.message.id)?.delivery === 'read',
      90_000,
      'the reply read',
    );
  });

  it('outside the window: 409 WINDOW_CLOSED with the template offer; the template sent on request', async () => {
    const c = await desk.seedCase('pekanbaru');
    await wroteLongAgo(c, 'Halo, saya sudah kirim KK');

    const refused = await desk.api(token, 'POST', `/cases/${c.id}/replies`, {
      text: 'Mohon kirim ulang foto KK yang lebih jelas.',
    });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as {
      error: {
        code: string;
        reason: string;
        message: string;
        offer: { sendAs: string; template: { name: string; text: string } };
      };
      requestId: string;
    };
    expect(body.error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'WINDOW_CLOSED',
      offer: {
        sendAs: 'template',
        template: {
          name: 'pandawa_officer_reply',
          text: `Petugas Disdukcapil telah membalas pengaduan ${c.trackingCode} Anda. Balas pesan ini untuk membacanya.`,
        },
      },
    });
    expect(body.error.message).toMatch(/24 hours/);
    expect(body.requestId).toBeTruthy();
    // Refused means refused: nothing went to the citizen, nothing joined the thread.
    expect(await sentTo(c.phone)).toEqual([]);
    expect((await thread(c)).filter((m) => m.author === 'officer')).toEqual([]);

    const accepted = await desk.api(token, 'POST', `/cases/${c.id}/replies`, {
      sendAs: 'template',
    });
    expect(accepted.status).toBe(201);
    const reply = (await accepted.json()) as {
      message: { id: string; text: string; sentAs: string };
    };
    expect(reply.message).toMatchObject({
      sentAs: 'template',
      text: body.error.offer.template.text,
    });
    await waitFor(async () => (await sentTo(c.phone)).length > 0, 60_000, 'the template sent');
    const sent = await sentTo(c.phone);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('template');
    expect(JSON.stringify(sent[0]!.payload)).toContain('pandawa_officer_reply');
    expect(JSON.stringify(sent[0]!.payload)).toContain(c.trackingCode);
    // The thread keeps what the citizen read.
    expect((await thread(c)).filter((m) => m.author === 'officer').map((m) => m.text)).toEqual([
      body.error.offer.template.text,
    ]);
  });

  it('outside the window, the template with the officer’s text: the template now, the text when the citizen answers', async () => {
    const c = await desk.seedCase('pekanbaru');
    await wroteLongAgo(c, 'Halo, apakah data saya sudah diperbaiki?');

    const words = 'Data Anda sudah kami perbaiki di SIAK. Silakan cek kembali besok.';
    const accepted = await desk.api(token, 'POST', `/cases/${c.id}/replies`, {
      text: words,
      sendAs: 'template',
    });
    expect(accepted.status).toBe(201);
    const reply = (await accepted.json()) as { message: { text: string; sentAs: string } };
    expect(reply.message).toMatchObject({ sentAs: 'template', text: words });
    // The thread keeps the officer's words, not the template's.
    expect((await thread(c)).filter((m) => m.author === 'officer').map((m) => m.text)).toEqual([
      words,
    ]);
    await waitFor(async () => (await sentTo(c.phone)).length > 0, 60_000, 'the template sent');
    const [template] = await sentTo(c.phone);
    expect(template!.type).toBe('template');
    expect(JSON.stringify(template!.payload)).not.toContain(words);

    // The citizen answers the template: the window opens and the words arrive, once.
    await citizenWrites(c, 'Baik, terima kasih');
    const texts = () =>
      sentTo(c.phone).then((all) => all.filter((m) => JSON.stringify(m.payload).includes(words)));
    await waitFor(async () => (await texts()).length > 0, 90_000, 'the officer’s words sent');
    const [heard] = await texts();
    expect(heard!.type).toBe('text');
    expect(await texts()).toHaveLength(1);
  });

  it('another office’s case is 404, and a reply needs text', async () => {
    const theirs = await desk.seedCase('dumai');
    const res = await desk.api(token, 'POST', `/cases/${theirs.id}/replies`, { text: 'halo' });
    expect(res.status).toBe(404);
    const ours = await desk.seedCase('pekanbaru');
    const empty = await desk.api(token, 'POST', `/cases/${ours.id}/replies`, { text: '   ' });
    expect(empty.status).toBe(400);
    const tooLong = await desk.api(token, 'POST', `/cases/${ours.id}/replies`, {
      text: 'a'.repeat(4097),
    });
    expect(tooLong.status).toBe(400);
  });

  it("an office's own template names, set by its admin, are offered and sent outside the window", async () => {
    const admin = await desk.tokenOf('admin.pekanbaru');
    const templates = { case_update: 'kantor_kabar', officer_reply: 'kantor_balasan' };
    expect((await desk.api(admin, 'PUT', '/office/settings', { templates })).status).toBe(200);
    const c = await desk.seedCase('pekanbaru'); // the citizen never wrote: the window is closed
    // notification follows the settings with a KV watch: a moment after the PUT the desk is
    // offered the office's template (a refused reply records nothing, so asking again is safe).
    await waitFor(
      async () => {
        const res = await desk.api(token, 'POST', `/cases/${c.id}/replies`, { text: 'Halo' });
        const body = (await res.json()) as { error?: { offer?: { template?: { name: string } } } };
        return res.status === 409 && body.error?.offer?.template?.name === 'kantor_balasan';
      },
      60_000,
      "the office's template offered",
    );
    expect(
      (await desk.api(token, 'POST', `/cases/${c.id}/replies`, { sendAs: 'template' })).status,
    ).toBe(201);
    await waitFor(async () => (await sentTo(c.phone)).length === 1, 60_000, 'the reply template');
    // A status change told outside the window goes as the office's case-update template.
    expect((await desk.api(token, 'POST', `/cases/${c.id}/claim`, {})).status).toBe(200);
    const moved = await desk.api(token, 'POST', `/cases/${c.id}/transitions`, {
      to: 'DIVERIFIKASI',
    });
    expect(moved.status).toBe(200);
    await waitFor(async () => (await sentTo(c.phone)).length === 2, 60_000, 'the update template');
    const sent = await sentTo(c.phone);
    expect(sent.map((m) => m.type)).toEqual(['template', 'template']);
    expect(sent.map((m) => (m.payload!.template as { name: string }).name)).toEqual([
      'kantor_balasan',
      'kantor_kabar',
    ]);
  });
});
