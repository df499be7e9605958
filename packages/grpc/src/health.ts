import type { ProtoGrpcType } from './generated/health.js';
import { loadProto } from './proto-loader.js';

export const ServingStatus = {
  SERVING: 'SERVING',
  NOT_SERVING: 'NOT_SERVING',
  SERVICE_UNKNOWN: 'SERVICE_UNKNOWN',
} as const;

let cached: ProtoGrpcType | undefined;

export function loadHealthPackage(): ProtoGrpcType {
  cached ??= loadProto<ProtoGrpcType>('grpc/health/v1/health.proto');
  return cached;
}
