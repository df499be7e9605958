export { loadProto, PROTO_ROOT } from './proto-loader.js';
export { GrpcServer, LIVENESS_SERVICE, type GrpcServerOptions } from './server.js';
export { unaryHandler } from './handlers.js';
export {
  createClient,
  callUnary,
  useCallerSigner,
  type ClientOptions,
  type CallOpts,
  type UnaryMethod,
} from './client.js';
export { loadHealthPackage, ServingStatus } from './health.js';
export {
  CALLER_METADATA,
  callerFromMetadata,
  callerInOwnOffice,
  callerMetadata,
} from './caller.js';
export { withCallSpan } from './spans.js';
export {
  checkRequestBounds,
  requestFieldNames,
  ENGLISH_BOUND_MESSAGES,
  type BoundMessages,
  type FieldBound,
  type FieldBounds,
} from './request-bounds.js';
export {
  CALLER_PROOF_KEY,
  CallerSigner,
  CallerVerifier,
  callerCredential,
  signCallerProof,
  type CallerCredential,
} from './caller-proof.js';
export type {
  MethodName,
  HandlerRequest,
  HandlerResponse,
  ClientRequest,
  ClientResponse,
} from './method-types.js';
export type { ProtoGrpcType as HealthProto } from './generated/health.js';
export type { ProtoGrpcType as CaseProto } from './generated/case.js';
export type { ProtoGrpcType as DocumentProto } from './generated/document.js';
export type { ProtoGrpcType as NotificationProto } from './generated/notification.js';
export * as grpc from '@grpc/grpc-js';
