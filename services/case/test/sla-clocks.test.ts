import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PEKANBARU_SCHEDULE, wib } from './support/pekanbaru-schedule.js';
import { serviceTimeBetween } from '../src/domain/service-hours.js';
import {
  nextSlaCheck,
  pauseResolutionClock,
  resolutionClockAudit,
  resolutionClockFor,
  resolutionMinutesAt,
  resumeResolutionClock,
  serviceMinutesBetween,
  stopResolutionClock,
  type SlaClocks,
  urgentDueAt,
} from '../src/domain/sla-clocks.js';

const HOUR = 3_600_000;
const MIN = 60_000;

const schedule = PEKANBARU_SCHEDULE;

function clocks(overrides: Partial<SlaClocks> = {}): SlaClocks {
  return {
    firstResponseDueAt: wib('2026-11-23T13:00:00'),
    resolutionDueAt: wib('2026-12-01T14:00:00'),
    firstResponseAt: wib('2026-11-23T10:00:00'),
    resolvedAt: null,
    firstResponseBreached: false,
    resolutionBreached: false,
    firstResponseMinutes: 60,
    resolutionMinutes: null,
    pausedAt: null,
    pausedMinutes: 0,
    ...overrides,
  };
}

/** A case stored before pauses existed: no `pausedAt`, no `pausedMinutes`. */
function legacyClocks(overrides: Partial<SlaClocks> = {}): SlaClocks {
  const { pausedAt: _a, pausedMinutes: _m, ...rest } = clocks(overrides);
  return rest;
}

describe("when a case is due (the officers' queue)", () => {
  it('is the earliest running clock, breached or not, and nothing when no clock runs', () => {
    const waitingForAnswer = clocks({ firstResponseAt: null, firstResponseBreached: true });
    // Overdue first response (breached) comes before the resolution due time.
    expect(urgentDueAt(waitingForAnswer, 'BARU')).toEqual(wib('2026-11-23T13:00:00'));
    // Responded: the resolution clock is what is due.
    expect(urgentDueAt(clocks(), 'DIPROSES')).toEqual(wib('2026-12-01T14:00:00'));
    // Responded and waiting on the citizen: nothing runs.
    expect(urgentDueAt(clocks({ pausedAt: wib('2026-11-24T09:00:00') }), 'MENUNGGU_DATA')).toBe(
      null,
    );
    // Closed cases are never due.
    expect(urgentDueAt(waitingForAnswer, 'SELESAI')).toBe(null);
    expect(urgentDueAt(legacyClocks(), 'DIVERIFIKASI')).toEqual(wib('2026-12-01T14:00:00'));
  });
});

describe('pausing the resolution clock', () => {
  it('records when it paused and leaves the due time alone', () => {
    const before = clocks();
    const paused = pauseResolutionClock(before, wib('2026-11-26T14:00:00'));
    expect(paused.pausedAt).toEqual(wib('2026-11-26T14:00:00'));
    expect(paused.resolutionDueAt).toEqual(before.resolutionDueAt);
    expect(before.pausedAt).toBeNull(); // the input is not changed
  });

  it('does nothing to a clock already paused or stopped', () => {
    const paused = clocks({ pausedAt: wib('2026-11-26T09:00:00') });
    expect(pauseResolutionClock(paused, wib('2026-11-26T14:00:00'))).toBe(paused);
    const resolved = clocks({ resolvedAt: wib('2026-11-26T09:00:00') });
    expect(pauseResolutionClock(resolved, wib('2026-11-26T14:00:00'))).toBe(resolved);
  });

  it('is ignored by the next check; the first-response clock still counts', () => {
    const paused = clocks({ pausedAt: wib('2026-11-26T14:00:00') });
    expect(nextSlaCheck(paused, 'MENUNGGU_DATA')).toBeNull();
    const unanswered = clocks({ firstResponseAt: null, pausedAt: wib('2026-11-23T09:00:00') });
    expect(nextSlaCheck(unanswered, 'MENUNGGU_DATA')).toEqual(unanswered.firstResponseDueAt);
    // Running again, the resolution due time is the next check.
    expect(nextSlaCheck(clocks(), 'DIPROSES')).toEqual(wib('2026-12-01T14:00:00'));
  });

  it('follows the status: paused in MENUNGGU_DATA, running elsewhere', () => {
    const at = wib('2026-11-26T14:00:00');
    expect(resolutionClockFor(schedule, clocks(), 'MENUNGGU_DATA', at).pausedAt).toEqual(at);
    expect(resolutionClockFor(schedule, clocks(), 'PERLU_KUNJUNGAN', at).pausedAt).toBeNull();
    const paused = clocks({ pausedAt: wib('2026-11-26T13:00:00') });
    expect(resolutionClockFor(schedule, paused, 'DIPROSES', at)).toMatchObject({
      pausedAt: null,
      pausedMinutes: 60,
    });
  });
});

