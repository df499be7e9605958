/**
 * Service-hours arithmetic (architecture §7): SLA clocks run only while the office is open. The
 * schedule names its time zone; arithmetic uses the zone's fixed UTC offset, which is exact for
 * Asia/Jakarta (UTC+7, no daylight saving). A zone with DST would need per-day offsets.
 */
export interface ServiceWindow {
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

export interface ServiceSchedule {
  timeZone: string;
  utcOffsetMinutes: number;
  /** Index 0 = Sunday … 6 = Saturday, as Date#getUTCDay on local time. */
  week: readonly (readonly ServiceWindow[])[];
  /** Local dates (`YYYY-MM-DD`) the office is closed. */
  holidays: ReadonlySet<string>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Longest run of closed days we search through (a schedule with no hours would loop forever). */
const MAX_CLOSED_DAYS = 400;

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Parses `mon-thu 08:00-15:00; fri 08:00-11:30` (days may be ranges or comma lists, each day may
 * have several windows separated by commas: `sat 08:00-10:00,13:00-14:00`).
 */
export function parseWeek(spec: string): ServiceWindow[][] {
  const week: ServiceWindow[][] = [[], [], [], [], [], [], []];
  for (const part of spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z,-]+)\s+(.+)$/i.exec(part);
    if (!m) throw new Error(`bad service-hours entry "${part}"`);
    const days = expandDays(m[1]!.toLowerCase());
    const windows = m[2]!.split(',').map((w) => {
      const t = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(w.trim());
      if (!t) throw new Error(`bad time window "${w}"`);
      const start = Number(t[1]) * 60 + Number(t[2]);
      const end = Number(t[3]) * 60 + Number(t[4]);
      if (!(start < end && end <= 24 * 60)) throw new Error(`empty time window "${w}"`);
      return { start, end };
    });
    for (const d of days) week[d]!.push(...windows);
  }
  for (const day of week) day.sort((a, b) => a.start - b.start);
  if (week.every((d) => d.length === 0)) throw new Error('the schedule has no service hours');
  return week;
}

function expandDays(spec: string): number[] {
  const out: number[] = [];
  for (const item of spec.split(',')) {
    const [a, b] = item.split('-');
    const from = DAY_NAMES.indexOf(a as (typeof DAY_NAMES)[number]);
    const to = b === undefined ? from : DAY_NAMES.indexOf(b as (typeof DAY_NAMES)[number]);
    if (from < 0 || to < 0) throw new Error(`bad day "${item}"`);
    for (let d = from; ; d = (d + 1) % 7) {
      out.push(d);
      if (d === to) break;
    }
  }
  return out;
}

/** `+07:00` → 420. */
export function parseUtcOffset(spec: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(spec);
  if (!m) throw new Error(`bad UTC offset "${spec}"`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export function createSchedule(input: {
  timeZone: string;
  utcOffset: string;
  week: string;
  holidays: readonly string[];
}): ServiceSchedule {
  for (const h of input.holidays)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) throw new Error(`bad holiday "${h}"`);
  return {
    timeZone: input.timeZone,
    utcOffsetMinutes: parseUtcOffset(input.utcOffset),
    week: parseWeek(input.week),
    holidays: new Set(input.holidays),
  };
}

/** Service windows of one local day (`dayIndex` = days since the epoch, local time). */
function windowsOf(schedule: ServiceSchedule, dayIndex: number): readonly ServiceWindow[] {
  const date = new Date(dayIndex * DAY);
  if (schedule.holidays.has(date.toISOString().slice(0, 10))) return [];
  return schedule.week[date.getUTCDay()]!;
}

/**
 * The instant `amountMs` of service time after `from`. Adding nothing returns `from` itself;
 * otherwise the clock starts at the next opening if `from` is outside service hours. Landing
 * exactly on a closing time returns that closing time.
 */
export function addServiceTime(schedule: ServiceSchedule, from: Date, amountMs: number): Date {
  if (amountMs < 0) throw new RangeError('amountMs must not be negative');
  if (amountMs === 0) return new Date(from.getTime());
  const offset = schedule.utcOffsetMinutes * MINUTE;
  let cursor = from.getTime() + offset; // local wall-clock milliseconds
  let remaining = amountMs;
  let closedDays = 0;
  for (let day = Math.floor(cursor / DAY); ; day++) {
    const windows = windowsOf(schedule, day);
    if (windows.length === 0 && ++closedDays > MAX_CLOSED_DAYS)
      throw new Error('no service hours within a year');
    for (const w of windows) {
      const ws = day * DAY + w.start * MINUTE;
      const we = day * DAY + w.end * MINUTE;
      if (cursor >= we) continue;
      const start = Math.max(cursor, ws);
      const available = we - start;
      if (remaining <= available) return new Date(start + remaining - offset);
      remaining -= available;
      cursor = we;
    }
    if (windows.length > 0) closedDays = 0;
  }
}

/** Service time between two instants (0 if `to` is not after `from`). */
export function serviceTimeBetween(schedule: ServiceSchedule, from: Date, to: Date): number {
  const offset = schedule.utcOffsetMinutes * MINUTE;
  const a = from.getTime() + offset;
  const b = to.getTime() + offset;
  if (b <= a) return 0;
  let total = 0;
  for (let day = Math.floor(a / DAY); day * DAY < b; day++) {
    for (const w of windowsOf(schedule, day)) {
      const ws = Math.max(a, day * DAY + w.start * MINUTE);
      const we = Math.min(b, day * DAY + w.end * MINUTE);
      if (we > ws) total += we - ws;
    }
  }
  return total;
}

/** True when `at` falls inside service hours (the citizen is told when the case will be read). */
export function isWithinServiceHours(schedule: ServiceSchedule, at: Date): boolean {
  const local = at.getTime() + schedule.utcOffsetMinutes * MINUTE;
  const day = Math.floor(local / DAY);
  const minute = (local - day * DAY) / MINUTE;
  return windowsOf(schedule, day).some((w) => minute >= w.start && minute < w.end);
}
