import { AppError } from '@pandawa/errors';
import type { Cursor } from '../store/case/case.repository.js';

/** Opaque cursor: the last row's creation time and id, so pages stay stable under inserts. */
export function encodePageToken(cursor: Cursor | undefined): string {
  if (!cursor) return '';
  return Buffer.from(JSON.stringify([cursor.createdAt.getTime(), cursor.id])).toString('base64url');
}

export function decodePageToken(token: string): Cursor | undefined {
  if (!token) return undefined;
  try {
    const [t, id] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
    ];
    if (typeof t === 'number' && typeof id === 'string') return { createdAt: new Date(t), id };
  } catch {
    // fall through
  }
  throw new AppError('INVALID_ARGUMENT', 'bad page token', { reason: 'BAD_PAGE_TOKEN' });
}

export function pageSize(requested: number): number {
  if (!requested || requested < 0) return 20;
  return Math.min(requested, 100);
}
