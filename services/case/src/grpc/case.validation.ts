import { CASE_LIMITS, COMMON_LIMITS, IDENTITY_LIMITS, TIME_LIMITS } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { checkRequestBounds, type FieldBounds } from '@pandawa/grpc';
import type { CaseMethod, Req } from './case.proto-types.js';

/**
 * The bound of every field of every CaseService request (packages/contracts limits.ts), by the
 * name handlers see. A test checks that each string and repeated field of case.proto is here.
 */
export const CASE_REQUEST_BOUNDS: FieldBounds = {
  officeId: { max: COMMON_LIMITS.officeId },
  idempotencyKey: { max: CASE_LIMITS.idempotencyKey },
  'citizen.bsuid': { max: IDENTITY_LIMITS.bsuid },
  'citizen.parentBsuid': { max: IDENTITY_LIMITS.parentBsuid },
  'citizen.phone': { max: IDENTITY_LIMITS.phone },
  'citizen.username': { max: IDENTITY_LIMITS.username },
  'citizen.profileName': { max: CASE_LIMITS.profileName },
  'citizen.nik': { max: CASE_LIMITS.nik },
  'citizen.kkNumber': { max: CASE_LIMITS.kkNumber },
  'citizen.name': { max: CASE_LIMITS.citizenName },
  description: { max: CASE_LIMITS.description, multiline: true },
  documentIds: {
    max: COMMON_LIMITS.id,
    items: CASE_LIMITS.documentIds,
    reasons: { tooMany: 'TOO_MANY_DOCUMENTS', tooLong: 'BAD_DOCUMENT_ID' },
  },
  // Tags as given, before blanks and repeats are dropped (the kept ones have tighter bounds).
  tags: {
    max: CASE_LIMITS.tag * 2,
    items: CASE_LIMITS.tags * 5,
    reasons: { tooMany: 'TOO_MANY_TAGS', tooLong: 'TAG_TOO_LONG' },
  },
  tag: { max: CASE_LIMITS.tag * 2 },
  id: { max: COMMON_LIMITS.id },
  caseId: { max: COMMON_LIMITS.id },
  messageId: { max: COMMON_LIMITS.id },
  assigneeId: { max: COMMON_LIMITS.id },
  phone: { max: IDENTITY_LIMITS.phone },
  bsuid: { max: IDENTITY_LIMITS.bsuid },
  trackingCode: { max: CASE_LIMITS.trackingCode * 2 },
  statuses: { max: 32, items: 16 },
  query: { max: CASE_LIMITS.query },
  pageToken: { max: CASE_LIMITS.pageToken },
  reason: { max: CASE_LIMITS.reason, multiline: true },
  missingItems: {
    max: CASE_LIMITS.missingItem,
    items: CASE_LIMITS.missingItems,
    multiline: false,
  },
  visitInstructions: { max: CASE_LIMITS.visitInstructions, multiline: true },
  text: { max: CASE_LIMITS.messageText, multiline: true },
  waMessageId: { max: 256 },
  'failure.title': { max: CASE_LIMITS.deliveryFailureTitle },
  from: { max: 64 },
  to: { max: 64 },
  createdFrom: { max: 64 },
  createdTo: { max: 64 },
};

const invalid = (message: string, reason: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_ARGUMENT', message, { reason, ...(details ? { details } : {}) });

/** An int64 (a string, as proto-loader gives longs) between 0 and CASE_LIMITS.version. */
function checkVersion(value: string | number, field: string) {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0 || n > CASE_LIMITS.version)
    throw invalid(
      `${field} must be a whole number from 0 to ${CASE_LIMITS.version}`,
      'VERSION_INVALID',
      { field },
    );
}

/** 0 means the default page; negative ones are mistakes, larger ones are capped. */
function checkPageSize(value: number) {
  if (!Number.isInteger(value) || value < 0)
    throw invalid(
      `page_size must be from 0 (the default) to ${CASE_LIMITS.pageSize}`,
      'PAGE_SIZE_INVALID',
      { field: 'page_size', limit: CASE_LIMITS.pageSize },
    );
}

