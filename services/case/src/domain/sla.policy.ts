import type { CaseCategory } from './case.types.js';
import { addServiceTime, type ServiceSchedule } from './service-hours.js';

const HOUR = 3_600_000;

/** Targets in service hours. A service day is 7 h (Mon–Thu) or 3.5 h (Fri). */
export interface SlaTargets {
  firstResponseHours: number;
  resolutionHours: number;
}

/**
 * Default targets per category. Data ganda needs a biometric check at the office, and problems
 * with other agencies need their answer, so those get longer to resolve.
 */
export const DEFAULT_SLA_TARGETS: Readonly<Record<CaseCategory, SlaTargets>> = {
  NIK_TIDAK_AKTIF: { firstResponseHours: 4, resolutionHours: 21 },
  DATA_GANDA: { firstResponseHours: 4, resolutionHours: 35 },
  DATA_TIDAK_SESUAI: { firstResponseHours: 4, resolutionHours: 28 },
  KENDALA_INSTANSI_LAIN: { firstResponseHours: 4, resolutionHours: 35 },
  KK_KTP_BERMASALAH: { firstResponseHours: 4, resolutionHours: 28 },
  LAINNYA: { firstResponseHours: 7, resolutionHours: 35 },
};

export interface SlaDueTimes {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

export function computeDueTimes(
  schedule: ServiceSchedule,
  targets: Readonly<Record<CaseCategory, SlaTargets>>,
  category: CaseCategory,
  openedAt: Date,
): SlaDueTimes {
  const t = targets[category];
  return {
    firstResponseDueAt: addServiceTime(schedule, openedAt, t.firstResponseHours * HOUR),
    resolutionDueAt: addServiceTime(schedule, openedAt, t.resolutionHours * HOUR),
  };
}
