import { describe, expect, it } from 'vitest';
import {
  officeSettingsContentSchema,
  officeSettingsKey,
  officeSettingsSchema,
  serviceHoursText,
} from '../src/index.js';

describe('office settings contract', () => {
  it('writes service windows as the SERVICE_HOURS text, consecutive days as one range', () => {
    expect(
      serviceHoursText([
        { days: ['thu', 'mon', 'tue', 'wed'], opens: '08:00', closes: '15:00' },
        { days: ['fri'], opens: '08:00', closes: '11:30' },
      ]),
    ).toBe('mon-thu 08:00-15:00; fri 08:00-11:30');
    expect(
      serviceHoursText([{ days: ['mon', 'wed', 'thu', 'sat'], opens: '07:30', closes: '12:00' }]),
    ).toBe('mon 07:30-12:00; wed-thu 07:30-12:00; sat 07:30-12:00');
  });

  it('accepts any subset of the content and refuses what a citizen must not read', () => {
    expect(officeSettingsContentSchema.safeParse({}).success).toBe(true);
    expect(officeSettingsContentSchema.safeParse({ address: 'Jl. Baru 1' }).success).toBe(true);
    for (const bad of [
      { serviceHours: [{ days: ['mon'], opens: '15:00', closes: '08:00' }] },
      { serviceHours: [{ days: ['mon', 'mon'], opens: '08:00', closes: '15:00' }] },
      { serviceHours: [] },
      { holidays: ['2026-02-30'] },
      { holidays: ['2026-12-25', '2026-12-25'] },
      { holidays: ['2101-01-01'] },
      { address: 'a\u0000b' },
      { address: ' ' },
      { whatToBring: 'x'.repeat(501) },
      { templates: { case_update: 'Bad Name' } },
      { templates: { unknown_kind: 'x' } },
      { surprise: true },
    ])
      expect(officeSettingsContentSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('stores a versioned value and keys it by a KV-safe office id only', () => {
    const stored = officeSettingsSchema.parse({
      schemaVersion: 1,
      officeId: 'pekanbaru',
      updatedAt: '2026-12-01T00:00:00.000Z',
      updatedBy: 'a1',
      address: 'Jl. Baru 1',
    });
    expect(stored.address).toBe('Jl. Baru 1');
    expect(officeSettingsSchema.safeParse({ ...stored, schemaVersion: 2 }).success).toBe(false);
    expect(officeSettingsKey('pekanbaru')).toBe('pekanbaru');
    expect(officeSettingsKey('a.b')).toBeUndefined();
    expect(officeSettingsKey('')).toBeUndefined();
  });
});
