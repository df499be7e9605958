import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** `protos/` at the repository root: the only copy of every .proto (architecture §4). */
export const PROTO_ROOT = fileURLToPath(new URL('../../../protos', import.meta.url));

/**
 * Loads a proto by its path under `protos/`. The options must match those of
 * scripts/gen-proto-types.sh, which generated the types this returns.
 */
export function loadProto<T>(file: string): T {
  const definition = protoLoader.loadSync(file, {
    includeDirs: [PROTO_ROOT],
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition) as unknown as T;
}
