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
  /** The service's own database; a service without one (the gateway, for now) leaves it out. */
  mongo?: { url: string; dbName: string };
  /** Streams this service publishes to or consumes from; declared idempotently at start. */
  streams: (t: Topology) => StreamSpec[];
}

/** What every service connects to: NATS JetStream, with its streams declared. */
export interface NatsBackbone {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  publisher: EventPublisher;
  natsHealthy(): boolean;
  /** The tail of the shutdown order: drain NATS → close Mongo (if any) → flush telemetry. */
  closingSteps(): ShutdownStep[];
}

/** NATS JetStream and the service's own database. */
export interface Backbone extends NatsBackbone {
  mongo: Connection;
  mongoHealthy(): Promise<boolean>;
}

export function connectBackbone(
  options: BackboneOptions & { mongo: NonNullable<BackboneOptions['mongo']> },
): Promise<Backbone>;
export function connectBackbone(
  options: BackboneOptions & { mongo?: undefined },
): Promise<NatsBackbone>;
export async function connectBackbone(options: BackboneOptions): Promise<NatsBackbone | Backbone> {
  const { logger } = options;
  const t = topology(options.nats.namespace);
  const nc = await connectNats({ url: options.nats.url, name: options.service, logger });
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, options.streams(t), options.nats.replicas ?? 1);
  const js = jetstream(nc);
  const mongo = options.mongo
    ? await connectMongo({ url: options.mongo.url, dbName: options.mongo.dbName, logger })
    : undefined;
  let natsUp = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') natsUp = false;
      else if (s.type === 'reconnect') natsUp = true;
    }
  })();
  const bus: NatsBackbone = {
    nc,
    js,
    jsm,
    topology: t,
    publisher: new EventPublisher(js),
    natsHealthy: () => natsUp && !nc.isClosed(),
    closingSteps: () => [
      { name: 'drain NATS', run: () => nc.drain() },
      ...(mongo ? [{ name: 'close MongoDB', run: () => closeMongo(mongo) }] : []),
      { name: 'flush telemetry', run: () => shutdownTelemetry() },
    ],
  };
  if (!mongo) return bus;
  return { ...bus, mongo, mongoHealthy: () => isMongoHealthy(mongo) };
}
