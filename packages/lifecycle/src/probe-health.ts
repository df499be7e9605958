import { callUnary, createClient, loadHealthPackage } from '@pandawa/grpc';

export type HealthTarget =
  { kind: 'http'; port: number; path: string } | { kind: 'grpc'; port: number };

/**
 * Asks a service on this machine whether it is healthy, the way Kubernetes would: an HTTP
 * readiness endpoint, or `grpc.health.v1.Health/Check`. Used by the dev runner and tests.
 */
export async function probeHealth(target: HealthTarget, host = '127.0.0.1'): Promise<boolean> {
  try {
    if (target.kind === 'http') {
      const res = await fetch(`http://${host}:${target.port}${target.path}`, {
        signal: AbortSignal.timeout(1000),
      });
      return res.ok;
    }
    const Health = loadHealthPackage().grpc.health.v1.Health;
    const client = createClient(Health, `${host}:${target.port}`, { maxAttempts: 1 });
    try {
      const res = await callUnary(client, client.check, { service: '' }, { deadlineMs: 1000 });
      return res.status === 'SERVING';
    } finally {
      client.close();
    }
  } catch {
    return false;
  }
}
