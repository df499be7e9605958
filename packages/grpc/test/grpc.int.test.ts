import { AppError } from '@pandawa/errors';
import { connectMongo, isMongoHealthy, type Connection } from '@pandawa/mongo';
import { TcpProxy, testDbName, testLogger, testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callUnary,
  createClient,
  GrpcServer,
  LIVENESS_SERVICE,
  loadHealthPackage,
  ServingStatus,
} from '../src/index.js';
import type { HealthClient } from '../src/generated/grpc/health/v1/Health.js';

const logger = testLogger('grpc-test');
const Health = loadHealthPackage().grpc.health.v1.Health;

describe('gRPC server and client', () => {
  let proxy: TcpProxy;
  let mongo: Connection;
  let server: GrpcServer;
  let client: HealthClient;
  let slowHealth = 0;

  beforeAll(async () => {
    // The service reaches MongoDB through a proxy that the test can cut.
    proxy = TcpProxy.forUrl(process.env.MONGO_URL!);
    await proxy.start();
    mongo = await connectMongo({
      url: proxy.url(process.env.MONGO_URL!),
      dbName: testDbName(testNamespace(), 'grpc'),
      logger,
    });
    server = new GrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger,
      isHealthy: async () => {
        if (slowHealth) await new Promise((r) => setTimeout(r, slowHealth));
        return isMongoHealthy(mongo, 500);
      },
    });
    const port = await server.start();
    client = createClient(Health, `127.0.0.1:${port}`);
  });

  afterAll(async () => {
    client?.close();
    await server?.shutdown(1000);
    await mongo?.close(true).catch(() => undefined);
    await proxy?.stop();
  });

  it('reports SERVING while MongoDB answers', async () => {
    const res = await callUnary(client, client.check, { service: '' }, { deadlineMs: 3000 });
    expect(res.status).toBe(ServingStatus.SERVING);
  });

  it('fails a call past its deadline with DEADLINE_EXCEEDED', async () => {
    slowHealth = 1000;
    try {
      const call = callUnary(client, client.check, { service: '' }, { deadlineMs: 100 });
      await expect(call).rejects.toBeInstanceOf(AppError);
      await expect(call).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    } finally {
      slowHealth = 0;
    }
  });

  it('answers NOT_FOUND for a service it does not serve', async () => {
    await expect(
      callUnary(client, client.check, { service: 'nope.v1.Nope' }, { deadlineMs: 3000 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reports NOT_SERVING when the MongoDB connection is down, and SERVING again when it is back', async () => {
    await proxy.stop();
    await waitFor(
      async () =>
        (await callUnary(client, client.check, { service: '' }, { deadlineMs: 3000 })).status ===
        ServingStatus.NOT_SERVING,
      15_000,
      'NOT_SERVING',
    );
    // Out of traffic, but alive: the liveness probe must not restart it for an outage.
    const liveness = await callUnary(
      client,
      client.check,
      { service: LIVENESS_SERVICE },
      { deadlineMs: 3000 },
    );
    expect(liveness.status).toBe(ServingStatus.SERVING);
    await proxy.start();
    await waitFor(
      async () =>
        (await callUnary(client, client.check, { service: '' }, { deadlineMs: 3000 })).status ===
        ServingStatus.SERVING,
      20_000,
      'SERVING again',
    );
  });

  it('reports NOT_SERVING once shutdown has begun', async () => {
    const other = new GrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger,
      isHealthy: async () => true,
    });
    const port = await other.start();
    const c = createClient(Health, `127.0.0.1:${port}`);
    other.markNotServing();
    const res = await callUnary(c, c.check, { service: '' }, { deadlineMs: 3000 });
    expect(res.status).toBe(ServingStatus.NOT_SERVING);
    c.close();
    await other.shutdown(1000);
  });
});