describe('resuming the resolution clock', () => {
  it("extends the due time by the service time waited over Friday's short day and the weekend", () => {
    // Paused Friday 10:30, answered Monday 09:00: Fri 10:30–11:30 + Mon 08:00–09:00 = 2 h.
    const paused = clocks({ pausedAt: wib('2026-11-27T10:30:00') });
    const resumed = resumeResolutionClock(schedule, paused, wib('2026-11-30T09:00:00'));
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedMinutes).toBe(120);
    // Due Tuesday 14:00 + 2 h: Tue 14:00–15:00, then Wed 08:00–09:00.
    expect(resumed.resolutionDueAt).toEqual(wib('2026-12-02T09:00:00'));
  });

  it('counts only the open part of Friday when the citizen answers on Saturday', () => {
    const paused = clocks({ pausedAt: wib('2026-11-27T11:00:00'), pausedMinutes: 45 });
    const resumed = resumeResolutionClock(schedule, paused, wib('2026-11-28T10:00:00'));
    expect(resumed.pausedMinutes).toBe(45 + 30);
    expect(resumed.resolutionDueAt).toEqual(wib('2026-12-01T14:30:00'));
  });

  it('moves nothing when the whole wait fell outside service hours', () => {
    const paused = clocks({ pausedAt: wib('2026-11-27T12:00:00') }); // Friday after closing
    const resumed = resumeResolutionClock(schedule, paused, wib('2026-11-30T07:30:00'));
    expect(resumed.pausedMinutes).toBe(0);
    expect(resumed.resolutionDueAt).toEqual(paused.resolutionDueAt);
    expect(resumed.pausedAt).toBeNull();
  });

  it('skips holidays: waiting from Wednesday 14:00 to Monday 09:00 over Christmas is 2 h', () => {
    const paused = clocks({
      pausedAt: wib('2026-12-23T14:00:00'),
      resolutionDueAt: wib('2026-12-23T15:00:00'),
    });
    const resumed = resumeResolutionClock(schedule, paused, wib('2026-12-28T09:00:00'));
    expect(resumed.pausedMinutes).toBe(120);
    expect(resumed.resolutionDueAt).toEqual(wib('2026-12-28T10:00:00'));
  });

  it('does nothing to a running clock', () => {
    const running = clocks();
    expect(resumeResolutionClock(schedule, running, wib('2026-11-30T09:00:00'))).toBe(running);
  });
});

describe('resolution minutes', () => {
  const openedAt = wib('2026-11-23T09:00:00'); // Monday

  it('leave out the time paused', () => {
    // Waited Thursday 14:00 → Monday 10:00: Thu 1 h + Fri 3.5 h + Mon 2 h = 6.5 h.
    let sla = pauseResolutionClock(clocks(), wib('2026-11-26T14:00:00'));
    sla = resumeResolutionClock(schedule, sla, wib('2026-11-30T10:00:00'));
    expect(sla.pausedMinutes).toBe(390);
    const closed = stopResolutionClock(schedule, openedAt, sla, wib('2026-11-30T12:00:00'), true);
    // Mon 6 h + Tue 7 h + Wed 7 h + Thu 08:00–14:00 6 h + Mon 10:00–12:00 2 h = 28 h.
    expect(closed.resolutionMinutes).toBe(28 * 60);
    expect(closed.resolvedAt).toEqual(wib('2026-11-30T12:00:00'));
    expect(serviceMinutesBetween(schedule, openedAt, wib('2026-11-30T12:00:00'))).toBe(
      28 * 60 + 390,
    );
  });

  it('resume first when the case is closed while still waiting on the citizen', () => {
    const sla = pauseResolutionClock(clocks(), wib('2026-11-26T14:00:00'));
    const closed = stopResolutionClock(schedule, openedAt, sla, wib('2026-11-30T10:00:00'), true);
    expect(closed.pausedAt).toBeNull();
    expect(closed.pausedMinutes).toBe(390);
    expect(closed.resolutionMinutes).toBe(26 * 60);
    expect(nextSlaCheck(closed, 'DITOLAK')).toBeNull();
  });

  it('are not set by a cancellation, which still ends the pause', () => {
    const sla = pauseResolutionClock(clocks(), wib('2026-11-26T14:00:00'));
    const cancelled = stopResolutionClock(
      schedule,
      openedAt,
      sla,
      wib('2026-11-30T10:00:00'),
      false,
    );
    expect(cancelled.resolutionMinutes).toBeNull();
    expect(cancelled.pausedAt).toBeNull();
  });

  it('add up several pauses', () => {
    let sla = clocks();
    sla = pauseResolutionClock(sla, wib('2026-11-23T10:00:00'));
    sla = resumeResolutionClock(schedule, sla, wib('2026-11-23T11:00:00'));
    sla = pauseResolutionClock(sla, wib('2026-11-24T09:00:00'));
    sla = resumeResolutionClock(schedule, sla, wib('2026-11-24T09:30:00'));
    expect(sla.pausedMinutes).toBe(90);
    expect(sla.resolutionDueAt).toEqual(wib('2026-12-02T08:30:00'));
    expect(resolutionMinutesAt(schedule, openedAt, sla, wib('2026-11-24T10:00:00'))).toBe(
      6 * 60 + 2 * 60 - 90,
    );
  });
});

