import { testDbName, testLogger, testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongo, IdempotencyStore, isMongoHealthy, type Connection } from '../src/index.js';

let connection: Connection;

beforeAll(async () => {
  connection = await connectMongo({
    url: process.env.MONGO_URL!,
    dbName: testDbName(testNamespace(), 'mongo'),
    logger: testLogger('mongo-test'),
  });
});

afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

describe('MongoDB connection', () => {
  it('is healthy while connected and unhealthy once closed', async () => {
    expect(await isMongoHealthy(connection)).toBe(true);
    const other = await connectMongo({
      url: process.env.MONGO_URL!,
      dbName: 'unused',
      logger: testLogger('mongo-test'),
    });
    await other.close();
    expect(await isMongoHealthy(other)).toBe(false);
  });

  it('gives up, not waits forever, when the server cannot be reached', async () => {
    // The driver's server selection timeout ends the attempt; the error says which it was
    // (no wall-clock bound here: a loaded machine may take longer to report it).
    await expect(
      connectMongo({ url: 'mongodb://127.0.0.1:1', dbName: 'x', logger: testLogger('mongo-test') }),
    ).rejects.toThrow(/ECONNREFUSED|Server selection timed out|connect/i);
  });
});

describe('IdempotencyStore', () => {
  it('remembers a handled message id, and remembering twice is harmless', async () => {
    const store = new IdempotencyStore(connection, 'conversation.wa-in');
    expect(await store.has('wamid.A')).toBe(false);
    await store.remember('wamid.A');
    await store.remember('wamid.A');
    expect(await store.has('wamid.A')).toBe(true);
    expect(await store.has('wamid.B')).toBe(false);
    await Promise.all(Array.from({ length: 8 }, () => store.remember('wamid.C')));
    expect(await store.has('wamid.C')).toBe(true);
    const other = new IdempotencyStore(connection, 'notification.status');
    expect(await other.has('wamid.A')).toBe(false);
  });
});
