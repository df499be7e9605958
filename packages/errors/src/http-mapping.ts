import { AppError, type ErrorCode } from './app-error.js';

const TO_HTTP: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FAILED_PRECONDITION: 409,
  ABORTED: 409,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  RESOURCE_EXHAUSTED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  INTERNAL: 500,
};

export interface HttpErrorBody {
  /** `offer`: what the caller may do instead (AppError's `offer`), when the error has one. */
  error: { code: string; message: string; reason?: string; offer?: Record<string, unknown> };
  requestId: string;
}

/** `{ error: { code, message }, requestId }` with the matching HTTP status. */
export function toHttpError(
  error: unknown,
  requestId: string,
): { status: number; body: HttpErrorBody } {
  if (error instanceof AppError) {
    return {
      status: TO_HTTP[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.reason ? { reason: error.reason } : {}),
          ...(error.offer ? { offer: error.offer } : {}),
        },
        requestId,
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'internal error' }, requestId },
  };
}
