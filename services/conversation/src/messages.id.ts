import type { OutboundMessage } from '@pandawa/contracts';
import type { CaseCategory } from './domain/categories.js';
import type { NumberProblem } from './domain/population-number.js';

/**
 * Every text a citizen reads from the bot, in Bahasa Indonesia (house style: one place per
 * service). Short sentences, one question at a time, always a way out. Interactive messages stay
 * inside Meta's limits: 10 list rows, 24-character row titles, 72-character descriptions,
 * 20-character buttons, 3 reply buttons; every list and button set has a numbered text fallback
 * in its body, so a citizen who types `1` gets the same as one who taps.
 */

const text = (body: string): OutboundMessage => ({ kind: 'text', text: body });

export const MENU_ROWS = [
  {
    id: 'menu.new',
    title: 'Buat pengaduan baru',
    description: 'Laporkan masalah data kependudukan',
  },
  {
    id: 'menu.status',
    title: 'Cek status pengaduan',
    description: 'Lihat perkembangan pengaduan Anda',
  },
  {
    id: 'menu.info',
    title: 'Info & jam layanan',
    description: 'Jam buka, alamat, dan syarat dokumen',
  },
  {
    id: 'menu.officer',
    title: 'Bicara dengan petugas',
    description: 'Sampaikan langsung kepada petugas',
  },
] as const;

export const CATEGORY_ROWS: ReadonlyArray<{
  id: string;
  category: CaseCategory;
  title: string;
  description: string;
}> = [
  {
    id: 'cat.NIK_TIDAK_AKTIF',
    category: 'NIK_TIDAK_AKTIF',
    title: 'NIK tidak aktif',
    description: 'NIK tidak aktif atau tidak ditemukan',
  },
  {
    id: 'cat.DATA_GANDA',
    category: 'DATA_GANDA',
    title: 'Data ganda',
    description: 'Data tercatat dua kali (perlu cek biometrik di kantor)',
  },
  {
    id: 'cat.DATA_TIDAK_SESUAI',
    category: 'DATA_TIDAK_SESUAI',
    title: 'Data tidak sesuai',
    description: 'Nama, tanggal lahir, atau data lain perlu diperbaiki',
  },
  {
    id: 'cat.KENDALA_INSTANSI_LAIN',
    category: 'KENDALA_INSTANSI_LAIN',
    title: 'Kendala instansi lain',
    description: 'Ditolak bank, BPJS, atau instansi lain karena data',
  },
  {
    id: 'cat.KK_KTP_BERMASALAH',
    category: 'KK_KTP_BERMASALAH',
    title: 'KK / KTP-el bermasalah',
    description: 'Kartu Keluarga atau KTP-el bermasalah',
  },
  { id: 'cat.LAINNYA', category: 'LAINNYA', title: 'Lainnya', description: 'Masalah lain' },
];

export const SUMMARY_BUTTONS = [
  { id: 'summary.send', title: 'Kirim' },
  { id: 'summary.edit', title: 'Ubah' },
  { id: 'summary.cancel', title: 'Batal' },
] as const;

/** The answers Ubah can change, in the order they were asked. */
export const EDIT_ROWS = [
  { id: 'edit.category', title: 'Kategori' },
  { id: 'edit.nik', title: 'NIK' },
  { id: 'edit.kk', title: 'Nomor KK' },
  { id: 'edit.name', title: 'Nama lengkap' },
  { id: 'edit.description', title: 'Uraian masalah' },
] as const;

const numbered = (titles: readonly string[]) => titles.map((t, i) => `${i + 1}. ${t}`).join('\n');

export const categoryTitle = (category: CaseCategory) =>
  CATEGORY_ROWS.find((r) => r.category === category)?.title ?? category;

