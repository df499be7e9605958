import type { OfficeSettings } from '@pandawa/contracts';
import { testLogger } from '@pandawa/testing';
import { describe, expect, it } from 'vitest';
import { officeHoursOf, officeInfo } from '../src/application/office-info.js';
import { officeHours } from '../src/domain/office-hours.js';
import { officeSettingsSource } from '../src/store/office-settings.source.js';

const config = { week: 'mon-thu 08:00-15:00; fri 08:00-11:30', utcOffset: '+07:00', holidays: [] };
const base = {
  hours: officeHours(config),
  info: { address: 'Jl. Sudirman', whatToBring: 'KTP-el', holidays: ['2026-12-25'] },
};
const stored = (s: Partial<OfficeSettings>) => ({
  settings: {
    schemaVersion: 1 as const,
    officeId: 'pekanbaru',
    updatedAt: '2026-12-01T00:00:00.000Z',
    updatedBy: 'a1',
    ...s,
  },
  revision: 3,
});
const source = (read: () => Promise<ReturnType<typeof stored> | undefined>) =>
  officeSettingsSource({ read }, config, testLogger('conversation'));

describe('Info & jam layanan from the office settings', () => {
  it('uses what the admin set and the configuration for the rest', async () => {
    const info = await officeInfo(
      {
        ...base,
        officeInfo: source(async () =>
          stored({
            serviceHours: [{ days: ['mon', 'tue'], opens: '07:30', closes: '12:00' }],
            address: 'Jl. Baru 7',
          }),
        ),
      },
      'pekanbaru',
    );
    expect(info).toEqual({
      hours: 'Senin–Selasa 07.30–12.00 (WIB)',
      holidays: '2026-12-25',
      address: 'Jl. Baru 7',
      bring: 'KTP-el',
    });
  });

  it('keeps to the configuration when nothing is stored or the store cannot answer', async () => {
    const fromConfig = {
      hours: 'Senin–Kamis 08.00–15.00, Jumat 08.00–11.30 (WIB)',
      holidays: '2026-12-25',
      address: 'Jl. Sudirman',
      bring: 'KTP-el',
    };
    expect(await officeInfo(base, 'pekanbaru')).toEqual(fromConfig);
    expect(
      await officeInfo({ ...base, officeInfo: source(async () => undefined) }, 'pekanbaru'),
    ).toEqual(fromConfig);
    expect(
      await officeInfo(
        {
          ...base,
          officeInfo: source(() => Promise.reject(new Error('TIMEOUT'))),
        },
        'pekanbaru',
      ),
    ).toEqual(fromConfig);
  });

  it('set holidays replace the configured ones', async () => {
    const info = await officeInfo(
      { ...base, officeInfo: source(async () => stored({ holidays: ['2027-01-01'] })) },
      'pekanbaru',
    );
    expect(info.holidays).toBe('2027-01-01');
    expect(info.hours).toBe('Senin–Kamis 08.00–15.00, Jumat 08.00–11.30 (WIB)');
  });

  it('the outside-hours notice follows the office’s own week when set', async () => {
    const mondayMorning = new Date('2026-12-07T03:00:00Z'); // Senin 10.00 WIB
    expect((await officeHoursOf(base, 'pekanbaru')).isOpen(mondayMorning)).toBe(true);
    const hours = await officeHoursOf(
      {
        ...base,
        officeInfo: source(async () =>
          stored({ serviceHours: [{ days: ['sat'], opens: '08:00', closes: '09:00' }] }),
        ),
      },
      'pekanbaru',
    );
    expect(hours.isOpen(mondayMorning)).toBe(false);
    expect(hours.formatLocal(hours.nextOpening(mondayMorning))).toBe(
      'Sabtu, 12 Desember 2026 pukul 08.00 WIB',
    );
  });
});
