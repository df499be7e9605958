import type { Response } from 'express';
import { newFbtraceId } from '../state/ids.js';

const MESSAGES: Record<number, { message: string; type: string }> = {
  1: { message: 'An unknown error occurred', type: 'OAuthException' },
  2: { message: 'Service temporarily unavailable', type: 'OAuthException' },
  100: { message: 'Invalid parameter', type: 'OAuthException' },
  190: {
    message: 'Invalid OAuth access token - Cannot parse access token',
    type: 'OAuthException',
  },
  130429: { message: 'Rate limit hit', type: 'OAuthException' },
  131026: { message: 'Message undeliverable', type: 'OAuthException' },
  131047: {
    message:
      'Re-engagement message: more than 24 hours have passed since the recipient last replied',
    type: 'OAuthException',
  },
  131056: {
    message: '(Business Account, Consumer Account) pair rate limit hit',
    type: 'OAuthException',
  },
  131062: {
    message: 'Business-scoped User ID (BSUID) recipients not supported for this message',
    type: 'OAuthException',
  },
};

export interface GraphErrorOptions {
  message?: string;
  subcode?: number;
  details?: string;
}

/** Answers with Meta's error body: `{ error: { message, type, code, error_subcode?, fbtrace_id } }`. */
export function sendGraphError(
  res: Response,
  status: number,
  code: number,
  options: GraphErrorOptions = {},
): void {
  const known = MESSAGES[code] ?? { message: 'An unknown error occurred', type: 'OAuthException' };
  res.status(status).json({
    error: {
      message: options.message ?? known.message,
      type: known.type,
      code,
      ...(options.subcode !== undefined ? { error_subcode: options.subcode } : {}),
      ...(options.details
        ? { error_data: { messaging_product: 'whatsapp', details: options.details } }
        : {}),
      fbtrace_id: newFbtraceId(),
    },
  });
}
