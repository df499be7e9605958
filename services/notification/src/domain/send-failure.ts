/**
 * What to do about a failed send (architecture §3, notification). Pure: the caller passes what
 * it knows of the error (packages/whatsapp's WhatsAppApiError, reduced to these fields).
 */
export interface FailureFacts {
  /** Meta's Graph error code, when the answer carried one. */
  graphCode?: number | undefined;
  httpStatus?: number | undefined;
  /** packages/whatsapp's reading: rate limits, 5xx, timeouts, broken connections. */
  transient: boolean;
  /** Meta's own words for the error. */
  title?: string | undefined;
  retryAfterMs?: number | undefined;
}

export type FailureAction =
  /** Worth trying again after a delay. */
  | { kind: 'retry'; code: number | undefined; title: string }
  /** Will never succeed as it is: recorded with Meta's code and title, an alert raised. */
  | { kind: 'permanent'; code: number | undefined; title: string }
  /** 190: the token is bad. Everything for this number waits until it is fixed. */
  | { kind: 'pause'; code: number; title: string }
  /** 131047: the window closed under us; send the fallback template instead, if there is one. */
  | { kind: 'window_closed'; code: number; title: string }
  /** Meta answered 2xx but we could not read the answer: it may have been sent. */
  | { kind: 'unknown'; code: number | undefined; title: string };

/** Graph codes that are never retried (the list, and Meta's docs for each). */
export const PERMANENT_CODES: Readonly<Record<number, string>> = {
  100: 'Invalid parameter',
  131026: 'Message undeliverable',
  131049: 'Meta chose not to deliver this message (healthy ecosystem engagement)',
  131062: 'This message cannot be sent to a business-scoped user ID',
  131051: 'Unsupported message type',
  131052: 'Media download error',
  131053: 'Media upload error',
  132000: 'Template parameter count mismatch',
  132001: 'Template does not exist',
  132012: 'Template parameter format mismatch',
};
/** Retried with backoff: throughput (130429), pair rate limit (131056), Meta's temporary errors. */
export const RETRYABLE_CODES: Readonly<Record<number, string>> = {
  1: 'An unknown error occurred',
  2: 'Service temporarily unavailable',
  4: 'Application request limit reached',
  80007: 'Rate limit issues',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131016: 'Service unavailable',
  131056: 'Pair rate limit hit',
  133004: 'Server temporarily unavailable',
};
export const TOKEN_EXPIRED = 190;
export const OUTSIDE_WINDOW = 131047;

export function classifyFailure(f: FailureFacts): FailureAction {
  const code = f.graphCode;
  const title = (code !== undefined && f.title) || titleFor(f);
  if (code === TOKEN_EXPIRED || (code === undefined && f.httpStatus === 401))
    return { kind: 'pause', code: TOKEN_EXPIRED, title };
  if (code === OUTSIDE_WINDOW) return { kind: 'window_closed', code, title };
  if (code !== undefined && code in PERMANENT_CODES) return { kind: 'permanent', code, title };
  if (code !== undefined && code in RETRYABLE_CODES) return { kind: 'retry', code, title };
  if (f.httpStatus !== undefined && f.httpStatus >= 200 && f.httpStatus < 300)
    return { kind: 'unknown', code, title };
  if (f.transient || f.httpStatus === undefined || f.httpStatus >= 500 || f.httpStatus === 429)
    return { kind: 'retry', code, title };
  return { kind: 'permanent', code, title };
}

function titleFor(f: FailureFacts): string {
  if (f.graphCode !== undefined)
    return (
      PERMANENT_CODES[f.graphCode] ??
      RETRYABLE_CODES[f.graphCode] ??
      (f.graphCode === TOKEN_EXPIRED ? 'Access token expired or invalid' : undefined) ??
      (f.graphCode === OUTSIDE_WINDOW ? 'Re-engagement message' : undefined) ??
      f.title ??
      `Graph error ${f.graphCode}`
    );
  if (f.httpStatus === undefined) return 'network error';
  return f.title ?? `HTTP ${f.httpStatus}`;
}

/**
 * Exponential backoff with jitter: attempt n waits between half and all of base·2^(n-1), capped;
 * never less than what Meta asked for in Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  policy: { baseMs: number; maxMs: number },
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, Math.min(policy.maxMs, retryAfterMs ?? 0));
}
