import { callUnary } from '@pandawa/grpc';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from './support/files.js';
import {
  asOfficer,
  commandsTo,
  OFFICE,
  phoneSequence,
  startJourneySystem,
  trackingCodeIn,
  type CaseClient,
  type JourneySystem,
} from './support/journey-system.js';

// Transcripts of the citizen's journey (architecture §6), end to end: the citizen writes through
// the wa-sandbox, the gateway takes the webhook, the conversation service answers on
// notify.wa.send, the case service opens the case, document-storage keeps the photos.
let system: JourneySystem;
let officer: CaseClient;

const NIK = '1471015501900003';
const KK = '1471010101200001';
const newPhone = phoneSequence(6281200000000);
const identities = new Set<string>();

beforeAll(async () => {
  system = await startJourneySystem({
    // Two complaints in a row take a fast test client more than 30 messages a minute.
    conversationEnv: { CITIZEN_MAX_MESSAGES_PER_MINUTE: '40' },
  });
  // Every citizen identity the transcripts use, for the log scan at the end.
  const makeCitizen = system.citizen.bind(system);
  system.citizen = (id, profileName, username) => {
    identities.add(id);
    return makeCitizen(id, profileName, username);
  };
  officer = system.cases;
}, 240_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

/** A citizen who has reached the summary of a complaint in `category` (1–6). */
async function toSummary(category = '1') {
  const citizen = system.citizen(newPhone(), 'Siti Aminah');
  await citizen.says('halo');
  await citizen.says('1');
  await citizen.says(category);
  await citizen.says(
    `NIK: ${NIK.slice(0, 4)} ${NIK.slice(4, 8)} ${NIK.slice(8, 12)} ${NIK.slice(12)}`,
  );
  await citizen.says(KK);
  await citizen.says('Siti Aminah');
  await citizen.says('Ditolak di bank karena NIK saya tidak aktif');
  expect(await citizen.sendsFile(png(16, 1), 'image/png')).toEqual([
    expect.stringContaining('Foto KK diterima'),
  ]);
  const summary = await citizen.says('selesai');
  return { citizen, summary };
}

describe('a citizen files a complaint', () => {
  it('first contact: greeting with the privacy notice, then the menu as a list with a numbered fallback', async () => {
    const citizen = system.citizen(newPhone());
    const replies = await citizen.says('Halo');
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('Selamat datang');
    expect(replies[0]).toMatch(/disimpan paling lama 90 hari/);
    expect(replies[1]).toContain('1. Buat pengaduan baru');
    expect(replies[1]).toContain('4. Bicara dengan petugas');
    const menu = commandsTo(system, citizen.waId).find((c) => c.data.message.kind === 'list');
    expect(menu?.data.message).toMatchObject({ kind: 'list', buttonText: 'Pilih layanan' });
    // The read receipt with the typing indicator came first, as its own command.
    const first = commandsTo(system, citizen.waId)[0]!;
    expect(first.data.message).toMatchObject({ kind: 'read', typingIndicator: true });
  });

  it('happy path in every category: Kirim opens a case with the tracking code and the expected response time', async () => {
    const categories = ['1', '2', '3', '4', '5', '6'];
    const results = await Promise.all(
      categories.map(async (category) => {
        const { citizen, summary } = await toSummary(category);
        expect(summary[0]).toContain('Periksa kembali');
        expect(summary[0]).toContain('NIK: 1471********0003');
        const sent = await citizen.taps('summary.send', 'Kirim', 'button_reply');
        return { citizen, sent };
      }),
    );
    const expected = [
      'NIK_TIDAK_AKTIF',
      'DATA_GANDA',
      'DATA_TIDAK_SESUAI',
      'KENDALA_INSTANSI_LAIN',
      'KK_KTP_BERMASALAH',
      'LAINNYA',
    ];
    for (const [i, { citizen, sent }] of results.entries()) {
      expect(sent[0]).toContain('Pengaduan Anda sudah kami terima');
      expect(sent[0]).toMatch(/Petugas akan menanggapi paling lambat \w+, \d+ \w+ \d{4} pukul/);
      const code = trackingCodeIn(sent)!;
      const opened = await callUnary(
        officer,
        officer.getCase,
        { officeId: OFFICE, trackingCode: code },
        asOfficer,
      );
      expect(opened.category).toBe(expected[i]);
      expect(opened.citizen).toMatchObject({
        phone: citizen.waId,
        nik: '1471********0003',
        kkNumber: '1471********0001',
        name: 'Siti Aminah',
      });
      // The numbers as typed were stored: the audited reveal shows them whole.
      const revealed = await callUnary(
        officer,
        officer.revealCitizenIdentity,
        { officeId: OFFICE, caseId: opened.id, reason: 'cek hasil intake' },
        asOfficer,
      );
      expect(revealed).toMatchObject({ nik: NIK, kkNumber: KK });
      expect(opened.documentIds).toHaveLength(1);
      // Nothing the bot said repeats the NIK in clear.
      for (const c of commandsTo(system, citizen.waId))
        expect(JSON.stringify(c)).not.toContain(NIK);
    }
  });

  it('every validation failure is re-asked with its reason', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    await citizen.says('buat pengaduan');
    expect(await citizen.says('9')).toEqual([
      expect.stringContaining('Kategori tidak dikenali'),
      expect.any(String),
    ]);
    await citizen.says('NIK tidak aktif');
    expect(await citizen.says('1471 0155 0190 000')).toEqual([
      expect.stringContaining('NIK harus 16 angka (yang Anda kirim 15 angka)'),
    ]);
    expect(await citizen.says('147101550190000A')).toEqual([
      expect.stringContaining('NIK harus 16 angka, tanpa huruf'),
    ]);
    expect(await citizen.says('9971015501900003')).toEqual([
      expect.stringContaining('kode provinsi pada NIK'),
    ]);
    expect(await citizen.says('1499015501900003')).toEqual([
      expect.stringContaining('kode kabupaten/kota pada NIK'),
    ]);
    expect(await citizen.says('1471017201900003')).toEqual([
      expect.stringContaining('tanggal lahir pada NIK tidak valid'),
    ]);
    expect(await citizen.says('1471010101990000')).toEqual([
      expect.stringContaining('nomor urut pada NIK tidak boleh 0000'),
    ]);
    expect(await citizen.says(NIK)).toEqual([expect.stringContaining('Nomor Kartu Keluarga')]);
    expect(await citizen.says('1471014101200001')).toEqual([
      expect.stringContaining('tanggal pada Nomor KK tidak valid'),
    ]);
    await citizen.says(KK);
    expect(await citizen.says('S')).toEqual([expect.stringContaining('Nama lengkap harus')]);
    await citizen.says('Budi Santoso');
    expect(await citizen.says('tolong')).toEqual([
      expect.stringContaining('Uraian masalah harus 10 sampai'),
    ]);
    await citizen.says('Data saya tercatat ganda di sistem');
    expect(await citizen.says('sudah saya kirim kemarin')).toEqual([
      expect.stringContaining('Foto Kartu Keluarga wajib'),
    ]);
    const all = commandsTo(system, citizen.waId)
      .map((c) => JSON.stringify(c))
      .join('\n');
    expect(all).not.toContain(NIK);
  });

  it('batal and menu work mid-flow, in any case and with punctuation', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    await citizen.says('1');
    await citizen.says('3');
    const cancelled = await citizen.says('  BATAL!! ');
    expect(cancelled[0]).toContain('pengisian pengaduan dibatalkan');
    expect(cancelled[1]).toContain('1. Buat pengaduan baru');
    await citizen.says('1');
    await citizen.says('2');
    await citizen.says(NIK);
    const menu = await citizen.says('Menu.');
    expect(menu).toEqual([expect.stringContaining('Silakan pilih layanan')]);
    // The abandoned intake is gone: a new one starts at the category.
    expect(await citizen.says('1')).toEqual([
      expect.stringContaining('Apa masalah yang ingin Anda laporkan'),
    ]);
  });

  it('Ubah at the summary fixes one answer and keeps the others', async () => {
    const { citizen } = await toSummary('3');
    expect(await citizen.taps('summary.edit', 'Ubah', 'button_reply')).toEqual([
      expect.stringContaining('Bagian mana yang ingin diubah'),
    ]);
    expect(await citizen.says('4')).toEqual([expect.stringContaining('nama lengkap')]);
    const summary = await citizen.says('Siti Aminah Putri');
    expect(summary[0]).toContain('Nama: Siti Aminah Putri');
    expect(summary[0]).toContain('NIK: 1471********0003');
    expect(summary[0]).toContain('Kategori: Data tidak sesuai');
    const sent = await citizen.says('1');
    const opened = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, trackingCode: trackingCodeIn(sent)! },
      asOfficer,
    );
    expect(opened.citizen?.name).toBe('Siti Aminah Putri');
  });

  it('documents: a refused file gets its reason, a photo at a text step is kept and the step re-asked', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    await citizen.says('1');
    await citizen.says('1');
    const kept = await citizen.sendsFile(png(12, 2), 'image/png');
    expect(kept[0]).toContain('Dokumen Anda kami simpan');
    expect(kept[1]).toContain('Ketik NIK Anda');
    await citizen.says(NIK);
    await citizen.says(KK);
    await citizen.says('Budi Santoso');
    await citizen.says('KTP-el saya tidak terbaca di kantor bank');
    const refused = await citizen.sendsFile(
      Buffer.from('bukan gambar, hanya teks biasa'),
      'text/plain',
      'document',
    );
    expect(refused[0]).toContain('Dokumen tidak dapat diterima');
    await citizen.sendsFile(png(16, 3), 'image/png');
    expect(await citizen.sendsFile(png(20, 4), 'image/png')).toEqual([
      expect.stringContaining('Dokumen diterima (3 dokumen)'),
    ]);
    const summary = await citizen.says('SELESAI');
    expect(summary[0]).toContain('Dokumen: 3');
    const sent = await citizen.says('kirim');
    const opened = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, trackingCode: trackingCodeIn(sent)! },
      asOfficer,
    );
    expect(opened.documentIds).toHaveLength(3);
  });

  it('stickers, locations, reactions and voice notes get a polite answer', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    const sticker = await citizen.repliesTo(
      await citizen.send({
        type: 'sticker',
        dataBase64: png(8).toString('base64'),
        mimeType: 'image/webp',
      }),
    );
    expect(JSON.stringify(sticker)).toContain('stiker belum dapat kami proses');
    const location = await citizen.repliesTo(
      await citizen.send({ type: 'location', latitude: 0.5, longitude: 101.4 }),
    );
    expect(JSON.stringify(location)).toContain('lokasi belum dapat kami proses');
    const voice = await citizen.repliesTo(
      await citizen.send({ type: 'audio', dataBase64: 'AAAA', mimeType: 'audio/ogg' }),
    );
    expect(JSON.stringify(voice)).toContain('pesan suara');
  });
});

