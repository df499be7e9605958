import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@pandawa/logging';
import { bindCallContext } from './caller.js';
import type { CallerVerifier } from './caller-proof.js';
import type { HealthCheckRequest__Output } from './generated/grpc/health/v1/HealthCheckRequest.js';
import type {
  HealthCheckResponse,
  _grpc_health_v1_HealthCheckResponse_ServingStatus as Status,
} from './generated/grpc/health/v1/HealthCheckResponse.js';
import { loadHealthPackage, ServingStatus } from './health.js';

export interface GrpcServerOptions {
  /** Where to listen: loopback unless told (services pass BIND_HOST; the manifests say 0.0.0.0). */
  host?: string;
  port: number;
  logger: Logger;
  /** True when the service can do its work (its database answers, ...). */
  isHealthy: () => Promise<boolean>;
  /** How often `Watch` re-evaluates health. */
  watchIntervalMs?: number;
  /**
   * Verifies the caller proof of every call (architecture §4). Without one the server believes
   * nobody: `callerFromMetadata` refuses every call as UNAUTHENTICATED.
   */
  callers?: CallerVerifier;
}

/**
 * The health "service" a liveness probe asks for: SERVING whenever the process answers at all,
 * so an outage of NATS or the database, or a long start-up load, takes an instance out of
 * traffic (readiness, service '') without getting it restarted (liveness) — a restart would
 * only add load to whatever is down.
 */
export const LIVENESS_SERVICE = 'liveness';

/**
 * A gRPC server that always serves `grpc.health.v1.Health`: Kubernetes probes it natively.
 * Health is asked of the service on every Check, so a lost database shows at once; during
 * shutdown every service reports NOT_SERVING.
 */
export class GrpcServer {
  readonly server = new grpc.Server({
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
  });
  private readonly services = new Set<string>(['', LIVENESS_SERVICE]);
  private draining = false;
  private boundPort = 0;

  constructor(private readonly options: GrpcServerOptions) {
    const health = loadHealthPackage().grpc.health.v1.Health.service;
    this.server.addService(health, {
      Check: (
        call: grpc.ServerUnaryCall<HealthCheckRequest__Output, HealthCheckResponse>,
        callback: grpc.sendUnaryData<HealthCheckResponse>,
      ) => {
        const service = call.request.service;
        if (!this.services.has(service)) {
          callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${service}` });
          return;
        }
        this.status(service).then(
          (status) => callback(null, { status }),
          () => callback(null, { status: ServingStatus.NOT_SERVING }),
        );
      },
      Watch: (call: grpc.ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>) => {
        const service = call.request.service;
        let last: Status | undefined;
        const send = async () => {
          const status = this.services.has(service)
            ? await this.status(service)
            : ServingStatus.SERVICE_UNKNOWN;
          if (status !== last) {
            last = status;
            call.write({ status });
          }
        };
        void send();
        const timer = setInterval(() => void send(), options.watchIntervalMs ?? 1000);
        call.on('cancelled', () => clearInterval(timer));
        call.on('close', () => clearInterval(timer));
      },
    });
  }

  private async status(service: string): Promise<Status> {
    if (service === LIVENESS_SERVICE) return ServingStatus.SERVING;
    if (this.draining) return ServingStatus.NOT_SERVING;
    return (await this.options.isHealthy()) ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  /** Registers a service; its full name (`pandawa.case.v1.CaseService`) joins the health map. */
  addService(
    name: string,
    definition: grpc.ServiceDefinition,
    implementation: grpc.UntypedServiceImplementation,
  ): void {
    // Each handler first learns which method it serves, so that `callerFromMetadata` checks the
    // caller proof against it.
    const bound: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(implementation)) {
      const path = definition[method]?.path ?? `/${name}/${method}`;
      bound[method] = ((call: { metadata: grpc.Metadata }, ...rest: unknown[]) => {
        bindCallContext(call.metadata, path, this.options.callers);
        return (handler as (...args: unknown[]) => unknown)(call, ...rest);
      }) as grpc.UntypedHandleCall;
    }
    this.server.addService(definition, bound);
    this.services.add(name);
  }

  async start(): Promise<number> {
    const address = `${this.options.host ?? '127.0.0.1'}:${this.options.port}`;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.options.logger.info(
      { host: this.options.host ?? '127.0.0.1', port: this.boundPort },
      'gRPC server listening',
    );
    return this.boundPort;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Health turns NOT_SERVING so load balancers stop sending new calls. */
  markNotServing(): void {
    this.draining = true;
  }

  /** Lets calls in flight finish; after `timeoutMs` the rest are cancelled. */
  async shutdown(timeoutMs: number): Promise<void> {
    this.markNotServing();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.options.logger.warn('gRPC calls still running at shutdown deadline; cancelling them');
        this.server.forceShutdown();
        resolve();
      }, timeoutMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
