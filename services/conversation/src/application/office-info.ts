import type { OfficeHours } from '../domain/office-hours.js';

/** What an office's stored settings (architecture §3.2) say, where they say it. */
export interface OfficeInfoOverrides {
  /** The week (and holidays) as set, when either is. */
  hours?: OfficeHours;
  holidays?: string[];
  address?: string;
  whatToBring?: string;
}

/** The admin's settings per office; undefined when none (or they cannot be read now). */
export interface OfficeInfoPort {
  overrides(officeId: string): Promise<OfficeInfoOverrides | undefined>;
}

export interface OfficeInfoDeps {
  hours: OfficeHours;
  info: { address: string; whatToBring: string; holidays: string[] };
  officeInfo?: OfficeInfoPort;
}

/** *Info & jam layanan*: the office's own settings where set, else this service's configuration. */
export async function officeInfo(deps: OfficeInfoDeps, officeId: string) {
  const set = (await deps.officeInfo?.overrides(officeId)) ?? {};
  return {
    hours: (set.hours ?? deps.hours).describe(),
    holidays: (set.holidays ?? deps.info.holidays).join(', '),
    address: set.address ?? deps.info.address,
    bring: set.whatToBring ?? deps.info.whatToBring,
  };
}

/** The office's opening hours: its settings' week and holidays where set (the outside-hours notice). */
export async function officeHoursOf(deps: OfficeInfoDeps, officeId: string): Promise<OfficeHours> {
  return (await deps.officeInfo?.overrides(officeId))?.hours ?? deps.hours;
}
