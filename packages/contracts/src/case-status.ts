import { caseStatusValues } from './events/case.events.js';

/** A case's status (architecture §7); the proto's `CaseStatus` carries the same names. */
export type CaseStatus = (typeof caseStatusValues)[number];

/**
 * Whether a case in each status is still being worked (`open`: SLA clocks run, the citizen may
 * cancel, officers reply) or over (`closed`: documents' retention clock runs). A record over
 * every status, so a status added to `caseStatusValues` does not compile until it is placed.
 */
export const CASE_STATUS_PHASE: Readonly<Record<CaseStatus, 'open' | 'closed'>> = {
  BARU: 'open',
  DIVERIFIKASI: 'open',
  DIPROSES: 'open',
  MENUNGGU_DATA: 'open',
  PERLU_KUNJUNGAN: 'open',
  SELESAI: 'closed',
  DITOLAK: 'closed',
  DIBATALKAN: 'closed',
};

/** The statuses in which a case is still being worked, in lifecycle order. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = caseStatusValues.filter(
  (s) => CASE_STATUS_PHASE[s] === 'open',
);

/** The statuses after which a case is over. */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = caseStatusValues.filter(
  (s) => CASE_STATUS_PHASE[s] === 'closed',
);

export const isCaseStatus = (value: string): value is CaseStatus =>
  (caseStatusValues as readonly string[]).includes(value);

export const isOpenCaseStatus = (status: CaseStatus) => CASE_STATUS_PHASE[status] === 'open';

export const isClosedCaseStatus = (status: CaseStatus) => CASE_STATUS_PHASE[status] === 'closed';
