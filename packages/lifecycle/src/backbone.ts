import { topology, type StreamSpec, type Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import { closeMongo, connectMongo, isMongoHealthy, type Connection } from '@pandawa/mongo';
import {
  connectNats,
  ensureStreams,
  EventPublisher,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from '@pandawa/nats';
import { shutdownTelemetry } from '@pandawa/telemetry';
import type { ShutdownStep } from './shutdown.js';

export interface BackboneOptions {
  service: string;
  logger: Logger;
  nats: { url: string; namespace: string; replicas?: number };
  mongo: { url: string; dbName: string };
  /** Streams this service publishes to or consumes from; declared idempotently at start. */
  streams: (t: Topology) => StreamSpec[];
}

/** What every service connects to: NATS JetStream (with its streams declared) and its database. */
export interface Backbone {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  publisher: EventPublisher;
  mongo: Connection;
  natsHealthy(): boolean;
  mongoHealthy(): Promise<boolean>;
  /** The tail of the shutdown order: drain NATS → close Mongo → flush telemetry. */
  closingSteps(): ShutdownStep[];
}

export async function connectBackbone(options: BackboneOptions): Promise<Backbone> {
  const { logger } = options;
  const t = topology(options.nats.namespace);
  const nc = await connectNats({ url: options.nats.url, name: options.service, logger });
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, options.streams(t), options.nats.replicas ?? 1);
  const js = jetstream(nc);
  const mongo = await connectMongo({
    url: options.mongo.url,
    dbName: options.mongo.dbName,
    logger,
  });
  let natsUp = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') natsUp = false;
      else if (s.type === 'reconnect') natsUp = true;
    }
  })();
  return {
    nc,
    js,
    jsm,
    topology: t,
    publisher: new EventPublisher(js),
    mongo,
    natsHealthy: () => natsUp && !nc.isClosed(),
    mongoHealthy: () => isMongoHealthy(mongo),
    closingSteps: () => [
      { name: 'drain NATS', run: () => nc.drain() },
      { name: 'close MongoDB', run: () => closeMongo(mongo) },
      { name: 'flush telemetry', run: () => shutdownTelemetry() },
    ],
  };
}
