import { probeHealth, type HealthTarget } from '@pandawa/lifecycle';
import { connectTestBus, testDbName, testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startService, type ServiceProcess } from '../support/service-process.js';

// Every service starts against the real servers, reports healthy, and on SIGTERM stops in
// order with exit code 0 well within Kubernetes' 30 s grace period (we require 10 s).
const namespace = testNamespace();
const running: ServiceProcess[] = [];

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  // The services declared this namespace's streams (and the gateway its ledger bucket): remove them.
  const bus = await connectTestBus(process.env.NATS_URL!, namespace);
  for await (const name of bus.jsm.streams.names()) {
    if (name.includes(namespace)) await bus.jsm.streams.delete(name).catch(() => false);
  }
  await bus.close();
});

const services: { name: string; portVar: string; health: (port: number) => HealthTarget }[] = [
  { name: 'case', portVar: 'CASE_PORT', health: (port) => ({ kind: 'grpc', port }) },
  {
    name: 'document-storage',
    portVar: 'DOCUMENT_PORT',
    health: (port) => ({ kind: 'grpc', port }),
  },
  {
    name: 'gateway',
    portVar: 'GATEWAY_PORT',
    health: (port) => ({ kind: 'http', port, path: '/readyz' }),
  },
  {
    name: 'conversation',
    portVar: 'HEALTH_PORT',
    health: (port) => ({ kind: 'http', port, path: '/readyz' }),
  },
  {
    name: 'notification',
    portVar: 'HEALTH_PORT',
    health: (port) => ({ kind: 'http', port, path: '/readyz' }),
  },
];

describe.each(services)('$name service', ({ name, portVar, health }) => {
  it('starts, reports healthy, and stops on SIGTERM by draining (not by its deadline) with exit code 0', async () => {
    const port = await freePort();
    const service = startService(name, {
      NATS_URL: process.env.NATS_URL!,
      MONGO_URL: process.env.MONGO_URL!,
      NATS_NAMESPACE: namespace,
      MONGO_DB: testDbName(namespace, name),
      [portVar]: String(port),
      // notification's gRPC server: any free port, so parallel test files never collide.
      ...(name === 'notification' ? { NOTIFICATION_GRPC_PORT: '0' } : {}),
    });
    running.push(service);
    await waitFor(() => probeHealth(health(port)), 45_000, `${name} healthy`).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n${service.output.join('')}`);
      },
    );

    service.child.kill('SIGTERM');
    const code = await service.exited;
    expect(code).toBe(0);
    // Every closing step finished: not the shutdown deadline (SHUTDOWN_TIMEOUT_MS) cutting it
    // short, whatever the machine's speed.
    const output = service.output.join('');
    expect(output).toMatch(/"msg":"stopped"/);
    expect(output).not.toMatch(/shutdown overran its deadline|shutdown step failed/);
    expect(await probeHealth(health(port))).toBe(false);
  });
});

describe('a service with bad configuration', () => {
  it('refuses to start, names every bad setting, and exits 1', async () => {
    const service = startService('case', {
      CASE_PORT: 'not-a-port',
      MONGO_URL: 'postgres://nope',
      LOG_LEVEL: 'loud',
    });
    running.push(service);
    expect(await service.exited).toBe(1);
    const output = service.output.join('');
    for (const key of ['CASE_PORT', 'MONGO_URL', 'LOG_LEVEL']) expect(output).toContain(key);
  });
});
