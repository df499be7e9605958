import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  officerReplyText,
  statusChangedText,
  type StatusNotice,
} from '../../../services/notification/src/messages.id.js';
import { WhatsAppCitizen } from '../../support/citizen-phone.js';
import { SendResults } from '../../support/send-results.js';
import { startDeskSystem, type DeskSystem } from '../admin/support/desk-system.js';
import { png } from '../conversation/support/files.js';

// Acceptance 5 of issue 13: a citizen's complaint from the first message to SELESAI, every step
// heard on WhatsApp. Each service is its own process (the desk harness with the wa-sandbox,
// conversation and notification); the sandbox plays the citizen and is the citizen's phone: a
// step is heard when the sandbox received it from the notification service, which sends every
// message (the tracking code too). The officer works the case through the admin API, signed in.
let system: DeskSystem;
let results: SendResults;
let officer: string;
let officerId: string;

const NIK = '1471015501900003';
const KK = '1471010101200001';
/** Generous: six services, the sandbox and FerretDB share a loaded 2-core machine. */
const HEARD_DEADLINE_MS = 90_000;
let nextPhone = 6281300000000 + Math.floor(Math.random() * 1_000_000) * 100;
const newPhone = () => String(nextPhone++);

beforeAll(async () => {
  system = await startDeskSystem({
    with: ['sandbox', 'conversation', 'notification'],
    env: {
      // Two complaints in a row take a fast test client past 30 messages a minute.
      conversation: { CITIZEN_MAX_MESSAGES_PER_MINUTE: '40' },
      // A test citizen types far faster than a person: keep pair-rate pacing out of the way.
      notification: { RECIPIENT_BURST: '500', GRPC_DEADLINE_MS: '20000' },
    },
  });
  results = await SendResults.follow(system.bus);
  officer = await system.tokenOf('officer.pekanbaru');
  officerId = system.accountIds['officer.pekanbaru']!;
}, 420_000);

afterAll(async () => {
  await results?.close();
  await system?.stop();
}, 60_000);

const newCitizen = (name: string) =>
  new WhatsAppCitizen(system.sandboxUrl!, results, newPhone(), name, HEARD_DEADLINE_MS);

interface ThreadMessage {
  id: string;
  author: string;
  text: string;
  delivery: string | null;
  deliveryFailure: { code: number; title: string } | null;
}
interface CaseDetail {
  id: string;
  trackingCode: string;
  status: string;
  category: string;
  assignee: { id: string | null } | null;
  thread: ThreadMessage[];
  documents: { id: string }[];
}