/** A time a request names: RFC 3339, and inside TIME_LIMITS. */
export function parseRequestTime(value: string, field: string): Date {
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw invalid(`${field} is not an RFC 3339 time`, 'BAD_TIME', { field });
  if (t < TIME_LIMITS.earliest || t > TIME_LIMITS.latest)
    throw invalid(
      `${field} must lie between ${new Date(TIME_LIMITS.earliest).toISOString()} and ${new Date(TIME_LIMITS.latest).toISOString()}`,
      'TIME_OUT_OF_RANGE',
      { field },
    );
  return new Date(t);
}

/** Checks the parts of a request that need the method to judge: what is required, ranges. */
const METHOD_CHECKS: { [M in CaseMethod]?: (req: Req<M>) => void } = {
  CreateCase: (req) => {
    if (!req.description.trim())
      throw invalid('description is required', 'DESCRIPTION_REQUIRED', { field: 'description' });
  },
  ListCases: (req) => {
    checkPageSize(req.pageSize);
    const from = req.createdFrom ? parseRequestTime(req.createdFrom, 'created_from') : undefined;
    const to = req.createdTo ? parseRequestTime(req.createdTo, 'created_to') : undefined;
    if (from && to && from > to)
      throw invalid('created_from must not be after created_to', 'BAD_WINDOW', {
        field: 'created_from',
      });
  },
  ListCitizenCases: (req) => checkPageSize(req.pageSize),
  TransitionCase: (req) => checkVersion(req.expectedVersion, 'expected_version'),
  AssignCase: (req) => checkVersion(req.expectedVersion, 'expected_version'),
  UnassignCase: (req) => checkVersion(req.expectedVersion, 'expected_version'),
  ClaimCase: (req) => checkVersion(req.expectedVersion, 'expected_version'),
  UpdateCaseTriage: (req) => checkVersion(req.expectedVersion, 'expected_version'),
  HandBackToBot: (req) => checkVersion(req.expectedVersion, 'expected_version'),
  RevealCitizenIdentity: (req) => {
    const reason = req.reason.trim();
    if (
      reason.length < CASE_LIMITS.revealReasonMin ||
      reason.length > CASE_LIMITS.revealReason ||
      !/^[\x20-\x7E]+$/.test(reason)
    )
      throw invalid(
        `reason is required: ${CASE_LIMITS.revealReasonMin} to ${CASE_LIMITS.revealReason} letters, digits and punctuation without accents`,
        'REASON_INVALID',
        { field: 'reason', limit: CASE_LIMITS.revealReason },
      );
  },
  UpdateMessageDelivery: (req) => {
    const code = req.failure?.code ?? 0;
    if (!Number.isInteger(code) || code < 0 || code > CASE_LIMITS.deliveryFailureCode)
      throw invalid(
        `failure.code must be from 0 to ${CASE_LIMITS.deliveryFailureCode}`,
        'FAILURE_CODE_INVALID',
        { field: 'failure.code', limit: CASE_LIMITS.deliveryFailureCode },
      );
  },
  GetStatistics: (req) => {
    const from = req.from ? parseRequestTime(req.from, 'from') : undefined;
    const to = req.to ? parseRequestTime(req.to, 'to') : undefined;
    if (from && to && from > to)
      throw invalid('from must not be after to', 'BAD_TIME_WINDOW', { field: 'from' });
  },
};

/**
 * Refuses a CaseService request that breaks a bound, before anything reads or writes: every
 * field's length, count and characters (CASE_REQUEST_BOUNDS), then what the method requires.
 */
export function validateCaseRequest<M extends CaseMethod>(method: M, req: Req<M>): void {
  checkRequestBounds(req, CASE_REQUEST_BOUNDS);
  (METHOD_CHECKS[method] as ((r: Req<M>) => void) | undefined)?.(req);
}
