export { AppError, isAppError, type ErrorCode } from './app-error.js';
export { toGrpcStatus, fromGrpcError, type GrpcErrorLike } from './grpc-mapping.js';
export { toHttpError, type HttpErrorBody } from './http-mapping.js';