export const messages = {
  greeting: (privacyDays: number) =>
    text(
      'Selamat datang di layanan pengaduan WhatsApp Disdukcapil Kota Pekanbaru. 🙏\n' +
        `Data yang Anda kirim hanya dipakai untuk menangani pengaduan Anda dan disimpan paling lama ${privacyDays} hari setelah pengaduan selesai.`,
    ),

  menu: (): OutboundMessage => ({
    kind: 'list',
    body:
      'Silakan pilih layanan. Anda juga bisa mengetik nomornya:\n' +
      numbered(MENU_ROWS.map((r) => r.title)),
    buttonText: 'Pilih layanan',
    sections: [{ title: 'Layanan', rows: MENU_ROWS.map((r) => ({ ...r })) }],
  }),

  sessionExpired: () =>
    text(
      'Sesi Anda berakhir karena tidak ada balasan selama 30 menit. Silakan mulai lagi dari menu.',
    ),

  notUnderstood: () => text('Maaf, saya belum mengerti. Silakan pilih dari menu di bawah.'),

  cancelled: () => text('Baik, pengisian pengaduan dibatalkan. Data yang belum dikirim dihapus.'),

  askCategory: (): OutboundMessage => ({
    kind: 'list',
    body:
      'Apa masalah yang ingin Anda laporkan? Anda juga bisa mengetik nomornya:\n' +
      numbered(CATEGORY_ROWS.map((r) => r.title)),
    buttonText: 'Pilih kategori',
    sections: [
      {
        title: 'Kategori',
        rows: CATEGORY_ROWS.map((r) => ({ id: r.id, title: r.title, description: r.description })),
      },
    ],
  }),

  categoryNotRecognized: () =>
    text('Kategori tidak dikenali. Ketik nomor 1 sampai 6, atau pilih dari daftar.'),

  askNik: () =>
    text(
      'Ketik NIK Anda (16 angka, tertera di KTP-el atau Kartu Keluarga).\nKetik BATAL untuk berhenti.',
    ),

  askKk: () => text('Ketik Nomor Kartu Keluarga (KK) Anda (16 angka, di bagian atas KK).'),

  askName: () => text('Ketik nama lengkap Anda sesuai KTP-el.'),

  nameInvalid: () => text('Nama lengkap harus 3 sampai 100 huruf. Silakan ketik lagi.'),

  askDescription: () =>
    text(
      'Ceritakan masalah Anda secara singkat (misalnya: ditolak di bank karena NIK tidak aktif).',
    ),

  descriptionInvalid: (max: number) =>
    text(`Uraian masalah harus 10 sampai ${max} karakter. Silakan ketik lagi.`),

  askKkPhoto: () =>
    text(
      'Kirim foto Kartu Keluarga (KK) Anda. Pastikan seluruh halaman terlihat jelas dan terbaca.',
    ),

  kkPhotoNeeded: () =>
    text(
      'Foto Kartu Keluarga wajib dilampirkan. Silakan kirim foto atau PDF KK Anda, atau ketik BATAL.',
    ),

  askMoreDocuments: () =>
    text(
      'Foto KK diterima. ✅\nJika ada dokumen pendukung lain (KTP-el, Akta Kelahiran, Surat Keterangan Kelahiran, Ijazah, Buku Nikah, ...), kirim sekarang.\nKetik SELESAI jika sudah.',
    ),

  documentReceived: (count: number) =>
    text(`Dokumen diterima (${count} dokumen). Kirim lagi, atau ketik SELESAI jika sudah.`),

  moreDocumentsHint: () =>
    text('Kirim foto atau PDF dokumen pendukung, atau ketik SELESAI untuk melanjutkan.'),

  documentRefused: (reason: string) =>
    text(`Dokumen tidak dapat diterima: ${reason}\nSilakan kirim foto atau PDF lain.`),

  documentUnavailable: () =>
    text('Maaf, dokumen Anda belum dapat kami ambil. Silakan kirim ulang sebentar lagi.'),

  documentKeptAtTextStep: () => text('Dokumen Anda kami simpan untuk pengaduan ini.'),

  tooManyDocuments: (max: number) =>
    text(`Paling banyak ${max} dokumen untuk satu pengaduan. Ketik SELESAI untuk melanjutkan.`),

  numberInvalid: (field: 'NIK' | 'Nomor KK', problem: NumberProblem, digits: number) => {
    const reasons: Record<NumberProblem, string> = {
      NOT_DIGITS: `${field} harus 16 angka, tanpa huruf.`,
      LENGTH: `${field} harus 16 angka (yang Anda kirim ${digits} angka).`,
      PROVINCE: `kode provinsi pada ${field} tidak dikenal.`,
      REGENCY: `kode kabupaten/kota pada ${field} tidak dikenal.`,
      DATE:
        field === 'NIK'
          ? 'tanggal lahir pada NIK tidak valid.'
          : 'tanggal pada Nomor KK tidak valid.',
      FUTURE_DATE:
        field === 'NIK'
          ? 'tanggal lahir pada NIK belum terjadi.'
          : 'tanggal pada Nomor KK belum terjadi.',
      SERIAL: `nomor urut pada ${field} tidak boleh 0000.`,
    };
    const reason = reasons[problem];
    return text(`Maaf, ${reason} Periksa kembali dan ketik ulang ${field} Anda.`);
  },

  summary: (s: {
    category: CaseCategory;
    maskedNik: string;
    maskedKk: string;
    name: string;
    description: string;
    documents: number;
  }): OutboundMessage => ({
    kind: 'buttons',
    body: [
      'Periksa kembali pengaduan Anda:',
      `Kategori: ${categoryTitle(s.category)}`,
      `NIK: ${s.maskedNik}`,
      `Nomor KK: ${s.maskedKk}`,
      `Nama: ${s.name}`,
      `Uraian: ${s.description.length > 300 ? `${s.description.slice(0, 300)}…` : s.description}`,
      `Dokumen: ${s.documents}`,
      '',
      'Ketik 1 Kirim, 2 Ubah, atau 3 Batal.',
    ].join('\n'),
    buttons: SUMMARY_BUTTONS.map((b) => ({ ...b })),
  }),

  askWhatToEdit: (): OutboundMessage => ({
    kind: 'list',
    body:
      'Bagian mana yang ingin diubah? Ketik nomornya:\n' + numbered(EDIT_ROWS.map((r) => r.title)),
    buttonText: 'Pilih bagian',
    sections: [{ title: 'Ubah', rows: EDIT_ROWS.map((r) => ({ ...r })) }],
  }),

  editNotRecognized: () => text('Pilih bagian yang ingin diubah: ketik nomor 1 sampai 5.'),

  summaryChoiceNeeded: () => text('Ketik 1 untuk Kirim, 2 untuk Ubah, atau 3 untuk Batal.'),

  caseOpened: (c: { trackingCode: string; expected: string; outsideHours?: string }) =>
    text(
      [
        `Pengaduan Anda sudah kami terima. Kode pengaduan: *${c.trackingCode}*`,
        `Petugas akan menanggapi paling lambat ${c.expected}.`,
        ...(c.outsideHours ? [c.outsideHours] : []),
        'Simpan kode ini. Ketik STATUS kapan saja untuk melihat perkembangannya.',
      ].join('\n'),
    ),

  outsideServiceHours: (opensAt: string) =>
    `Saat ini di luar jam layanan; pesan Anda akan dibaca petugas mulai ${opensAt}.`,

  caseNotOpened: () =>
    text('Maaf, pengaduan Anda belum terkirim karena gangguan sistem. Kami coba lagi otomatis.'),

  noCases: () =>
    text('Anda belum memiliki pengaduan. Ketik MENU lalu pilih "Buat pengaduan baru".'),

  statusList: (items: Array<{ trackingCode: string; status: string; category: CaseCategory }>) =>
    text(
      [
        'Pengaduan Anda:',
        ...items.map((c) => `• ${c.trackingCode} (${categoryTitle(c.category)}): ${c.status}`),
        '',
        'Ketik kode pengaduan untuk rincian, atau MENU untuk kembali.',
      ].join('\n'),
    ),

  statusDetail: (c: { trackingCode: string; status: string; detail?: string }) =>
    text([`Pengaduan ${c.trackingCode}: ${c.status}`, ...(c.detail ? [c.detail] : [])].join('\n')),

  /** The same answer whether the code exists for someone else or not at all. */
  trackingCodeNotYours: () =>
    text('Kode pengaduan tersebut tidak ditemukan di antara pengaduan Anda.'),

  info: (i: { hours: string; holidays: string; address: string; bring: string }) =>
    text(
      [
        'Info layanan Disdukcapil Kota Pekanbaru',
        `Jam layanan: ${i.hours}`,
        ...(i.holidays ? [`Libur: ${i.holidays}`] : []),
        `Alamat: ${i.address}`,
        `Yang perlu dibawa: ${i.bring}`,
      ].join('\n'),
    ),

  handedOff: (trackingCode: string) =>
    text(
      `Baik, pesan Anda kami teruskan kepada petugas (pengaduan ${trackingCode}). Petugas akan membalas di sini; pesan berikutnya langsung dibaca petugas.`,
    ),

  /** An officer gave the conversation back while the case stays open (before the answer). */
  handedBack: (trackingCode: string) =>
    text(
      `Petugas telah selesai menangani percakapan pengaduan ${trackingCode}. Asisten otomatis kembali melayani Anda; ketik *petugas* bila perlu bicara lagi dengan petugas.`,
    ),

  messageAttached: (trackingCode: string) =>
    text(`Pesan Anda sudah kami teruskan ke pengaduan ${trackingCode}.`),

  documentAttached: (trackingCode: string) =>
    text(`Dokumen Anda sudah kami lampirkan ke pengaduan ${trackingCode}.`),

  slowDown: () =>
    text('Anda mengirim banyak pesan dalam waktu singkat. Mohon tunggu 1 menit, lalu kirim lagi.'),

  unsupported: (type: string) => {
    const what: Record<string, string> = {
      sticker: 'stiker',
      reaction: 'reaksi',
      location: 'lokasi',
      audio: 'pesan suara',
      video: 'video',
      contacts: 'kontak',
    };
    const thing = what[type] ?? 'jenis pesan ini';
    return text(
      `Terima kasih. Maaf, ${thing} belum dapat kami proses. Silakan ketik pesan, atau kirim foto/PDF dokumen. Ketik MENU untuk pilihan layanan.`,
    );
  },

  temporaryProblem: () =>
    text('Maaf, sistem kami sedang sibuk. Silakan kirim ulang pesan Anda beberapa saat lagi.'),
};

/** Case status in plain words. */
export const STATUS_WORDS: Record<string, string> = {
  BARU: 'Baru diterima, menunggu diperiksa petugas',
  DIVERIFIKASI: 'Sedang diperiksa petugas',
  DIPROSES: 'Sedang diproses',
  MENUNGGU_DATA: 'Menunggu data tambahan dari Anda',
  PERLU_KUNJUNGAN: 'Anda perlu datang ke kantor Disdukcapil',
  SELESAI: 'Selesai',
  DITOLAK: 'Ditolak',
  DIBATALKAN: 'Dibatalkan',
};

export const HANDOFF_NOTE = 'Warga meminta bicara dengan petugas.';
