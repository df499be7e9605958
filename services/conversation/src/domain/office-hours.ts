/**
 * The office's opening hours, read from the same `SERVICE_HOURS` text the case service uses
 * (`mon-thu 08:00-15:00; fri 08:00-11:30`), for two things a citizen is told: the hours
 * themselves (*Info & jam layanan*) and, outside them, when an officer will read the message.
 */
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

interface Window {
  days: number[];
  from: number; // minutes after midnight
  to: number;
}

export interface OfficeHours {
  /** `Senin–Kamis 08.00–15.00, Jumat 08.00–11.30 (WIB)` */
  describe(): string;
  isOpen(at: Date): boolean;
  /** The next moment the office opens, or `at` itself when open. */
  nextOpening(at: Date): Date;
  /** `Senin, 7 Desember 2026 pukul 08.00 WIB`, in the office's time. */
  formatLocal(at: Date): string;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

function parseWeek(week: string): Window[] {
  const windows: Window[] = [];
  for (const part of week
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part.toLowerCase());
    if (!m) throw new Error(`SERVICE_HOURS: cannot read "${part}"`);
    const start = DAYS.indexOf(m[1] as (typeof DAYS)[number]);
    const end = DAYS.indexOf((m[2] ?? m[1]) as (typeof DAYS)[number]);
    if (start < 0 || end < 0) throw new Error(`SERVICE_HOURS: unknown day in "${part}"`);
    const days: number[] = [];
    for (let d = start; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === end) break;
    }
    windows.push({ days, from: minutes(m[3]!), to: minutes(m[4]!) });
  }
  return windows;
}

const hhmm = (mins: number) =>
  `${String(Math.floor(mins / 60)).padStart(2, '0')}.${String(mins % 60).padStart(2, '0')}`;

export function officeHours(options: {
  week: string;
  utcOffset: string;
  holidays: string[];
}): OfficeHours {
  const windows = parseWeek(options.week);
  const sign = options.utcOffset.startsWith('-') ? -1 : 1;
  const offsetMs = sign * minutes(options.utcOffset.slice(1)) * 60_000;
  const holidays = new Set(options.holidays);
  const local = (at: Date) => new Date(at.getTime() + offsetMs);
  const dateKey = (l: Date) => l.toISOString().slice(0, 10);

  const isOpen = (at: Date) => {
    const l = local(at);
    if (holidays.has(dateKey(l))) return false;
    const mins = l.getUTCHours() * 60 + l.getUTCMinutes();
    return windows.some((w) => w.days.includes(l.getUTCDay()) && mins >= w.from && mins < w.to);
  };

  return {
    isOpen,
    describe: () =>
      windows
        .map((w) => {
          const first = DAY_NAMES[w.days[0]!]!;
          const last = DAY_NAMES[w.days.at(-1)!]!;
          const days = w.days.length > 1 ? `${first}–${last}` : first;
          return `${days} ${hhmm(w.from)}–${hhmm(w.to)}`;
        })
        .join(', ') + ' (WIB)',
    nextOpening(at) {
      if (isOpen(at)) return at;
      // Walk the next three weeks a minute-aligned window start at a time (holidays included).
      const l = local(at);
      for (let day = 0; day < 21; day++) {
        const d = new Date(Date.UTC(l.getUTCFullYear(), l.getUTCMonth(), l.getUTCDate() + day));
        if (holidays.has(dateKey(d))) continue;
        const starts = windows
          .filter((w) => w.days.includes(d.getUTCDay()))
          .map((w) => w.from)
          .sort((a, b) => a - b);
        for (const from of starts) {
          const opening = new Date(d.getTime() + from * 60_000 - offsetMs);
          if (opening > at) return opening;
        }
      }
      return at;
    },
    formatLocal(at) {
      const l = local(at);
      const mins = l.getUTCHours() * 60 + l.getUTCMinutes();
      return `${DAY_NAMES[l.getUTCDay()]}, ${l.getUTCDate()} ${MONTHS[l.getUTCMonth()]} ${l.getUTCFullYear()} pukul ${hhmm(mins)} WIB`;
    },
  };
}
