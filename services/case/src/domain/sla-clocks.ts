import { isOpen, type CaseStatus } from './case.types.js';
import { addServiceTime, serviceTimeBetween, type ServiceSchedule } from './service-hours.js';

const MINUTE = 60_000;

/** The two SLA clocks of a case (the `sla` part of a case document). */
export interface SlaClocks {
  firstResponseDueAt: Date;
  /** Moves later by the service time the resolution clock spent paused. */
  resolutionDueAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** Service minutes from opening to the first response / to resolution, for statistics. */
  firstResponseMinutes: number | null;
  /** Paused time (waiting on the citizen) is not counted. */
  resolutionMinutes: number | null;
  /**
   * Since when the resolution clock is paused: the office waits on the citizen (MENUNGGU_DATA).
   * Null while it runs. Cases stored before pauses existed lack the field: read it through
   * `pausedSince`.
   */
  pausedAt?: Date | null;
  /**
   * Service minutes (not rounded) the resolution clock was paused so far, finished pauses only;
   * already added to `resolutionDueAt`. Missing on older cases: read it through `pausedMinutesOf`.
   */
  pausedMinutes?: number;
}

/** When the resolution clock was paused; null while it runs (and on cases stored before pauses). */
export const pausedSince = (sla: SlaClocks): Date | null => sla.pausedAt ?? null;

/** Service minutes of the finished pauses (0 on cases stored before pauses). */
export const pausedMinutesOf = (sla: SlaClocks): number => sla.pausedMinutes ?? 0;

/** The resolution clock counts time: the case is not resolved and nobody waits on the citizen. */
export const resolutionClockRuns = (sla: SlaClocks): boolean =>
  !sla.resolvedAt && !pausedSince(sla);

/** The earliest due time of a clock that still runs and has not breached; null when none. */
export function nextSlaCheck(sla: SlaClocks, status: CaseStatus): Date | null {
  if (!isOpen(status)) return null;
  const due: Date[] = [];
  if (!sla.firstResponseAt && !sla.firstResponseBreached) due.push(sla.firstResponseDueAt);
  // A paused resolution clock is not due: its due time moves when it resumes.
  if (resolutionClockRuns(sla) && !sla.resolutionBreached) due.push(sla.resolutionDueAt);
  return due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null;
}

/**
 * When the case is due, for the officers' queue: the earliest due time of a clock that still
 * runs, breached or not (an overdue case is the most urgent); null when none runs (closed, or
 * waiting on the citizen after a first response).
 */
export function urgentDueAt(sla: SlaClocks, status: CaseStatus): Date | null {
  if (!isOpen(status)) return null;
  const due: number[] = [];
  if (!sla.firstResponseAt) due.push(sla.firstResponseDueAt.getTime());
  if (resolutionClockRuns(sla)) due.push(sla.resolutionDueAt.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}

/** Durations are kept in service minutes: statistics compare against targets set in service hours. */
export function serviceMinutesBetween(schedule: ServiceSchedule, from: Date, to: Date): number {
  return Math.round(serviceTimeBetween(schedule, from, to) / MINUTE);
}

/** Stops the first-response clock in `sla` (in place) unless it already stopped. */
export function stopFirstResponseClock(
  schedule: ServiceSchedule,
  openedAt: Date,
  sla: SlaClocks,
  now: Date,
): void {
  if (sla.firstResponseAt) return;
  sla.firstResponseAt = now;
  sla.firstResponseMinutes = serviceMinutesBetween(schedule, openedAt, now);
}

/**
 * Pauses the resolution clock at `now` (the case enters MENUNGGU_DATA). Returns `sla` itself
 * when the clock does not run (already paused, or resolved). A breached clock pauses too: the
 * breach stays recorded, and the wait is still kept out of `resolutionMinutes`.
 */
export function pauseResolutionClock(sla: SlaClocks, now: Date): SlaClocks {
  if (!resolutionClockRuns(sla)) return sla;
  return { ...sla, pausedAt: now, pausedMinutes: pausedMinutesOf(sla) };
}

/**
 * Resumes a paused resolution clock at `now` (the citizen answered, or the case left
 * MENUNGGU_DATA): the due time moves on by the service time spent waiting, and that time joins
 * `pausedMinutes`. Returns `sla` itself when the clock is not paused.
 */
export function resumeResolutionClock(
  schedule: ServiceSchedule,
  sla: SlaClocks,
  now: Date,
): SlaClocks {
  const since = pausedSince(sla);
  if (!since) return sla;
  const waited = serviceTimeBetween(schedule, since, now);
  return {
    ...sla,
    resolutionDueAt: addServiceTime(schedule, sla.resolutionDueAt, waited),
    pausedAt: null,
    pausedMinutes: pausedMinutesOf(sla) + waited / MINUTE,
  };
}

/** The resolution clock as a move to `to` leaves it: paused while waiting on the citizen. */
export function resolutionClockFor(
  schedule: ServiceSchedule,
  sla: SlaClocks,
  to: CaseStatus,
  now: Date,
): SlaClocks {
  return to === 'MENUNGGU_DATA'
    ? pauseResolutionClock(sla, now)
    : resumeResolutionClock(schedule, sla, now);
}

/** Service minutes the resolution clock counted from opening to `at`: paused time left out. */
export function resolutionMinutesAt(
  schedule: ServiceSchedule,
  openedAt: Date,
  sla: SlaClocks,
  at: Date,
): number {
  const settled = resumeResolutionClock(schedule, sla, at); // a pause still open ends at `at`
  const counted = serviceTimeBetween(schedule, openedAt, at) / MINUTE - pausedMinutesOf(settled);
  return Math.max(0, Math.round(counted));
}

/**
 * Stops the resolution clock: the case closed at `now`. A case closed while waiting on the
 * citizen resumes first, so its wait counts as paused. Only an officer's decision is a
 * resolution time (`counted`); a cancellation stops the clock without one.
 */
export function stopResolutionClock(
  schedule: ServiceSchedule,
  openedAt: Date,
  sla: SlaClocks,
  now: Date,
  counted: boolean,
): SlaClocks {
  const resumed = resumeResolutionClock(schedule, sla, now);
  return {
    ...resumed,
    resolvedAt: now,
    resolutionMinutes: counted
      ? resolutionMinutesAt(schedule, openedAt, resumed, now)
      : resumed.resolutionMinutes,
  };
}

/**
 * What a write did to the resolution clock, for the `before`/`after` of its audit entry: both
 * empty when it neither paused nor resumed.
 */
export function resolutionClockAudit(
  before: SlaClocks,
  after: SlaClocks,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was = pausedSince(before);
  const is = pausedSince(after);
  if (!was && is) return { before: {}, after: { resolutionClock: 'paused' } };
  if (was && !is)
    return {
      before: { resolutionPausedAt: was.toISOString(), resolutionDueAt: iso(before) },
      after: {
        resolutionClock: 'resumed',
        waitedMinutes: Math.round(pausedMinutesOf(after) - pausedMinutesOf(before)),
        resolutionDueAt: iso(after),
      },
    };
  return { before: {}, after: {} };
}

const iso = (sla: SlaClocks) => new Date(sla.resolutionDueAt).toISOString();
