import { AppError } from '@pandawa/errors';
import type { Actor } from '../domain/case.types.js';
import { belongsTo } from '../domain/citizen-identity.js';
import type { CaseLists } from '../read-model/case-lists.js';
import type { CaseDocument } from '../store/case/case.schema.js';

// WhatsApp's limit for one text message: nothing longer can come from, or go to, a citizen.
const MAX_TEXT = 4096;
/** Documents in one request; a case holds at most three requests' worth. */
export const MAX_DOCUMENTS = 20;

export const invalid = (message: string, reason: string) =>
  new AppError('INVALID_ARGUMENT', message, { reason });
export const notFound = () =>
  new AppError('NOT_FOUND', 'case not found', { reason: 'CASE_NOT_FOUND' });
export const denied = (message: string, reason: string) =>
  new AppError('PERMISSION_DENIED', message, { reason });
export const conflict = () =>
  new AppError('ABORTED', 'the case was changed by someone else; reload and try again', {
    reason: 'CASE_VERSION_CONFLICT',
  });

/** Lists and statistics wait for the view's first load; clients retry UNAVAILABLE. */
export function requireLoaded(lists: CaseLists) {
  if (!lists.ready)
    throw new AppError('UNAVAILABLE', 'the case list is still loading; try again shortly', {
      reason: 'CASE_LIST_LOADING',
    });
}

export function requireOffice(officeId: string) {
  if (!officeId) throw invalid('office_id is required', 'OFFICE_REQUIRED');
}

/** A citizen sees only their own cases (domain/citizen-identity.ts); to them others do not exist. */
export function canSee(actor: Actor, doc: Pick<CaseDocument, 'citizen'>): boolean {
  if (actor.role !== 'citizen') return true;
  return actor.citizen !== undefined && belongsTo(doc.citizen, actor.citizen);
}

export function checkText(text: string, field: string, required = false) {
  if (required && !text.trim()) throw invalid(`${field} is required`, 'TEXT_REQUIRED');
  if (text.length > MAX_TEXT) throw invalid(`${field} is too long`, 'TEXT_TOO_LONG');
}

export function checkDocuments(ids: string[]) {
  if (ids.length > MAX_DOCUMENTS) throw invalid('too many documents', 'TOO_MANY_DOCUMENTS');
  if (ids.some((id) => !id || id.length > 200)) throw invalid('bad document id', 'BAD_DOCUMENT_ID');
}
