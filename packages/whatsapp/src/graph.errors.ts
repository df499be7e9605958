import { AppError, type ErrorCode } from '@pandawa/errors';

/**
 * What went wrong, in the terms callers act on. Graph error codes are many; these are the ones
 * PANDAWA branches on (architecture §2, notification) plus a catch-all.
 */
export type WhatsAppErrorKind =
  /** 130429: the phone number's throughput (80 msg/s) is used up. Retry later. */
  | 'throughput_limit'
  /** 131056: too many messages to the same user in a short time. Retry later. */
  | 'pair_rate_limit'
  /** 131047: more than 24 hours since the user last wrote; only a template may be sent. */
  | 'outside_window'
  /** 131026: the message cannot be delivered to this user (no WhatsApp, old app, ...). */
  | 'undeliverable'
  /**
   * 131062: this message may not go to a business-scoped user ID (e.g. authentication
   * templates); only the phone number would do. Permanent: the same send never succeeds.
   */
  | 'bsuid_not_accepted'
  /** 190: the access token expired or is invalid. */
  | 'token_expired'
  /** 100: a parameter is invalid or missing. */
  | 'invalid_parameter'
  /** 404 on media (deleted, expired) or an unknown object. */
  | 'not_found'
  /** HTTP 5xx, a timeout or a broken connection: the same request may succeed later. */
  | 'transient'
  /** A downloaded file is larger than the caller allows. */
  | 'too_large'
  | 'unknown';

export const GRAPH_ERROR_CODES = {
  THROUGHPUT_LIMIT: 130429,
  PAIR_RATE_LIMIT: 131056,
  OUTSIDE_WINDOW: 131047,
  UNDELIVERABLE: 131026,
  BSUID_NOT_ACCEPTED: 131062,
  TOKEN_EXPIRED: 190,
  INVALID_PARAMETER: 100,
} as const;

const KIND_BY_CODE: Record<number, WhatsAppErrorKind> = {
  130429: 'throughput_limit',
  131056: 'pair_rate_limit',
  131047: 'outside_window',
  131026: 'undeliverable',
  131062: 'bsuid_not_accepted',
  190: 'token_expired',
  100: 'invalid_parameter',
};

const APP_CODE_BY_KIND: Record<WhatsAppErrorKind, ErrorCode> = {
  throughput_limit: 'RESOURCE_EXHAUSTED',
  pair_rate_limit: 'RESOURCE_EXHAUSTED',
  outside_window: 'FAILED_PRECONDITION',
  undeliverable: 'FAILED_PRECONDITION',
  bsuid_not_accepted: 'FAILED_PRECONDITION',
  token_expired: 'UNAUTHENTICATED',
  invalid_parameter: 'INVALID_ARGUMENT',
  not_found: 'NOT_FOUND',
  transient: 'UNAVAILABLE',
  too_large: 'PAYLOAD_TOO_LARGE',
  unknown: 'INTERNAL',
};

/** Meta's error body: `{ error: { message, type, code, error_subcode?, fbtrace_id } }`. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: unknown;
  fbtrace_id?: string;
}

export interface WhatsAppApiErrorInit {
  kind: WhatsAppErrorKind;
  httpStatus?: number;
  graph?: GraphErrorBody;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
  operation: string;
  /** For `too_large` media: the type WhatsApp declared, so a refusal can name the right limit. */
  declaredMimeType?: string;
  cause?: unknown;
}

/**
 * A failed Graph API call. `kind` says what to do about it; `transient` says whether the same
 * call may succeed later (rate limits, 5xx, timeouts). The message never holds the recipient's
 * number or the message text.
 */
export class WhatsAppApiError extends AppError {
  readonly kind: WhatsAppErrorKind;
  readonly httpStatus: number | undefined;
  readonly graphCode: number | undefined;
  readonly graphSubcode: number | undefined;
  readonly graphType: string | undefined;
  readonly fbtraceId: string | undefined;
  /** Meta's own words (`error.message`), e.g. for a record people read; never holds the number. */
  readonly graphMessage: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly operation: string;
  readonly declaredMimeType: string | undefined;

  constructor(init: WhatsAppApiErrorInit) {
    const code = init.graph?.code;
    super(
      APP_CODE_BY_KIND[init.kind],
      `WhatsApp ${init.operation} failed: ${init.kind}` +
        (code !== undefined ? ` (Graph code ${code})` : '') +
        (init.httpStatus !== undefined ? ` [HTTP ${init.httpStatus}]` : ''),
      {
        reason: `WHATSAPP_${init.kind.toUpperCase()}`,
        details: { graphCode: code, httpStatus: init.httpStatus },
        cause: init.cause,
      },
    );
    this.name = 'WhatsAppApiError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.graphCode = code;
    this.graphSubcode = init.graph?.error_subcode;
    this.graphType = init.graph?.type;
    this.fbtraceId = init.graph?.fbtrace_id;
    this.graphMessage = init.graph?.message?.slice(0, 512);
    this.retryAfterMs = init.retryAfterMs;
    this.operation = init.operation;
    this.declaredMimeType = init.declaredMimeType?.slice(0, 128);
  }

  /** Never worth retrying as it is (131062 to a BSUID, 131026, a bad parameter). */
  get permanent(): boolean {
    return (
      this.kind === 'bsuid_not_accepted' ||
      this.kind === 'undeliverable' ||
      this.kind === 'invalid_parameter'
    );
  }

  /** Worth retrying later: rate limits, server errors, timeouts, broken connections. */
  override get transient(): boolean {
    return (
      this.kind === 'transient' ||
      this.kind === 'throughput_limit' ||
      this.kind === 'pair_rate_limit'
    );
  }
}

/** Maps an HTTP status and Graph error body to an error kind. */
export function classifyGraphError(httpStatus: number, graph?: GraphErrorBody): WhatsAppErrorKind {
  // Code 100 with subcode 33: "Object with ID ... does not exist" (a media id that is gone).
  if (graph?.code === 100 && graph.error_subcode === 33) return 'not_found';
  if (httpStatus === 404) return 'not_found';
  const byCode = graph?.code !== undefined ? KIND_BY_CODE[graph.code] : undefined;
  if (byCode) return byCode;
  // Graph sends code 4 / 80007 ("application request limit") with HTTP 429 too.
  if (httpStatus === 429) return 'throughput_limit';
  if (httpStatus >= 500) return 'transient';
  if (httpStatus === 401) return 'token_expired';
  if (httpStatus === 400) return 'invalid_parameter';
  return 'unknown';
}

/**
 * A message that breaks one of Meta's limits (too many buttons, a title too long, ...), caught
 * before sending. It will never succeed as it is.
 */
export class WhatsAppLimitError extends AppError {
  constructor(
    readonly field: string,
    readonly limit: number,
    readonly actual: number,
    what: string,
  ) {
    super('INVALID_ARGUMENT', `${field}: ${what} (limit ${limit}, got ${actual})`, {
      reason: 'WHATSAPP_LIMIT_EXCEEDED',
      details: { field, limit, actual },
    });
    this.name = 'WhatsAppLimitError';
  }
}
