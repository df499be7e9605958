import type { RegionCodes } from './region-codes.js';

/**
 * NIK (Nomor Induk Kependudukan) and KK (Kartu Keluarga) numbers, 16 digits each (architecture §6):
 *
 *   NIK  PP RR DD  dd mm yy  SSSS   province, regency, district; birth date (women: day + 40); serial
 *   KK   PP RR DD  dd mm yy  SSSS   province, regency, district; issue date; serial
 *
 * The province and regency must exist; an unknown district is accepted, because district codes
 * have been split and renamed over the years and a number keeps the code it was issued under.
 */
export type NumberProblem =
  'NOT_DIGITS' | 'LENGTH' | 'PROVINCE' | 'REGENCY' | 'DATE' | 'FUTURE_DATE' | 'SERIAL';

export type NumberCheck =
  | { ok: true; value: string; date: { year: number; month: number; day: number } }
  | { ok: false; problem: NumberProblem; digits: number };

const LENGTH = 16;
/** What a citizen may reasonably type around the number: a label, spaces, dots, dashes. */
const LABEL = /^\s*(?:no(?:mor)?\.?\s*)?(?:nik|kk|no\.?\s*kk|kartu\s+keluarga)?\s*[:=.-]?\s*/i;
const NOISE = /[\s.\-_/]/g;

/** Strips a leading label (`NIK:`, `No. KK`) and spaces, dots, dashes; the digits stay as typed. */
export function normalizeNumber(input: string): string {
  return input.slice(0, 200).replace(LABEL, '').replace(NOISE, '');
}

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A two-digit year read as the most recent year ending in those digits that is not after `today`. */
function fullYear(yy: number, today: Date): number {
  const current = today.getUTCFullYear();
  const century = Math.floor(current / 100) * 100;
  return century + yy > current ? century - 100 + yy : century + yy;
}

function checkCommon(
  input: string,
  regions: RegionCodes,
): { ok: true; digits: string } | { ok: false; problem: NumberProblem; digits: number } {
  const digits = normalizeNumber(input);
  if (!/^\d*$/.test(digits)) return { ok: false, problem: 'NOT_DIGITS', digits: 0 };
  if (digits.length !== LENGTH) return { ok: false, problem: 'LENGTH', digits: digits.length };
  if (!regions.hasProvince(digits.slice(0, 2)))
    return { ok: false, problem: 'PROVINCE', digits: LENGTH };
  if (!regions.hasRegency(digits.slice(0, 4)))
    return { ok: false, problem: 'REGENCY', digits: LENGTH };
  if (digits.slice(12) === '0000') return { ok: false, problem: 'SERIAL', digits: LENGTH };
  return { ok: true, digits };
}

function checkDate(digits: string, day: number, today: Date): NumberCheck {
  const month = Number(digits.slice(8, 10));
  const year = fullYear(Number(digits.slice(10, 12)), today);
  if (!realDate(year, month, day)) return { ok: false, problem: 'DATE', digits: LENGTH };
  if (Date.UTC(year, month - 1, day) > today.getTime())
    return { ok: false, problem: 'FUTURE_DATE', digits: LENGTH };
  return { ok: true, value: digits, date: { year, month, day } };
}

/** A NIK: women's birth day is stored + 40, so 41–71 is a real day 1–31. */
export function checkNik(input: string, regions: RegionCodes, today: Date): NumberCheck {
  const common = checkCommon(input, regions);
  if (!common.ok) return common;
  const rawDay = Number(common.digits.slice(6, 8));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  return checkDate(common.digits, day, today);
}

/** A KK number: digits 7–12 are the issue date (no + 40). */
export function checkKk(input: string, regions: RegionCodes, today: Date): NumberCheck {
  const common = checkCommon(input, regions);
  if (!common.ok) return common;
  return checkDate(common.digits, Number(common.digits.slice(6, 8)), today);
}

/** What a citizen may be shown of a number: `1471********0003`. Never echo a full NIK. */
export function maskNumber(digits: string): string {
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}
