import { COMMON_LIMITS, TIME_LIMITS } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import type { ListOrder } from '../read-model/case-list.view.js';
import type { Cursor } from '../store/case/case.repository.js';

const badToken = () =>
  new AppError('INVALID_ARGUMENT', 'bad page token', { reason: 'BAD_PAGE_TOKEN' });

/**
 * Opaque cursor: the last row's sort time and id, so pages stay stable under inserts, and the
 * order it belongs to (absent for newest first, the tokens made before orders existed).
 */
export function encodePageToken(cursor: Cursor | undefined, order: ListOrder = 'newest'): string {
  if (!cursor) return '';
  const parts: unknown[] = [cursor.at.getTime(), cursor.id];
  if (order !== 'newest') parts.push(order);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor in `token`; a token of another order is refused rather than misread. */
export function decodePageToken(token: string, order: ListOrder = 'newest'): Cursor | undefined {
  if (!token) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badToken();
  }
  if (!Array.isArray(parts)) throw badToken();
  const [t, id, tokenOrder = 'newest'] = parts as unknown[];
  if (typeof t !== 'number' || typeof id !== 'string' || tokenOrder !== order) throw badToken();
  // Only tokens this service made are read: a finite time in range, an id of an id's length.
  if (!Number.isInteger(t) || t < TIME_LIMITS.earliest || t > TIME_LIMITS.latest) throw badToken();
  if (!id || id.length > COMMON_LIMITS.id) throw badToken();
  return { at: new Date(t), id };
}

export function pageSize(requested: number): number {
  if (!requested || requested < 0) return 20;
  return Math.min(requested, 100);
}
