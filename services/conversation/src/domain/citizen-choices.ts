import { normalizeWords, type CitizenInput } from './citizen-input.js';

/**
 * How a citizen's words become a choice: a tapped row, a typed number or title, the common ways
 * of saying a menu item or a category, a tracking code typed with noise. Pure; used by the intake
 * state machine.
 */

/** Picks a row by tapped id, typed number (`2`, `2.`) or typed title. */
export function pick<R extends { id: string; title: string }>(
  rows: readonly R[],
  input: CitizenInput,
  aliases: Record<string, string> = {},
): R | undefined {
  if (input.kind === 'choice') return rows.find((r) => r.id === input.id);
  if (input.kind !== 'text') return undefined;
  const words = normalizeWords(input.text);
  const n = /^(\d{1,2})$/.exec(words)?.[1];
  if (n) return rows[Number(n) - 1];
  const aliased = aliases[words];
  if (aliased) return rows.find((r) => r.id === aliased);
  return rows.find((r) => normalizeWords(r.title) === words);
}

export const MENU_ALIASES: Record<string, string> = {
  'buat pengaduan': 'menu.new',
  'pengaduan baru': 'menu.new',
  pengaduan: 'menu.new',
  lapor: 'menu.new',
  info: 'menu.info',
  'jam layanan': 'menu.info',
  'info jam layanan': 'menu.info',
  'info & jam layanan': 'menu.info',
};

export const CATEGORY_ALIASES: Record<string, string> = {
  'nik tidak ditemukan': 'cat.NIK_TIDAK_AKTIF',
  'kk bermasalah': 'cat.KK_KTP_BERMASALAH',
  'ktp bermasalah': 'cat.KK_KTP_BERMASALAH',
  'ktp-el bermasalah': 'cat.KK_KTP_BERMASALAH',
  lain: 'cat.LAINNYA',
  'lain-lain': 'cat.LAINNYA',
};

const TRACKING_CODE = /^PDW-?([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6})$/;

/** `PDW-7K3M9Q`, `pdw 7k3m9q` → `PDW-7K3M9Q`; anything else undefined. */
export function trackingCodeIn(text: string): string | undefined {
  const m = TRACKING_CODE.exec(
    text
      .trim()
      .toUpperCase()
      .replace(/[\s.]+/g, ''),
  );
  return m ? `PDW-${m[1]!}` : undefined;
}
