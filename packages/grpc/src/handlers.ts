import type * as grpc from '@grpc/grpc-js';
import { toGrpcStatus } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';

/**
 * Adapts an async function to a gRPC unary handler: a thrown AppError becomes its real gRPC
 * status; anything else becomes INTERNAL and is logged (with the method, never the request).
 */
export function unaryHandler<Req, Res>(
  method: string,
  logger: Logger,
  fn: (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    // Through a promise even when `fn` throws before its first await: such a throw (a bad
    // caller in metadata, say) must reach the caller as its real status too, not escape to
    // grpc-js as an unknown error.
    Promise.resolve()
      .then(() => fn(call.request, call))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          const status = toGrpcStatus(error);
          if (status.details === 'internal error')
            logger.error({ err: error, method }, 'gRPC handler failed');
          callback({ code: status.code, details: status.details, metadata: status.metadata });
        },
      );
  };
}
