import { isOpen, type CaseStatus } from './case.types.js';
import { serviceTimeBetween, type ServiceSchedule } from './service-hours.js';

const MINUTE = 60_000;

/** The two SLA clocks of a case (the `sla` part of a case document). */
export interface SlaClocks {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** Service minutes from opening to the first response / to resolution, for statistics. */
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

/** The earliest due time of a clock that still runs and has not breached; null when none. */
export function nextSlaCheck(sla: SlaClocks, status: CaseStatus): Date | null {
  if (!isOpen(status)) return null;
  const due: Date[] = [];
  if (!sla.firstResponseAt && !sla.firstResponseBreached) due.push(sla.firstResponseDueAt);
  if (!sla.resolvedAt && !sla.resolutionBreached) due.push(sla.resolutionDueAt);
  return due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null;
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
