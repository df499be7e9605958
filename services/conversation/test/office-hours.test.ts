import { describe, expect, it } from 'vitest';
import { globalWordOf } from '../src/domain/citizen-input.js';
import { officeHours } from '../src/domain/office-hours.js';

const pekanbaru = officeHours({
  week: 'mon-thu 08:00-15:00; fri 08:00-11:30',
  utcOffset: '+07:00',
  holidays: ['2026-12-25'],
});

describe('office hours', () => {
  it('describes the week in Bahasa Indonesia', () => {
    expect(pekanbaru.describe()).toBe('Senin–Kamis 08.00–15.00, Jumat 08.00–11.30 (WIB)');
  });

  it('knows when the office is open, in Jakarta time', () => {
    // Tuesday 1 December 2026, 09:00 WIB = 02:00 UTC.
    expect(pekanbaru.isOpen(new Date('2026-12-01T02:00:00Z'))).toBe(true);
    // Friday 4 December, 12:00 WIB: closed since 11:30.
    expect(pekanbaru.isOpen(new Date('2026-12-04T05:00:00Z'))).toBe(false);
  });

  it('gives the next opening after hours, over the weekend and holidays', () => {
    const fridayNoon = new Date('2026-12-04T05:00:00Z');
    expect(pekanbaru.formatLocal(pekanbaru.nextOpening(fridayNoon))).toBe(
      'Senin, 7 Desember 2026 pukul 08.00 WIB',
    );
    // Thursday 24 December after hours: Friday 25 is a holiday, so Monday 28.
    const christmasEve = new Date('2026-12-24T10:00:00Z');
    expect(pekanbaru.formatLocal(pekanbaru.nextOpening(christmasEve))).toBe(
      'Senin, 28 Desember 2026 pukul 08.00 WIB',
    );
  });
});

describe('global words', () => {
  it('are read in any case, with stray punctuation and emoji', () => {
    for (const text of ['MENU', ' menu!! ', 'Menu.', 'menu 🙏'])
      expect(globalWordOf({ kind: 'text', text })).toBe('menu');
    expect(globalWordOf({ kind: 'text', text: 'BATAL?' })).toBe('batal');
    expect(globalWordOf({ kind: 'text', text: '*Status*' })).toBe('status');
    expect(globalWordOf({ kind: 'text', text: 'petugas...' })).toBe('petugas');
    expect(globalWordOf({ kind: 'text', text: 'menu saya hilang' })).toBeUndefined();
  });
});
