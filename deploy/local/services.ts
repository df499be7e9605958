/** What `npm run dev` starts, and how it knows each one is healthy. Ports are the defaults. */
import type { HealthTarget } from '@pandawa/lifecycle';

export interface LocalService {
  name: string;
  health: HealthTarget;
  describe: string;
  env?: Record<string, string>;
}

export const localServices: LocalService[] = [
  { name: 'case', health: { kind: 'grpc', port: 50051 }, describe: 'gRPC :50051' },
  { name: 'document-storage', health: { kind: 'grpc', port: 50052 }, describe: 'gRPC :50052' },
  {
    name: 'conversation',
    health: { kind: 'http', port: 8081, path: '/readyz' },
    describe: 'health :8081',
  },
  {
    name: 'notification',
    health: { kind: 'http', port: 8082, path: '/readyz' },
    describe: 'health :8082',
  },
  {
    name: 'gateway',
    health: { kind: 'http', port: 8080, path: '/readyz' },
    describe: 'http://127.0.0.1:8080',
  },
  {
    name: 'wa-sandbox',
    health: { kind: 'http', port: 8090, path: '/healthz' },
    describe: 'http://127.0.0.1:8090',
  },
];
