import fc from 'fast-check';
import { getRegencies } from 'idn-area-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkKk, checkNik, maskNumber, normalizeNumber } from '../src/domain/population-number.js';
import type { RegionCodes } from '../src/domain/region-codes.js';
import { loadRegionCodes } from '../src/store/region-codes.source.js';

// Property tests of architecture §6: generated valid numbers pass, single mutations of the date,
// the region or the serial fail for that reason, and formatting noise is accepted.
const TODAY = new Date(Date.UTC(2026, 11, 1, 12));
let regions: RegionCodes;
let regencies: string[];

beforeAll(async () => {
  regions = await loadRegionCodes();
  regencies = (await getRegencies()).map((r) => r.code.replace('.', ''));
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Parts {
  regency: string;
  district: string;
  date: Date;
  female: boolean;
  serial: number;
}

// Two-digit years cover the last hundred years up to today.
const parts = () =>
  fc.record({
    regency: fc.constantFrom(...regencies),
    district: fc.integer({ min: 1, max: 99 }).map((n) => pad(n)),
    date: fc.date({ min: new Date(Date.UTC(1927, 0, 1)), max: TODAY, noInvalidDate: true }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  });

function nikOf(p: Parts): string {
  const day = p.date.getUTCDate() + (p.female ? 40 : 0);
  return `${p.regency}${p.district}${pad(day)}${pad(p.date.getUTCMonth() + 1)}${pad(p.date.getUTCFullYear() % 100)}${pad(p.serial, 4)}`;
}
function kkOf(p: Parts): string {
  return `${p.regency}${p.district}${pad(p.date.getUTCDate())}${pad(p.date.getUTCMonth() + 1)}${pad(p.date.getUTCFullYear() % 100)}${pad(p.serial, 4)}`;
}

const noise = fc.constantFrom(' ', '.', '-', '  ', ' - ');
function withNoise(digits: string, seps: string[], label: string): string {
  let out = label;
  for (let i = 0; i < digits.length; i++)
    out += digits[i] + (i % 4 === 3 ? (seps[i % seps.length] ?? '') : '');
  return out;
}

describe('NIK', () => {
  it('accepts every generated valid NIK, with the birth date read back (women: day + 40)', () => {
    fc.assert(
      fc.property(parts(), (p) => {
        const check = checkNik(nikOf(p), regions, TODAY);
        expect(check).toMatchObject({
          ok: true,
          value: nikOf(p),
          date: {
            year: p.date.getUTCFullYear(),
            month: p.date.getUTCMonth() + 1,
            day: p.date.getUTCDate(),
          },
        });
      }),
    );
  });

  it('accepts formatting noise: spaces, dots, dashes and a leading "NIK:"', () => {
    fc.assert(
      fc.property(
        parts(),
        fc.array(noise, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', 'NIK: ', 'nik ', 'NIK:', 'Nik = ', 'No. NIK '),
        (p, seps, label) => {
          const check = checkNik(withNoise(nikOf(p), seps, label), regions, TODAY);
          expect(check).toMatchObject({ ok: true, value: nikOf(p) });
        },
      ),
    );
  });

  it('refuses a month or day that is no calendar date', () => {
    fc.assert(
      fc.property(
        parts(),
        fc.oneof(
          fc.record({ at: fc.constant(8), value: fc.constantFrom(0, 13, 20, 45, 99) }),
          fc.record({ at: fc.constant(6), value: fc.constantFrom(0, 32, 35, 40, 72, 80, 99) }),
        ),
        (p, m) => {
          const nik = nikOf(p);
          const mutated = nik.slice(0, m.at) + pad(m.value) + nik.slice(m.at + 2);
          expect(checkNik(mutated, regions, TODAY)).toMatchObject({ ok: false, problem: 'DATE' });
        },
      ),
    );
  });

  it('refuses 31 days in a 30-day month and 29 February outside leap years', () => {
    expect(checkNik('1471013104900001', regions, TODAY)).toMatchObject({ problem: 'DATE' });
    expect(checkNik('1471012902910001', regions, TODAY)).toMatchObject({ problem: 'DATE' });
    expect(checkNik('1471016902920001', regions, TODAY)).toMatchObject({ ok: true });
  });

  it('refuses a birth date after today', () => {
    expect(checkNik('1471010212260001', regions, TODAY)).toMatchObject({ problem: 'FUTURE_DATE' });
    expect(checkNik('1471010112260001', regions, TODAY)).toMatchObject({ ok: true });
  });

  it('refuses a province or regency that does not exist, accepts an unknown district', () => {
    const unknownProvinces = Array.from({ length: 100 }, (_, i) => pad(i)).filter(
      (c) => !regions.hasProvince(c),
    );
    fc.assert(
      fc.property(parts(), fc.constantFrom(...unknownProvinces), (p, province) => {
        const mutated = province + nikOf(p).slice(2);
        expect(checkNik(mutated, regions, TODAY)).toMatchObject({ ok: false, problem: 'PROVINCE' });
      }),
    );
    fc.assert(
      fc.property(parts(), fc.integer({ min: 0, max: 99 }), (p, r) => {
        const regency = p.regency.slice(0, 2) + pad(r);
        fc.pre(!regions.hasRegency(regency));
        const mutated = regency + nikOf(p).slice(4);
        expect(checkNik(mutated, regions, TODAY)).toMatchObject({ ok: false, problem: 'REGENCY' });
      }),
    );
    // Kota Pekanbaru 14.71, district 99 is no district of it.
    expect(checkNik('1471995501900003', regions, TODAY)).toMatchObject({ ok: true });
  });

  it('refuses serial 0000', () => {
    fc.assert(
      fc.property(parts(), (p) => {
        const mutated = nikOf(p).slice(0, 12) + '0000';
        expect(checkNik(mutated, regions, TODAY)).toMatchObject({ ok: false, problem: 'SERIAL' });
      }),
    );
  });

  it('refuses a digit too many or too few, and letters, saying how many digits came', () => {
    fc.assert(
      fc.property(parts(), fc.integer({ min: 0, max: 15 }), (p, i) => {
        const nik = nikOf(p);
        expect(checkNik(nik.slice(0, i) + nik.slice(i + 1), regions, TODAY)).toEqual({
          ok: false,
          problem: 'LENGTH',
          digits: 15,
        });
        expect(checkNik(nik + '1', regions, TODAY)).toMatchObject({
          problem: 'LENGTH',
          digits: 17,
        });
      }),
    );
    expect(checkNik('14710155O1900003', regions, TODAY)).toMatchObject({ problem: 'NOT_DIGITS' });
    expect(checkNik('', regions, TODAY)).toMatchObject({ problem: 'LENGTH', digits: 0 });
  });
});

describe('KK number', () => {
  it('accepts every generated valid KK number, with noise', () => {
    fc.assert(
      fc.property(
        parts(),
        fc.array(noise, { maxLength: 4 }),
        fc.constantFrom('', 'KK: ', 'No. KK ', 'no kk: '),
        (p, seps, label) => {
          expect(checkKk(withNoise(kkOf(p), seps, label), regions, TODAY)).toMatchObject({
            ok: true,
            value: kkOf(p),
          });
        },
      ),
    );
  });

  it('refuses an issue date with a day + 40 (that is a NIK), a bad region or serial 0000', () => {
    fc.assert(
      fc.property(parts(), (p) => {
        const kk = kkOf(p);
        const womanDay = pad(p.date.getUTCDate() + 40);
        expect(checkKk(kk.slice(0, 6) + womanDay + kk.slice(8), regions, TODAY)).toMatchObject({
          problem: 'DATE',
        });
        expect(checkKk(kk.slice(0, 12) + '0000', regions, TODAY)).toMatchObject({
          problem: 'SERIAL',
        });
        expect(checkKk('00' + kk.slice(2), regions, TODAY)).toMatchObject({ problem: 'PROVINCE' });
      }),
    );
  });
});

describe('masking', () => {
  it('never shows more than the first four and last four digits', () => {
    expect(maskNumber('1471015501900003')).toBe('1471********0003');
    expect(normalizeNumber(' NIK: 1471.0155-0190 0003 ')).toBe('1471015501900003');
  });
});
