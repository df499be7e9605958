import * as grpc from '@grpc/grpc-js';
import { fromGrpcError } from '@pandawa/errors';
import { callerProofInterceptor } from './caller.js';
import type { CallerSigner } from './caller-proof.js';

export interface ClientOptions {
  /** Attempts for a call that fails with UNAVAILABLE (the only status retried). */
  maxAttempts?: number;
  /**
   * Signs the caller proof of every call that names a caller (`callerMetadata`); falls back to
   * the process's signer (`useCallerSigner`). Without either, such calls are refused as
   * UNAUTHENTICATED by the server.
   */
  signer?: CallerSigner;
}

let processSigner: CallerSigner | undefined;

/**
 * Sets the signer of every client this process creates without one of its own: a calling
 * service sets it once at start from its CALLER_SIGNING_KEY.
 */
export function useCallerSigner(signer: CallerSigner | undefined): void {
  processSigner = signer;
}

// Retries only UNAVAILABLE: the call never reached a server that could act on it. Anything
// else may have had an effect, so it is the caller's decision.
function serviceConfig(maxAttempts: number): string {
  return JSON.stringify({
    methodConfig: [
      {
        name: [{}],
        retryPolicy: {
          maxAttempts,
          initialBackoff: '0.1s',
          maxBackoff: '2s',
          backoffMultiplier: 2,
          retryableStatusCodes: ['UNAVAILABLE'],
        },
      },
    ],
  });
}

type ClientConstructor<C> = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: grpc.ClientOptions,
) => C;

export function createClient<C extends grpc.Client>(
  Ctor: ClientConstructor<C>,
  address: string,
  options: ClientOptions = {},
): C {
  const maxAttempts = options.maxAttempts ?? 4;
  const signer = options.signer ?? processSigner;
  return new Ctor(address, grpc.credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    ...(signer ? { interceptors: [callerProofInterceptor(signer)] } : {}),
    // A retry policy needs at least two attempts to be valid.
    ...(maxAttempts >= 2
      ? { 'grpc.enable_retries': 1, 'grpc.service_config': serviceConfig(maxAttempts) }
      : { 'grpc.enable_retries': 0 }),
  });
}

export interface CallOpts {
  /** Every call has a deadline. */
  deadlineMs: number;
  metadata?: grpc.Metadata;
}

/** The shortest overload of a generated unary method: it carries the request and response types. */
export type UnaryMethod<Req, Res> = (
  request: Req,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

/**
 * Calls a unary method with a deadline and turns a failure into an AppError with the server's
 * code: `await callUnary(client, client.getCase, { id }, { deadlineMs: 2000 })`.
 */
export function callUnary<Req, Res>(
  client: grpc.Client,
  method: UnaryMethod<Req, Res>,
  request: Req,
  opts: CallOpts,
): Promise<Res> {
  const full = method as unknown as (
    request: Req,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<Res>,
  ) => grpc.ClientUnaryCall;
  return new Promise<Res>((resolve, reject) => {
    full.call(
      client,
      request,
      opts.metadata ?? new grpc.Metadata(),
      { deadline: Date.now() + opts.deadlineMs },
      (error, response) => {
        if (error) reject(fromGrpcError(error));
        else resolve(response as Res);
      },
    );
  });
}