describe('cases stored before pauses existed', () => {
  const openedAt = wib('2026-11-23T09:00:00');

  it('read as running, never paused', () => {
    const sla = legacyClocks();
    expect(nextSlaCheck(sla, 'DIPROSES')).toEqual(sla.resolutionDueAt);
    expect(resumeResolutionClock(schedule, sla, wib('2026-11-30T09:00:00'))).toBe(sla);
    const at = wib('2026-11-25T09:00:00');
    expect(resolutionMinutesAt(schedule, openedAt, sla, at)).toBe(
      serviceMinutesBetween(schedule, openedAt, at),
    );
  });

  it('pause and resume like any other', () => {
    const paused = pauseResolutionClock(legacyClocks(), wib('2026-11-27T10:30:00'));
    expect(paused).toMatchObject({ pausedAt: wib('2026-11-27T10:30:00'), pausedMinutes: 0 });
    const resumed = resumeResolutionClock(schedule, paused, wib('2026-11-30T09:00:00'));
    expect(resumed.pausedMinutes).toBe(120);
  });
});

describe('audit of the resolution clock', () => {
  it('names a pause and a resume, and nothing else', () => {
    const running = clocks();
    const paused = pauseResolutionClock(running, wib('2026-11-27T10:30:00'));
    expect(resolutionClockAudit(running, paused)).toEqual({
      before: {},
      after: { resolutionClock: 'paused' },
    });
    const resumed = resumeResolutionClock(schedule, paused, wib('2026-11-30T09:00:00'));
    expect(resolutionClockAudit(paused, resumed)).toEqual({
      before: {
        resolutionPausedAt: wib('2026-11-27T10:30:00').toISOString(),
        resolutionDueAt: wib('2026-12-01T14:00:00').toISOString(),
      },
      after: {
        resolutionClock: 'resumed',
        waitedMinutes: 120,
        resolutionDueAt: wib('2026-12-02T09:00:00').toISOString(),
      },
    });
    expect(resolutionClockAudit(running, running)).toEqual({ before: {}, after: {} });
  });
});

describe('pause/resume properties', () => {
  // Minute-aligned instants over five weeks from Monday 2026-11-23 00:00 WIB: weekends, Friday's
  // short day, the Christmas holidays, nights.
  const T0 = wib('2026-11-23T00:00:00').getTime();
  const minutes = (max: number) => fc.integer({ min: 0, max });
  const scenario = fc.record({
    openedAfter: minutes(7 * 24 * 60),
    targetHours: fc.integer({ min: 1, max: 40 }),
    /** [running before the pause, paused for] in minutes, one pair per pause. */
    pauses: fc.array(fc.tuple(minutes(4 * 24 * 60), minutes(4 * 24 * 60)), { maxLength: 4 }),
    closedAfter: minutes(3 * 24 * 60),
    /** Closed from MENUNGGU_DATA, with the last pause never resumed. */
    closedWhilePaused: fc.boolean(),
  });

  it('never moves the due time earlier, keeps the time left, and never counts paused time', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const openedAt = new Date(T0 + s.openedAfter * MIN);
        let sla = clocks({
          firstResponseAt: null,
          resolutionDueAt: new Date(openedAt.getTime() + s.targetHours * HOUR),
        });
        let at = openedAt;
        let pausedService = 0;
        s.pauses.forEach(([runFor, waitFor], i) => {
          const pausedAt = new Date(at.getTime() + runFor * MIN);
          sla = pauseResolutionClock(sla, pausedAt);
          expect(nextSlaCheck(sla, 'MENUNGGU_DATA')).toEqual(sla.firstResponseDueAt);
          at = new Date(pausedAt.getTime() + waitFor * MIN);
          pausedService += serviceTimeBetween(schedule, pausedAt, at);
          if (s.closedWhilePaused && i === s.pauses.length - 1) return;
          const before = sla;
          sla = resumeResolutionClock(schedule, sla, at);
          expect(sla.resolutionDueAt.getTime()).toBeGreaterThanOrEqual(
            before.resolutionDueAt.getTime(),
          );
          if (pausedAt <= before.resolutionDueAt)
            expect(serviceTimeBetween(schedule, at, sla.resolutionDueAt)).toBe(
              serviceTimeBetween(schedule, pausedAt, before.resolutionDueAt),
            );
        });
        const closedAt =
          s.closedWhilePaused && s.pauses.length
            ? at
            : new Date(at.getTime() + s.closedAfter * MIN);
        const closed = stopResolutionClock(schedule, openedAt, sla, closedAt, true);
        const worked = serviceTimeBetween(schedule, openedAt, closedAt) - pausedService;
        expect(closed.pausedAt).toBeNull();
        expect(closed.pausedMinutes).toBe(pausedService / MIN);
        expect(closed.resolutionMinutes).toBe(worked / MIN);
      }),
      { numRuns: 500 },
    );
  });
});
