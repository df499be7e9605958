import { createSchedule } from '../../src/domain/service-hours.js';

/** Pekanbaru office: Mon–Thu 08:00–15:00, Fri 08:00–11:30 (WIB, UTC+7). */
export const PEKANBARU_SCHEDULE = createSchedule({
  timeZone: 'Asia/Jakarta',
  utcOffset: '+07:00',
  week: 'mon-thu 08:00-15:00; fri 08:00-11:30',
  // Christmas 2026 falls on a Friday; 2026-12-24 (Thu) is a collective leave day.
  holidays: ['2026-12-24', '2026-12-25'],
});

/** A WIB wall-clock time. 2026-11-23 is a Monday, 2026-11-27 a Friday. */
export const wib = (s: string) => new Date(`${s}+07:00`);
