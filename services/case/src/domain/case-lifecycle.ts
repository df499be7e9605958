import { AppError } from '@pandawa/errors';
import { isOpen, isStaff, type Actor, type CaseStatus } from './case.types.js';

/**
 * The lifecycle of architecture §7 as data: from each status, where an officer may move a case.
 * Cancelling (`DIBATALKAN`) is not here: only the citizen may do it, from any open status.
 * Waiting states return to where work resumes: data arrived → verify or process again; the
 * visit happened → process or close.
 */
export const OFFICER_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  BARU: ['DIVERIFIKASI', 'DITOLAK'],
  DIVERIFIKASI: ['DIPROSES', 'MENUNGGU_DATA', 'PERLU_KUNJUNGAN', 'DITOLAK'],
  DIPROSES: ['SELESAI', 'DITOLAK', 'MENUNGGU_DATA', 'PERLU_KUNJUNGAN'],
  MENUNGGU_DATA: ['DIVERIFIKASI', 'DIPROSES', 'DITOLAK'],
  PERLU_KUNJUNGAN: ['DIPROSES', 'SELESAI', 'DITOLAK'],
  SELESAI: [],
  DITOLAK: [],
  DIBATALKAN: [],
};

export interface TransitionInput {
  to: CaseStatus;
  reason?: string;
  missingItems?: string[];
  visitInstructions?: string;
}

/** What the new status carries, kept on the case while it is in that status. */
export interface StatusDetail {
  reason?: string;
  missingItems?: string[];
  visitInstructions?: string;
}

/** Every (from, to) pair the lifecycle allows for `actor`; used by the tests to enumerate. */
export function isTransitionAllowed(from: CaseStatus, to: CaseStatus, actor: Actor): boolean {
  if (to === 'DIBATALKAN') return actor.role === 'citizen' && isOpen(from);
  return isStaff(actor) && OFFICER_TRANSITIONS[from].includes(to);
}

/**
 * Checks a transition and returns the data the new status keeps. Throws FAILED_PRECONDITION for
 * a move the lifecycle does not allow, PERMISSION_DENIED for a caller who may not make it, and
 * INVALID_ARGUMENT when the data the target status needs is missing.
 */
export function planTransition(
  from: CaseStatus,
  input: TransitionInput,
  actor: Actor,
): StatusDetail {
  const { to } = input;
  if (to === 'DIBATALKAN' && actor.role !== 'citizen') {
    throw new AppError('PERMISSION_DENIED', 'only the citizen may cancel a case', {
      reason: 'CANCEL_BY_CITIZEN_ONLY',
    });
  }
  if (to !== 'DIBATALKAN' && !isStaff(actor)) {
    throw new AppError('PERMISSION_DENIED', 'only officers may change the status of a case', {
      reason: 'TRANSITION_BY_OFFICER_ONLY',
    });
  }
  if (!isTransitionAllowed(from, to, actor)) {
    throw new AppError('FAILED_PRECONDITION', `a case cannot move from ${from} to ${to}`, {
      reason: 'TRANSITION_NOT_ALLOWED',
      details: { from, to },
    });
  }
  const reason = input.reason?.trim() || undefined;
  switch (to) {
    case 'DITOLAK':
      if (!reason) throw invalid('a rejection needs a reason', 'REASON_REQUIRED');
      return { reason };
    case 'MENUNGGU_DATA': {
      const missingItems = (input.missingItems ?? []).map((s) => s.trim()).filter(Boolean);
      if (missingItems.length === 0)
        throw invalid('say what is missing from the citizen', 'MISSING_ITEMS_REQUIRED');
      return { missingItems, ...(reason ? { reason } : {}) };
    }
    case 'PERLU_KUNJUNGAN': {
      const visitInstructions = input.visitInstructions?.trim();
      if (!visitInstructions)
        throw invalid('a visit needs instructions for the citizen', 'VISIT_INSTRUCTIONS_REQUIRED');
      return { visitInstructions, ...(reason ? { reason } : {}) };
    }
    default:
      return reason ? { reason } : {};
  }
}

const invalid = (message: string, reason: string) =>
  new AppError('INVALID_ARGUMENT', message, { reason });
