/**
 * Stable error codes. They are part of the API: clients branch on them, so never rename one.
 * Each maps to one gRPC status and one HTTP status (see the mapping modules).
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'FAILED_PRECONDITION',
  'ABORTED',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'RESOURCE_EXHAUSTED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  /** A finer, stable reason for clients (`CASE_NOT_FOUND`, `NIK_INVALID`, ...). */
  reason?: string;
  /** Safe, non-personal details for the caller. */
  details?: Record<string, unknown>;
  /**
   * What the caller may do instead, safe to show (HTTP bodies carry it as `error.offer`): a reply
   * refused because the 24-hour window is closed offers the template to send.
   */
  offer?: Record<string, unknown>;
  cause?: unknown;
}

/** A domain error with a stable code. Its message must be safe to show to the caller. */
export class AppError extends Error {
  readonly reason: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly offer: Record<string, unknown> | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.reason = options.reason;
    this.details = options.details;
    this.offer = options.offer;
  }

  /** Transient errors are worth retrying; everything else will fail the same way again. */
  get transient(): boolean {
    return (
      this.code === 'UNAVAILABLE' || this.code === 'DEADLINE_EXCEEDED' || this.code === 'ABORTED'
    );
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
