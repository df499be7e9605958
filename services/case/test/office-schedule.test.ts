import type { OfficeSettingsContent } from '@pandawa/contracts';
import type { StoredOfficeSettings } from '@pandawa/nats';
import { testLogger } from '@pandawa/testing';
import { describe, expect, it } from 'vitest';
import { officeSchedule } from '../src/domain/office-schedule.js';
import { addServiceTime } from '../src/domain/service-hours.js';
import { computeDueTimes, DEFAULT_SLA_TARGETS } from '../src/domain/sla.policy.js';
import { OfficeSchedules } from '../src/events/office-schedules.js';
import { PEKANBARU_SCHEDULE, wib } from './support/pekanbaru-schedule.js';

const HOUR = 3_600_000;
const configured = PEKANBARU_SCHEDULE;
const EARLY_HOURS: OfficeSettingsContent['serviceHours'] = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '07:00', closes: '16:00' },
];

describe("an office's SLA schedule from its settings", () => {
  it('is the configured schedule itself when the settings set neither hours nor holidays', () => {
    expect(officeSchedule(configured, {})).toBe(configured);
  });

  it("runs the clocks in the office's hours, the configured holidays kept", () => {
    const schedule = officeSchedule(configured, { serviceHours: EARLY_HOURS });
    // Friday 11:00: configured, the office is closed from 11:30; here it is open until 16:00.
    expect(addServiceTime(schedule, wib('2026-11-27T11:00:00'), HOUR)).toEqual(
      wib('2026-11-27T12:00:00'),
    );
    expect(addServiceTime(configured, wib('2026-11-27T11:00:00'), HOUR)).toEqual(
      wib('2026-11-30T08:30:00'),
    );
    // Christmas Eve stays a configured holiday: Wed 15:00 + 2 h skips Thu and Fri.
    expect(addServiceTime(schedule, wib('2026-12-23T15:00:00'), 2 * HOUR)).toEqual(
      wib('2026-12-28T08:00:00'),
    );
    expect(schedule.timeZone).toBe(configured.timeZone);
    expect(schedule.utcOffsetMinutes).toBe(configured.utcOffsetMinutes);
  });

  it("skips the office's holidays instead of the configured ones, the configured hours kept", () => {
    const schedule = officeSchedule(configured, { holidays: ['2026-11-24'] });
    // Mon 14:00 + 4 h: 1 h on Monday, Tuesday off, 3 h on Wednesday.
    expect(
      computeDueTimes(schedule, DEFAULT_SLA_TARGETS, 'NIK_TIDAK_AKTIF', wib('2026-11-23T14:00:00'))
        .firstResponseDueAt,
    ).toEqual(wib('2026-11-25T11:00:00'));
    // The configured Christmas holidays are replaced, not added to: 24 December is a workday.
    expect(addServiceTime(schedule, wib('2026-12-23T14:00:00'), 2 * HOUR)).toEqual(
      wib('2026-12-24T09:00:00'),
    );
  });

  it('an empty holiday list means no holidays, not the configured ones', () => {
    const schedule = officeSchedule(configured, { holidays: [] });
    expect(schedule.holidays.size).toBe(0);
  });
});

describe('OfficeSchedules (what the KV watch holds, per office)', () => {
  const stored = (officeId: string, revision: number, content: OfficeSettingsContent) => ({
    revision,
    settings: {
      schemaVersion: 1 as const,
      officeId,
      updatedAt: '2026-11-20T00:00:00.000Z',
      updatedBy: 'admin-1',
      ...content,
    },
  });

  it('answers the configured schedule for an office without settings, and follows each revision', () => {
    const held = new Map<string, StoredOfficeSettings>();
    const schedules = new OfficeSchedules(configured, { get: (o) => held.get(o) }, testLogger('t'));
    expect(schedules.for('dumai')).toBe(configured);
    held.set('dumai', stored('dumai', 1, { serviceHours: EARLY_HOURS }));
    const first = schedules.for('dumai');
    expect(first).not.toBe(configured);
    expect(schedules.for('dumai')).toBe(first); // derived once per revision
    expect(schedules.for('pekanbaru')).toBe(configured);
    held.set('dumai', stored('dumai', 2, { address: 'Jl. Sudirman' }));
    expect(schedules.for('dumai')).toBe(configured); // the hours were unset again
    held.delete('dumai');
    expect(schedules.for('dumai')).toBe(configured);
  });

  it('without a watch every office keeps the configured schedule', () => {
    expect(new OfficeSchedules(configured, undefined, testLogger('t')).for('dumai')).toBe(
      configured,
    );
  });
});
