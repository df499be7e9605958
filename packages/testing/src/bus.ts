import { topology, type Topology } from '@pandawa/contracts';
import {
  connectNats,
  ensureStreams,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from '@pandawa/nats';
import { testLogger } from './test-logger.js';

export interface TestBus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  /** Deletes this namespace's streams and KV buckets and closes the connection. */
  close(): Promise<void>;
}

/** A NATS connection with every stream of architecture §3 declared under the test's namespace. */
export async function connectTestBus(url: string, namespace: string): Promise<TestBus> {
  const nc = await connectNats({ url, name: `test-${namespace}`, logger: testLogger('test-bus') });
  const jsm = await jetstreamManager(nc);
  const t = topology(namespace);
  await ensureStreams(jsm, Object.values(t.streams));
  return {
    nc,
    js: jetstream(nc),
    jsm,
    topology: t,
    async close() {
      for (const spec of Object.values(t.streams))
        await jsm.streams.delete(spec.name).catch(() => false);
      // A KV bucket is the stream `KV_<bucket>`; those nobody opened are simply not there.
      for (const bucket of Object.values(t.buckets))
        await jsm.streams.delete(`KV_${bucket}`).catch(() => false);
      await nc.close();
    },
  };
}
