import {
  caseCategoryValues,
  caseStatusValues,
  isOpenCaseStatus,
  OPEN_CASE_STATUSES,
  type CallerRole,
  type CaseStatus,
} from '@pandawa/contracts';

export const CASE_STATUSES = caseStatusValues;
export type { CaseStatus };

export const CASE_CATEGORIES = caseCategoryValues;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_PRIORITIES = ['PRIORITY_LOW', 'PRIORITY_NORMAL', 'PRIORITY_HIGH'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const DELIVERY_STATUSES = [
  'DELIVERY_PENDING',
  'DELIVERY_SENT',
  'DELIVERY_DELIVERED',
  'DELIVERY_READ',
  'DELIVERY_FAILED',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Meta's reason for a failed delivery: its Graph error code (0 when none) and title. */
export interface DeliveryFailure {
  code: number;
  title: string;
}

/**
 * Statuses in which the case is still being worked: SLA clocks run, the citizen may cancel.
 * Shared with document-storage, which starts retention when a case leaves them (contracts).
 */
export const OPEN_STATUSES = OPEN_CASE_STATUSES;

export const isOpen = isOpenCaseStatus;

/**
 * Who is calling. `citizen`: the conversation service acting for the citizen `citizen` (`id` is
 * their citizen key, architecture §4); `service`: another service acting for itself (`id` names
 * it); the SLA checker and the identity-change consumer act as `system`.
 */
export interface Actor {
  id: string;
  role: CallerRole | 'system';
  /** Citizen callers only: their identity as WhatsApp's signed webhook gave it. */
  citizen?: { bsuid?: string; phone?: string };
}

export const SYSTEM_ACTOR: Actor = { id: 'case-sla-checker', role: 'system' };
export const IDENTITY_ACTOR: Actor = { id: 'case-identity-changes', role: 'system' };

export const isStaff = (actor: Actor) =>
  actor.role === 'officer' || actor.role === 'supervisor' || actor.role === 'admin';
