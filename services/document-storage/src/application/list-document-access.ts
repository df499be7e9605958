import { COMMON_LIMITS, DOCUMENT_LIMITS, TIME_LIMITS } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { assertOffice, assertRole, type Actor, type ActorRole } from '../domain/actor.js';
import type {
  AccessLogCursor,
  AccessLogFilter,
  AccessLogRecord,
} from '../store/access-log.repository.js';
import type { DocumentContext } from './document-context.js';

/** Who may read the access log: the office's supervisors and admins (issue 14), no one else. */
export const ACCESS_LOG_READER_ROLES: readonly ActorRole[] = ['supervisor', 'admin'];

export const ACCESS_LOG_DEFAULT_PAGE = 50;

export interface AccessLogQuery {
  caseId: string;
  documentId: string;
  actorId: string;
  /** RFC 3339 or ''. */
  from: string;
  to: string;
  pageSize: number;
  pageToken: string;
}

export interface AccessLogPage {
  entries: AccessLogRecord[];
  /** '' on the last page. */
  nextPageToken: string;
}

const invalid = (message: string, reason: string, field: string) =>
  new AppError('INVALID_ARGUMENT', message, { reason, details: { field } });

/** A time the request names: RFC 3339 inside TIME_LIMITS, as the case service reads them. */
function timeOf(value: string, field: string): Date | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw invalid(`${field} is not an RFC 3339 time`, 'BAD_TIME', field);
  if (t < TIME_LIMITS.earliest || t > TIME_LIMITS.latest)
    throw invalid(`${field} is outside 2020–2100`, 'TIME_OUT_OF_RANGE', field);
  return new Date(t);
}

/** Opaque cursor: the last entry's time and id. Only tokens this service made are read. */
export function encodeAccessToken(cursor: AccessLogCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.getTime(), cursor.id])).toString('base64url');
}

export function decodeAccessToken(token: string): AccessLogCursor | undefined {
  if (!token) return undefined;
  const bad = () => invalid('bad page token', 'BAD_PAGE_TOKEN', 'page_token');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parts) || parts.length !== 2) throw bad();
  const [t, id] = parts as unknown[];
  if (typeof t !== 'number' || !Number.isInteger(t)) throw bad();
  if (t < TIME_LIMITS.earliest || t > TIME_LIMITS.latest) throw bad();
  if (typeof id !== 'string' || !id || id.length > COMMON_LIMITS.id) throw bad();
  return { at: new Date(t), id };
}

/**
 * One page of the office's document access log, newest first: who opened (or was refused)
 * which document, when and why. For supervisors and admins of the office; reading the log is
 * not itself logged (it holds no document content and no citizen data).
 */
export async function listDocumentAccess(
  ctx: DocumentContext,
  officeId: string,
  query: AccessLogQuery,
  actor: Actor,
): Promise<AccessLogPage> {
  assertOffice(actor, officeId);
  assertRole(actor, ACCESS_LOG_READER_ROLES);
  if (!Number.isInteger(query.pageSize) || query.pageSize < 0)
    throw invalid(
      `page_size must be from 0 (the default) to ${DOCUMENT_LIMITS.accessLogPageSize}`,
      'PAGE_SIZE_INVALID',
      'page_size',
    );
  const from = timeOf(query.from, 'from');
  const to = timeOf(query.to, 'to');
  if (from && to && from > to) throw invalid('from is after to', 'TIME_RANGE_INVALID', 'from');
  const filter: AccessLogFilter = {
    ...(query.caseId ? { caseId: query.caseId } : {}),
    ...(query.documentId ? { documentId: query.documentId } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const size = Math.min(
    query.pageSize || ACCESS_LOG_DEFAULT_PAGE,
    DOCUMENT_LIMITS.accessLogPageSize,
  );
  const rows = await ctx.accessLog.page(
    officeId,
    filter,
    size + 1,
    decodeAccessToken(query.pageToken),
  );
  const entries = rows.slice(0, size);
  const last = entries[entries.length - 1];
  return {
    entries,
    nextPageToken:
      rows.length > size && last ? encodeAccessToken({ at: last.at, id: last._id }) : '',
  };
}
