import { Metadata, status } from '@grpc/grpc-js';
import { AppError, ERROR_CODES, type ErrorCode } from './app-error.js';

const TO_GRPC: Record<ErrorCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  ABORTED: status.ABORTED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  PAYLOAD_TOO_LARGE: status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  INTERNAL: status.INTERNAL,
};

const FROM_GRPC: Partial<Record<status, ErrorCode>> = {
  [status.INVALID_ARGUMENT]: 'INVALID_ARGUMENT',
  [status.OUT_OF_RANGE]: 'INVALID_ARGUMENT',
  [status.NOT_FOUND]: 'NOT_FOUND',
  [status.ALREADY_EXISTS]: 'ALREADY_EXISTS',
  [status.FAILED_PRECONDITION]: 'FAILED_PRECONDITION',
  [status.ABORTED]: 'ABORTED',
  [status.PERMISSION_DENIED]: 'PERMISSION_DENIED',
  [status.UNAUTHENTICATED]: 'UNAUTHENTICATED',
  [status.RESOURCE_EXHAUSTED]: 'RESOURCE_EXHAUSTED',
  [status.UNAVAILABLE]: 'UNAVAILABLE',
  [status.DEADLINE_EXCEEDED]: 'DEADLINE_EXCEEDED',
  [status.CANCELLED]: 'UNAVAILABLE',
};

const CODE_KEY = 'pandawa-error-code';
const REASON_KEY = 'pandawa-error-reason';

/** What a gRPC handler passes to its callback: a real status code, a safe message, metadata. */
export function toGrpcStatus(error: unknown): {
  code: status;
  details: string;
  metadata: Metadata;
} {
  const metadata = new Metadata();
  if (error instanceof AppError) {
    metadata.set(CODE_KEY, error.code);
    if (error.reason) metadata.set(REASON_KEY, error.reason);
    return { code: TO_GRPC[error.code], details: error.message, metadata };
  }
  // Unknown errors never leak their message: it may hold personal data or internals.
  return { code: status.INTERNAL, details: 'internal error', metadata };
}

export interface GrpcErrorLike {
  code?: number;
  details?: string;
  message?: string;
  metadata?: Metadata;
}

/** Turns an error from a gRPC call back into an AppError with the server's code and reason. */
export function fromGrpcError(error: GrpcErrorLike): AppError {
  const sentCode = error.metadata?.get(CODE_KEY)[0]?.toString();
  const reason = error.metadata?.get(REASON_KEY)[0]?.toString();
  const code: ErrorCode =
    sentCode && (ERROR_CODES as readonly string[]).includes(sentCode)
      ? (sentCode as ErrorCode)
      : (FROM_GRPC[error.code as status] ?? 'INTERNAL');
  return new AppError(code, error.details || error.message || 'gRPC call failed', {
    ...(reason ? { reason } : {}),
    cause: error,
  });
}