/** The admin API as the signed-in officer; a refusal fails the test with its body. */
async function desk<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await system.api(officer, method, path, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const caseDetail = (id: string) => desk<CaseDetail>('GET', `/cases/${id}`);

async function caseByCode(code: string): Promise<CaseDetail> {
  const page = await desk<{ items: { id: string; trackingCode: string }[] }>(
    'GET',
    `/cases?q=${code}`,
  );
  const found = page.items.find((c) => c.trackingCode === code);
  expect(found, `case ${code} in the office's queue`).toBeDefined();
  return caseDetail(found!.id);
}

/** A citizen files a complaint through the whole intake; returns the code they were sent. */
async function fileComplaint(citizen: WhatsAppCitizen): Promise<string> {
  const greeting = await citizen.says('Halo');
  expect(greeting[0]).toContain('Selamat datang');
  expect(greeting[1]).toContain('1. Buat pengaduan baru');
  expect(await citizen.says('1')).toEqual([
    expect.stringContaining('Apa masalah yang ingin Anda laporkan'),
  ]);
  expect(await citizen.says('1')).toEqual([expect.stringContaining('Ketik NIK Anda')]);
  expect(await citizen.says(NIK)).toEqual([expect.stringContaining('Nomor Kartu Keluarga')]);
  expect(await citizen.says(KK)).toEqual([expect.stringContaining('nama lengkap')]);
  expect(await citizen.says('Siti Aminah')).toEqual([
    expect.stringContaining('Ceritakan masalah Anda'),
  ]);
  expect(await citizen.says('Ditolak di bank karena NIK saya tidak aktif')).toEqual([
    expect.stringContaining('Kirim foto Kartu Keluarga'),
  ]);
  expect(await citizen.sendsFile(png(16, 1), 'image/png')).toEqual([
    expect.stringContaining('Foto KK diterima'),
  ]);
  const summary = await citizen.says('SELESAI');
  expect(summary[0]).toContain('Periksa kembali');
  expect(summary[0]).toContain('NIK: 1471********0003');
  const sent = await citizen.taps('summary.send', 'Kirim', 'button_reply');
  expect(sent[0]).toContain('Pengaduan Anda sudah kami terima');
  const code = /PDW-[A-Z0-9]{6}/.exec(sent.join('\n'))?.[0];
  expect(code, 'the tracking code on the citizen’s phone').toBeDefined();
  return code!;
}

/**
 * An officer's step, then what the citizen's phone shows for it: the first message received
 * after the step that names the case. Returns the API's answer and the message heard.
 */
async function officerStep<T>(
  citizen: WhatsAppCitizen,
  code: string,
  step: () => Promise<T>,
  what: string,
): Promise<{ after: T; heard: string; wamid: string }> {
  const mark = await citizen.phone.mark();
  const after = await step();
  const heard = await citizen.phone.waitFor(mark, (t) => t.includes(code), HEARD_DEADLINE_MS, what);
  return { after, heard: heard.text, wamid: heard.wamid };
}

const transition =
  (caseId: string, to: StatusNotice['to'], extra: Record<string, unknown> = {}) =>
  () =>
    desk<{ status: string }>('POST', `/cases/${caseId}/transitions`, { to, ...extra });

const reply = (caseId: string, text: string) => () =>
  desk<{ message: { id: string; delivery: string } }>('POST', `/cases/${caseId}/replies`, {
    text,
  });

/** The wording notification owns for a status (services/notification/src/messages.id.ts). */
const expected = (notice: StatusNotice) => statusChangedText(notice)!;

async function statusesOf(wamid: string): Promise<string[]> {
  const res = await fetch(`${system.sandboxUrl}/sandbox/record?kind=status&wamid=${wamid}`);
  return ((await res.json()) as { entries: { status: string }[] }).entries.map((e) => e.status);
}

describe('a complaint from the first message to SELESAI, every step heard on WhatsApp', () => {
  it('intake, tracking code, claim, processing, missing data and a document, a visit, a reply with ticks, SELESAI', async () => {
    const citizen = newCitizen('Siti Aminah');
    const code = await fileComplaint(citizen);
    const opened = await caseByCode(code);
    expect(opened).toMatchObject({ status: 'BARU', category: 'NIK_TIDAK_AKTIF' });
    expect(opened.documents).toHaveLength(1);
    const id = opened.id;

    // The officer takes the case and verifies it.
    await desk('POST', `/cases/${id}/claim`, {});
    expect((await caseDetail(id)).assignee?.id).toBe(officerId);
    const verified = await officerStep(citizen, code, transition(id, 'DIVERIFIKASI'), 'verified');
    expect(verified.heard).toBe(expected({ trackingCode: code, to: 'DIVERIFIKASI' }));
    expect(verified.heard).toContain('sudah diverifikasi petugas');

    const processing = await officerStep(citizen, code, transition(id, 'DIPROSES'), 'DIPROSES');
    expect(processing.heard).toBe(expected({ trackingCode: code, to: 'DIPROSES' }));
    expect(processing.heard).toContain('sedang diproses');

    // Missing data: the citizen hears what to send, sends it, and it is attached to the case.
    const missingItems = ['Foto KTP-el yang jelas', 'Surat keterangan dari bank'];
    const waiting = await officerStep(
      citizen,
      code,
      transition(id, 'MENUNGGU_DATA', { missingItems, reason: 'Foto KTP-el belum ada' }),
      'MENUNGGU_DATA',
    );
    expect(waiting.after.status).toBe('MENUNGGU_DATA');
    expect(waiting.heard).toBe(
      expected({
        trackingCode: code,
        to: 'MENUNGGU_DATA',
        missingItems,
        reason: 'Foto KTP-el belum ada',
      }),
    );
    expect(waiting.heard).toContain('membutuhkan data tambahan');
    expect(waiting.heard).toContain('• Foto KTP-el yang jelas\n• Surat keterangan dari bank');
    const attached = await citizen.sendsFile(png(20, 7), 'image/png');
    expect(attached).toEqual([`Dokumen Anda sudah kami lampirkan ke pengaduan ${code}.`]);
    const withDocument = await waitFor(
      async () => {
        const c = await caseDetail(id);
        return c.documents.length === 2 ? c : null;
      },
      HEARD_DEADLINE_MS,
      'the document attached to the case',
    );
    expect(withDocument.documents.map((d) => d.id)).toContain(opened.documents[0]!.id);

    const resumed = await officerStep(citizen, code, transition(id, 'DIPROSES'), 'DIPROSES again');
    expect(resumed.heard).toBe(expected({ trackingCode: code, to: 'DIPROSES' }));

    // A visit for the biometric check, with the office's own instructions.
    const visitInstructions = 'Datang ke loket 3 pada hari Senin pukul 09.00 dengan KTP-el asli.';
    const visit = await officerStep(
      citizen,
      code,
      transition(id, 'PERLU_KUNJUNGAN', { visitInstructions }),
      'PERLU_KUNJUNGAN',
    );
    expect(visit.heard).toBe(
      expected({ trackingCode: code, to: 'PERLU_KUNJUNGAN', visitInstructions }),
    );
    expect(visit.heard).toContain('memerlukan kunjungan Anda ke kantor');
    expect(visit.heard).toContain(visitInstructions);

    // An officer's reply: heard, and its ticks (sent → delivered → read, as the sandbox reports
    // them) reach the case.
    const replyText = 'Data biometrik Anda sudah kami perbarui. Terima kasih sudah datang.';
    const replied = await officerStep(citizen, code, reply(id, replyText), 'the officer’s reply');
    expect(replied.heard).toBe(officerReplyText(code, replyText));
    const replyId = replied.after.message.id;
    const read = await waitFor(
      async () => {
        const m = (await caseDetail(id)).thread.find((x) => x.id === replyId);
        return m?.delivery === 'read' ? m : null;
      },
      HEARD_DEADLINE_MS,
      'the reply shown read on the case',
    );
    expect(read).toMatchObject({ author: 'officer', text: replyText, deliveryFailure: null });
    // What the sandbox (Meta) reported for that message, in its order.
    expect(await statusesOf(replied.wamid)).toEqual(['sent', 'delivered', 'read']);

    const done = await officerStep(
      citizen,
      code,
      transition(id, 'SELESAI', { reason: 'NIK sudah aktif kembali' }),
      'SELESAI',
    );
    expect(done.after.status).toBe('SELESAI');
    expect(done.heard).toBe(
      expected({ trackingCode: code, to: 'SELESAI', reason: 'NIK sudah aktif kembali' }),
    );
    expect(done.heard).toContain('telah *selesai*');

    // Every message the citizen received, in order, once each: nothing twice, nothing lost.
    const all = await citizen.phone.received();
    const notices = all.filter((m) => m.text.includes(code)).map((m) => m.text);
    expect(notices).toEqual([
      expect.stringContaining('Pengaduan Anda sudah kami terima'),
      verified.heard,
      processing.heard,
      waiting.heard,
      attached[0],
      resumed.heard,
      visit.heard,
      replied.heard,
      done.heard,
    ]);
    expect(new Set(all.map((m) => m.wamid)).size).toBe(all.length);
    for (const m of all) expect(JSON.stringify(m.payload)).not.toContain(NIK);

    // Nothing personal in any service's log, at the `info` level the harness runs them at: not
    // the numbers, not the phone, not what the citizen or the officer wrote. (The sandbox is left
    // out: it plays Meta and the citizen's phone.)
    const personal = {
      NIK,
      KK,
      phone: citizen.waId,
      'the citizen’s description': 'Ditolak di bank karena NIK saya tidak aktif',
      'the officer’s reply': replyText,
      'the visit instructions': visitInstructions,
    };
    for (const [name, service] of Object.entries(system.services)) {
      if (name === 'sandbox' || !service) continue;
      const log = service.output.join('');
      expect(log, `the ${name} log was captured`).toContain('"level":"info"');
      for (const [what, value] of Object.entries(personal))
        expect(log.includes(value), `${what} in the ${name} log`).toBe(false);
    }
  });
});

describe("a failed reply is visible to the officer with Meta's reason", () => {
  /** A citizen with an open case (filed through the intake), and the case's id. */
  async function citizenWithCase() {
    const citizen = newCitizen('Budi Santoso');
    const code = await fileComplaint(citizen);
    return { citizen, id: (await caseByCode(code)).id };
  }

  async function fault(rule: Record<string, unknown>) {
    const res = await fetch(`${system.sandboxUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [rule] }),
    });
    expect(res.status).toBe(200);
  }

  async function failedOnCase(id: string, replyId: string) {
    return waitFor(
      async () => {
        const m = (await caseDetail(id)).thread.find((x) => x.id === replyId);
        return m?.delivery === 'failed' && m.deliveryFailure ? m : null;
      },
      HEARD_DEADLINE_MS,
      'the reply shown failed on the case',
    );
  }

  it('a send Meta refuses with 131026: failed, with the code and title, and not retried', async () => {
    const { citizen, id } = await citizenWithCase();
    await fault({ route: 'messages', errorCode: 131026, to: citizen.waId, count: 1 });
    const replied = await reply(id, 'Mohon kirim ulang foto KK Anda.')();
    const failed = await failedOnCase(id, replied.message.id);
    expect(failed.deliveryFailure).toEqual({ code: 131026, title: 'Message undeliverable' });
    // Permanent: one refused request, never a second try, nothing reached the phone.
    const errors = await fetch(
      `${system.sandboxUrl}/sandbox/record?kind=graph.error&waId=${citizen.waId}`,
    ).then(async (r) => ((await r.json()) as { entries: { code: number }[] }).entries);
    expect(errors.map((e) => e.code)).toEqual([131026]);
    const heard = (await citizen.phone.received()).map((m) => m.text);
    expect(heard.some((t) => t.includes('Mohon kirim ulang foto KK'))).toBe(false);
  });

  it('a message Meta accepts and later reports failed with 131026: failed, with the code and title', async () => {
    const { citizen, id } = await citizenWithCase();
    await fault({ route: 'messages', deliveryFailureCode: 131026, to: citizen.waId, count: 1 });
    const replied = await reply(id, 'Silakan datang ke kantor untuk perekaman ulang.')();
    const failed = await failedOnCase(id, replied.message.id);
    expect(failed.deliveryFailure).toEqual({ code: 131026, title: 'Message undeliverable' });
  });
});
