import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PEKANBARU_SCHEDULE, wib } from './support/pekanbaru-schedule.js';
import {
  addServiceTime,
  createSchedule,
  isWithinServiceHours,
  serviceTimeBetween,
} from '../src/domain/service-hours.js';

const HOUR = 3_600_000;
const MIN = 60_000;

const schedule = PEKANBARU_SCHEDULE;

describe('service hours', () => {
  it('counts only open hours within one day', () => {
    expect(addServiceTime(schedule, wib('2026-11-23T09:00:00'), 2 * HOUR)).toEqual(
      wib('2026-11-23T11:00:00'),
    );
  });

  it('carries time over the weekend: Friday 11:00 + 1 h is Monday 08:30', () => {
    expect(addServiceTime(schedule, wib('2026-11-27T11:00:00'), HOUR)).toEqual(
      wib('2026-11-30T08:30:00'),
    );
  });

  it("stops at Friday's short day: Friday 08:00 + 4 h is Monday 08:30", () => {
    expect(addServiceTime(schedule, wib('2026-11-27T08:00:00'), 4 * HOUR)).toEqual(
      wib('2026-11-30T08:30:00'),
    );
  });

  it('skips holidays: Wednesday 14:00 + 2 h over Thu/Fri holidays is Monday 09:00', () => {
    expect(addServiceTime(schedule, wib('2026-12-23T14:00:00'), 2 * HOUR)).toEqual(
      wib('2026-12-28T09:00:00'),
    );
  });

  it('starts the clock at the next opening for a case opened at night', () => {
    expect(addServiceTime(schedule, wib('2026-11-24T22:30:00'), 4 * HOUR)).toEqual(
      wib('2026-11-25T12:00:00'),
    );
    // Saturday night → Monday morning.
    expect(addServiceTime(schedule, wib('2026-11-28T23:00:00'), 30 * MIN)).toEqual(
      wib('2026-11-30T08:30:00'),
    );
  });

  it('lands exactly on a closing time rather than the next opening', () => {
    expect(addServiceTime(schedule, wib('2026-11-23T08:00:00'), 7 * HOUR)).toEqual(
      wib('2026-11-23T15:00:00'),
    );
  });

  it('measures service time between two instants across a weekend', () => {
    expect(
      serviceTimeBetween(schedule, wib('2026-11-27T10:00:00'), wib('2026-11-30T09:00:00')),
    ).toBe(1.5 * HOUR + HOUR);
  });

  it('knows when the office is open', () => {
    expect(isWithinServiceHours(schedule, wib('2026-11-27T11:00:00'))).toBe(true);
    expect(isWithinServiceHours(schedule, wib('2026-11-27T11:30:00'))).toBe(false);
    expect(isWithinServiceHours(schedule, wib('2026-12-24T09:00:00'))).toBe(false);
  });

  it('rejects a schedule without hours and malformed entries', () => {
    expect(() =>
      createSchedule({ timeZone: 'Asia/Jakarta', utcOffset: '+07:00', week: '', holidays: [] }),
    ).toThrow();
    expect(() =>
      createSchedule({
        timeZone: 'Asia/Jakarta',
        utcOffset: '+07:00',
        week: 'mon 15:00-08:00',
        holidays: [],
      }),
    ).toThrow();
  });

  describe('properties', () => {
    // Any instant in 2026–2028, any amount up to ~3 service weeks, minute granularity.
    const instant = fc
      .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) })
      .map((ms) => new Date(ms));
    const amount = fc.integer({ min: 0, max: 100 * 60 }).map((m) => m * MIN);

    it('a due time is never before the opening time', () => {
      fc.assert(
        fc.property(instant, amount, (t, a) => {
          expect(addServiceTime(schedule, t, a).getTime()).toBeGreaterThanOrEqual(t.getTime());
        }),
      );
    });

    it('adding service time in two steps equals adding it in one', () => {
      fc.assert(
        fc.property(instant, amount, amount, (t, a, b) => {
          expect(addServiceTime(schedule, addServiceTime(schedule, t, a), b)).toEqual(
            addServiceTime(schedule, t, a + b),
          );
        }),
      );
    });

    it('the service time between an instant and its due time is the amount added', () => {
      fc.assert(
        fc.property(instant, amount, (t, a) => {
          expect(serviceTimeBetween(schedule, t, addServiceTime(schedule, t, a))).toBe(a);
        }),
      );
    });
  });
});
