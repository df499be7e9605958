import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundTo, startHarness, textOf, type Harness } from './support/notification-harness.js';

const HOUR = 60 * 60 * 1000;

/** Acceptance 1: the window, the templates, a 429 storm, a 131026, a 190 — against the sandbox. */
describe('notification sends through the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const finalRecord = (id: string) =>
    waitFor(
      async () => {
        const r = await h.app.records.get(id);
        return r && ['sent', 'failed', 'unknown'].includes(r.state) ? r : null;
      },
      30_000,
      `record ${id} final`,
    );

  it('sends free-form inside the 24-hour window, and records the wamid', async () => {
    const to = { phone: '6281200000001' };
    await h.citizenWrites(to);
    // The window is tracked from wa.in.message: wait until ours has it.
    await h.windowSeen(to.phone);
    const id = await h.command(
      to,
      { kind: 'text', text: 'Terima kasih, pesan Anda kami terima.' },
      { fallbackTemplate: { name: 'pandawa_case_update', language: 'id', parameters: ['X'] } },
    );
    const record = await finalRecord(id);
    expect(record.state).toBe('sent');
    expect(record.viaTemplate).toBe(false);
    const sent = outboundTo(h.sandbox, to.phone);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('text');
    expect(sent[0]!.wamid).toBe(record.wamid);
  });

  it('sends the fallback template to a citizen silent for 25 hours, never a free-form that fails 131047', async () => {
    const to = { phone: '6281200000002' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    h.sandbox.state.clock.advance(25 * HOUR);
    try {
      const id = await h.command(
        to,
        { kind: 'text', text: 'Status pengaduan Anda berubah.' },
        {
          fallbackTemplate: {
            name: 'pandawa_case_update',
            language: 'id',
            parameters: ['PKU-1', 'Diproses'],
          },
        },
      );
      const record = await finalRecord(id);
      expect(record.state).toBe('sent');
      expect(record.viaTemplate).toBe(true);
      const sent = outboundTo(h.sandbox, to.phone);
      expect(sent.map((s) => s.type)).toEqual(['template']);
      expect(sent[0]!.payload.template).toMatchObject({ name: 'pandawa_case_update' });
      expect(h.sandbox.state.record.query({ kind: 'graph.error', waId: to.phone })).toHaveLength(0);

      // Without a template to fall back on, the command is explained, not attempted.
      const bare = await h.command(to, { kind: 'text', text: 'tanpa template' });
      const failed = await finalRecord(bare);
      expect(failed.state).toBe('failed');
      expect(failed.error?.title).toMatch(/^WINDOW_CLOSED/);
      expect(outboundTo(h.sandbox, to.phone)).toHaveLength(1);
      expect(h.sandbox.state.record.query({ kind: 'graph.error', waId: to.phone })).toHaveLength(0);
    } finally {
      h.sandbox.state.clock.reset();
    }
  });

  it('answers a first message free-form even before the window consumer has recorded it', async () => {
    // The race of a citizen's very first message: the reply may be handled before the
    // wa.in.message that opened the window. The command names the message it answers.
    const to = { phone: '6281200000009' };
    // The citizen writes to Meta (the sandbox opens its window); WA_IN has not brought it here.
    const first = h.sandbox.sendAsCitizen({
      waId: to.phone,
      message: { type: 'text', text: 'halo' },
    });
    const nowSeconds = Math.floor(h.sandbox.state.clock.now() / 1000);
    const id = await h.command(
      to,
      { kind: 'text', text: 'Selamat datang di layanan pengaduan.' },
      { answers: { messageId: first, timestamp: nowSeconds } },
    );
    const record = await finalRecord(id);
    expect(record.error?.title ?? '').toBe('');
    expect(record.state).toBe('sent');
    expect(record.viaTemplate).toBe(false);
    expect(outboundTo(h.sandbox, to.phone).map((s) => s.type)).toEqual(['text']);

    // A message answered 25 hours late opens nothing: no template, so it is explained, not sent.
    const late = await h.command(
      to,
      { kind: 'text', text: 'terlambat' },
      { answers: { messageId: first, timestamp: nowSeconds - 25 * 3600 } },
    );
    const refused = await finalRecord(late);
    expect(refused.state).toBe('failed');
    expect(refused.error?.title).toMatch(/^WINDOW_CLOSED/);
  });

  it('absorbs a 429 storm with retries: every message arrives once, in order', async () => {
    const to = { phone: '6281200000003' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    h.sandbox.state.faults.add({
      route: 'messages',
      status: 429,
      errorCode: 130429,
      count: 8,
      to: to.phone,
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await h.command(to, { kind: 'text', text: `pesan ${i}` }));
    for (const id of ids) expect((await finalRecord(id)).state).toBe('sent');
    const texts = outboundTo(h.sandbox, to.phone).map(textOf);
    expect(texts).toEqual(['pesan 0', 'pesan 1', 'pesan 2', 'pesan 3', 'pesan 4']);
    expect(h.sandbox.state.record.query({ kind: 'graph.error', waId: to.phone }).length).toBe(8);
    expect(h.app.metrics.retried.get({ code: '130429' })).toBeGreaterThanOrEqual(8);
  });

  it('records a 131026 with Meta code and title, does not retry it, and raises an alert', async () => {
    const to = { phone: '6281200000004' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    h.sandbox.state.faults.add({ route: 'messages', status: 400, errorCode: 131026, to: to.phone });
    const id = await h.command(to, { kind: 'text', text: 'tidak sampai' });
    const record = await finalRecord(id);
    h.sandbox.state.faults.clear();
    expect(record.state).toBe('failed');
    expect(record.error).toMatchObject({
      code: 131026,
      title: 'Message undeliverable',
      permanent: true,
    });
    expect(record.attempts).toBe(1);
    expect(h.sandbox.state.record.query({ kind: 'graph.error', waId: to.phone })).toHaveLength(1);
    const alert = await waitFor(
      () => lastOn(h, h.bus.topology.subjects.notifyAlert, (e) => e.data.commandId === id),
      20_000,
      'alert',
    );
    expect(alert.data).toMatchObject({ kind: 'permanent_failure', errorCode: 131026 });
  });

  it('pauses on 190, keeps everything queued, and resumes without loss once the token works', async () => {
    const to = { phone: '6281200000005' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    h.sandbox.state.faults.add({ route: 'messages', status: 401, errorCode: 190 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await h.command(to, { kind: 'text', text: `antre ${i}` }));
    await waitFor(() => h.app.gates.isPaused(h.sandbox.phoneNumberId), 20_000, 'paused');
    await waitFor(
      () => lastOn(h, h.bus.topology.subjects.notifyAlert, (e) => e.data.kind === 'sending_paused'),
      20_000,
      'paused alert',
    );
    // Several probes fail while the token is still refused; nothing leaves, nothing fails.
    await waitFor(
      () => h.sandbox.state.record.query({ kind: 'graph.error', waId: to.phone }).length >= 3,
      20_000,
      'probes',
    );
    // Pending, or the probe's request in flight; none sent, none failed.
    for (const id of ids)
      expect([undefined, 'pending', 'sending']).toContain((await h.app.records.get(id))?.state);
    expect(outboundTo(h.sandbox, to.phone)).toHaveLength(0);

    h.sandbox.state.faults.clear(); // "the configuration is fixed"
    for (const id of ids) expect((await finalRecord(id)).state).toBe('sent');
    expect(outboundTo(h.sandbox, to.phone).map(textOf)).toEqual([
      'antre 0',
      'antre 1',
      'antre 2',
      'antre 3',
    ]);
    expect(h.app.gates.isPaused(h.sandbox.phoneNumberId)).toBe(false);
  });
});

async function lastOn(
  h: Harness,
  subject: string,
  match: (e: { data: Record<string, unknown> }) => boolean,
): Promise<{ data: Record<string, unknown> } | null> {
  const stream = h.bus.topology.streams.NOTIFY_RESULT.name;
  const info = await h.bus.jsm.streams.info(stream);
  for (let seq = info.state.last_seq; seq >= info.state.first_seq && seq > 0; seq--) {
    const m = await h.bus.jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!m || m.subject !== subject) continue;
    const e = m.json<{ data: Record<string, unknown> }>();
    if (match(e)) return e;
  }
  return null;
}
