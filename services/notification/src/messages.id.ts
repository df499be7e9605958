/**
 * Everything notification says to citizens, in Bahasa Indonesia, in one place (house style).
 * The case service's events carry facts; the words are chosen here.
 */
import type { caseStatusValues } from '@pandawa/contracts';

export type CaseStatus = (typeof caseStatusValues)[number];

/** Short names of the statuses, also the `{{2}}` of the case-update template. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  BARU: 'Baru',
  DIVERIFIKASI: 'Diverifikasi',
  DIPROSES: 'Sedang diproses',
  MENUNGGU_DATA: 'Menunggu data dari Anda',
  PERLU_KUNJUNGAN: 'Perlu kunjungan ke kantor',
  SELESAI: 'Selesai',
  DITOLAK: 'Ditolak',
  DIBATALKAN: 'Dibatalkan',
};

const OFFICE = 'Disdukcapil Kota Pekanbaru';

/** What the office asks a citizen to bring when called in for a biometric check. */
export const DEFAULT_VISIT_INSTRUCTIONS =
  `Silakan datang ke kantor ${OFFICE} pada jam layanan (Senin–Kamis 08.00–15.00, ` +
  `Jumat 08.00–11.30 WIB) untuk pemeriksaan biometrik (sidik jari, iris mata dan foto wajah). ` +
  `Bawa KTP-el dan Kartu Keluarga asli.`;

export interface StatusNotice {
  trackingCode: string;
  to: CaseStatus;
  reason?: string | undefined;
  missingItems?: string[] | undefined;
  visitInstructions?: string | undefined;
}

const bullets = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
const withReason = (reason: string | undefined, label = 'Keterangan petugas') =>
  reason ? `\n\n${label}: ${reason}` : '';

/** The message for a status change, or undefined for a status the citizen is told elsewhere. */
export function statusChangedText(n: StatusNotice): string | undefined {
  const code = `*${n.trackingCode}*`;
  switch (n.to) {
    case 'BARU':
      // Conversation confirms a new case with its tracking code in the chat itself.
      return undefined;
    case 'DIVERIFIKASI':
      return (
        `Pengaduan ${code} sudah diverifikasi petugas dan akan segera diproses.` +
        withReason(n.reason)
      );
    case 'DIPROSES':
      return `Pengaduan ${code} sedang diproses oleh petugas ${OFFICE}.` + withReason(n.reason);
    case 'MENUNGGU_DATA': {
      const items = n.missingItems?.length
        ? `\n\nYang kami perlukan:\n${bullets(n.missingItems)}`
        : '';
      return (
        `Pengaduan ${code} membutuhkan data tambahan dari Anda.` +
        items +
        withReason(n.reason) +
        `\n\nSilakan kirim data atau foto dokumennya di chat ini. ` +
        `Pengaduan akan kami lanjutkan setelah data diterima.`
      );
    }
    case 'PERLU_KUNJUNGAN':
      return (
        `Pengaduan ${code} memerlukan kunjungan Anda ke kantor.\n\n` +
        (n.visitInstructions?.trim() || DEFAULT_VISIT_INSTRUCTIONS) +
        withReason(n.reason) +
        `\n\nSebutkan kode pengaduan ${code} kepada petugas.`
      );
    case 'SELESAI':
      return (
        `Pengaduan ${code} telah *selesai*.` +
        withReason(n.reason) +
        `\n\nTerima kasih telah menghubungi ${OFFICE}. Ketik *menu* bila ada keperluan lain.`
      );
    case 'DITOLAK':
      return (
        `Mohon maaf, pengaduan ${code} tidak dapat kami tindak lanjuti.` +
        withReason(n.reason, 'Alasan') +
        `\n\nAnda dapat membuat pengaduan baru dengan mengetik *menu*.`
      );
    case 'DIBATALKAN':
      return `Pengaduan ${code} telah dibatalkan.` + withReason(n.reason);
  }
}

/** An officer's reply, as the citizen reads it; `text` is cut so the whole fits Meta's 4096. */
export function officerReplyText(trackingCode: string, text: string): string {
  const head = `Balasan petugas untuk pengaduan *${trackingCode}*:\n\n`;
  const room = 4096 - [...head].length;
  const body = [...text];
  return head + (body.length > room ? body.slice(0, room - 1).join('') + '…' : text);
}

/**
 * The approved templates' bodies, as submitted to WhatsApp Manager (Meta keeps the text; we send
 * the name and parameters). Kept here so the wording can be reviewed with the rest.
 */
export const TEMPLATE_BODIES = {
  caseUpdate:
    'Ada kabar terbaru untuk pengaduan {{1}} Anda di Disdukcapil: {{2}}. ' +
    'Balas pesan ini untuk melihat rinciannya.',
  officerReply:
    'Petugas Disdukcapil telah membalas pengaduan {{1}} Anda. Balas pesan ini untuk membacanya.',
} as const;

/**
 * A template's body as the citizen reads it, parameters filled in (`{{1}}` → the first). Shown
 * to officers before they choose to send the template (NotificationService.GetCustomerWindow).
 */
export function templateText(body: string, parameters: readonly string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => parameters[Number(n) - 1] ?? whole);
}