describe('a citizen with a case', () => {
  it('checks the status of their own case; a stranger typing the code learns nothing', async () => {
    const { citizen } = await toSummary('1');
    const code = trackingCodeIn(await citizen.says('1'))!;
    const status = await citizen.says('status');
    expect(status[0]).toContain(`${code} (NIK tidak aktif): Baru diterima`);
    expect(await citizen.says(code.toLowerCase())).toEqual([
      expect.stringContaining(`Pengaduan ${code}: Baru diterima`),
    ]);

    const stranger = system.citizen(newPhone());
    await stranger.says('halo');
    const strangerSees = await stranger.says(code);
    expect(strangerSees).toEqual([
      'Kode pengaduan tersebut tidak ditemukan di antara pengaduan Anda.',
    ]);
    // The same words as a code that exists nowhere.
    expect(await stranger.says('PDW-222222')).toEqual(strangerSees);
  });

  it('free text with an open case goes to the case with a short acknowledgement; a second complaint opens a second case', async () => {
    const { citizen } = await toSummary('1');
    const first = trackingCodeIn(await citizen.says('1'))!;
    expect(await citizen.says('Saya sudah ke kantor bank lagi, masih ditolak')).toEqual([
      `Pesan Anda sudah kami teruskan ke pengaduan ${first}.`,
    ]);
    const firstCase = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, trackingCode: first },
      asOfficer,
    );
    expect(firstCase.messages.map((m) => m.text)).toContain(
      'Saya sudah ke kantor bank lagi, masih ditolak',
    );
    // A document outside an intake goes to the open case too.
    expect(await citizen.sendsFile(png(14, 7), 'image/png')).toEqual([
      `Dokumen Anda sudah kami lampirkan ke pengaduan ${first}.`,
    ]);
    const withDocument = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, trackingCode: first },
      asOfficer,
    );
    expect(withDocument.documentIds).toHaveLength(2);

    await citizen.says('1');
    await citizen.says('5');
    await citizen.says(NIK);
    await citizen.says(KK);
    await citizen.says('Siti Aminah');
    await citizen.says('KK saya belum diperbarui setelah menikah');
    await citizen.sendsFile(png(16, 9), 'image/png');
    await citizen.says('selesai');
    const second = trackingCodeIn(await citizen.says('kirim'))!;
    expect(second).not.toBe(first);
    const status = (await citizen.says('status')).join('\n');
    expect(status).toContain(first);
    expect(status).toContain(second);
  });

  it('petugas hands the conversation to an officer; the bot stays quiet until the case closes', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    const handed = await citizen.says('Petugas!');
    expect(handed[0]).toContain('pesan Anda kami teruskan kepada petugas');
    const code = trackingCodeIn(handed)!;
    const quiet = await citizen.send({
      type: 'text',
      text: 'Pak, NIK saya diblokir sejak bulan lalu',
    });
    // One citizen's messages are handled in order: once `status` is answered, the message
    // before it has been handled, without a reply.
    expect((await citizen.says('status'))[0]).toContain(code);
    expect(
      system.commands.filter(
        (c) => c.id.startsWith(`${quiet}:`) && c.data.purpose === 'conversation.reply',
      ),
    ).toEqual([]);
    const handedCase = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, trackingCode: code },
      asOfficer,
    );
    expect(handedCase.category).toBe('LAINNYA');
    expect(handedCase.messages.map((m) => m.text)).toContain(
      'Pak, NIK saya diblokir sejak bulan lalu',
    );

    await callUnary(
      officer,
      officer.transitionCase,
      {
        officeId: OFFICE,
        caseId: handedCase.id,
        toStatus: 'DITOLAK',
        reason: 'Sudah dijawab lewat telepon',
      },
      asOfficer,
    );
    // Closed: the bot answers again.
    expect(await citizen.says('halo')).toEqual([
      expect.stringContaining('Maaf, saya belum mengerti'),
      expect.stringContaining('Silakan pilih layanan'),
    ]);
  });

  it('a message WhatsApp delivers again days later (past every duplicate window) takes effect once', async () => {
    const citizen = system.citizen(newPhone());
    const wamid = await citizen.send({ type: 'text', text: 'halo' });
    await citizen.repliesTo(wamid);
    const stream = system.bus.topology.streams.WA_IN.name;
    const original = await waitFor(
      async () => {
        for (let seq = (await system.bus.jsm.streams.info(stream)).state.last_seq; seq > 0; seq--) {
          const m = await system.bus.jsm.streams.getMessage(stream, { seq }).catch(() => null);
          if (m && m.json<{ data: { messageId: string } }>().data.messageId === wamid) return m;
        }
        return null;
      },
      20_000,
      'the original in WA_IN',
    );
    // A new Nats-Msg-Id: as if the gateway's ledger had forgotten it too.
    await system.bus.js.publish(system.bus.topology.subjects.waInMessage, original.data, {
      msgID: `replay-${wamid}`,
    });
    const count = () => system.commands.filter((c) => c.id.startsWith(`${wamid}:`)).length;
    const before = count();
    expect((await citizen.says('status'))[0]).toContain('belum memiliki pengaduan');
    expect(count()).toBe(before);
  });

  it('a flood from one citizen is slowed down with one notice; another citizen is answered meanwhile', async () => {
    const flooder = system.citizen(newPhone());
    await flooder.says('halo');
    const sent: string[] = [];
    // 40 a minute in this system; the greeting above was the first.
    for (let i = 0; i < 45; i++)
      sent.push(await flooder.send({ type: 'text', text: `tolong ${i}` }));
    const other = system.citizen(newPhone());
    expect((await other.says('halo'))[0]).toContain('Selamat datang');
    // Within the limit: answered. The first one past it: one notice. After that: nothing.
    await flooder.repliesTo(sent[38]!);
    expect(await flooder.repliesTo(sent[39]!)).toEqual([
      expect.objectContaining({ text: expect.stringContaining('Mohon tunggu 1 menit') }),
    ]);
    // A minute later (WhatsApp's clock) the citizen is answered again; being in order, that
    // answer means every flood message before it was handled.
    await fetch(`${system.sandboxUrl}/sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 61_000 }),
    });
    expect((await flooder.says('halo')).at(-1)).toContain('Silakan pilih layanan');
    const replied = (wamid: string) =>
      system.commands.some(
        (c) => c.id.startsWith(`${wamid}:`) && c.data.purpose === 'conversation.reply',
      );
    expect(sent.slice(40).filter(replied)).toEqual([]);
  });
});

describe('a citizen WhatsApp knows only by a BSUID', () => {
  it('files a complaint and checks it, with no phone number anywhere', async () => {
    const bsuid = `ID.${Date.now()}${Math.floor(Math.random() * 1000)}`;
    // The sandbox plays a username citizen: a BSUID in the path, no phone in the webhook.
    const citizen = system.citizen(bsuid, 'Siti', 'siti.aminah');
    expect((await citizen.says('halo'))[0]).toContain('Selamat datang');
    await citizen.says('1');
    await citizen.says('4');
    await citizen.says(NIK);
    await citizen.says(KK);
    await citizen.says('Siti Aminah');
    await citizen.says('Ditolak BPJS karena data saya tidak sesuai');
    expect(await citizen.sendsFile(png(16, 5), 'image/png')).toEqual([
      expect.stringContaining('Foto KK diterima'),
    ]);
    await citizen.says('selesai');
    const code = trackingCodeIn(await citizen.says('kirim'))!;
    expect((await citizen.says('status'))[0]).toContain(code);
    const opened = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, trackingCode: code },
      asOfficer,
    );
    expect(opened.citizen).toMatchObject({ bsuid, phone: '', username: 'siti.aminah' });
    const sent = commandsTo(system, bsuid);
    expect(sent.length).toBeGreaterThan(10);
    for (const c of sent) expect(c.data.to).toEqual({ bsuid, username: 'siti.aminah' });
  });
});

describe('an idle session', () => {
  it("expires after 30 minutes on WhatsApp's clock: the next message says so and shows the menu", async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    await citizen.says('1');
    expect(await citizen.says('2')).toEqual([expect.stringContaining('Ketik NIK Anda')]);
    // The citizen puts the phone down for 31 minutes.
    await fetch(`${system.sandboxUrl}/sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 31 * 60_000 }),
    });
    const replies = await citizen.says(NIK);
    expect(replies[0]).toContain('Sesi Anda berakhir karena tidak ada balasan selama 30 menit');
    expect(replies.at(-1)).toContain('Silakan pilih layanan');
    expect(await citizen.says('1')).toEqual([expect.stringContaining('Apa masalah')]);
  });

  it('leaves no phone number, BSUID, username, NIK or KK number of any citizen in any service log', () => {
    const logs = Object.values(system.services)
      .map((s) => s.output.join(''))
      .join('');
    expect(identities.size).toBeGreaterThan(10);
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [...identities, 'siti.aminah', NIK, KK])
      expect(logs.includes(secret), `${secret.slice(0, 4)}… in a log line`).toBe(false);
  });
});
