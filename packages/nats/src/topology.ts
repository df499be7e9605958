import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { StreamSpec } from '@pandawa/contracts';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

function streamConfig(
  spec: StreamSpec,
  replicas: number,
): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    retention: spec.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(spec.maxAgeMs),
    duplicate_window: nanos(spec.duplicateWindowMs),
    num_replicas: replicas,
  };
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/**
 * Declares streams at start-up. Idempotent: a missing stream is created, an existing one is
 * brought to the declared configuration, so every service can call this for the streams it
 * touches without coordinating with the others.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  specs: StreamSpec[],
  replicas = 1,
): Promise<void> {
  for (const spec of specs) {
    const config = streamConfig(spec, replicas);
    try {
      await jsm.streams.info(spec.name);
      await jsm.streams.update(spec.name, config);
    } catch (error) {
      if (!isApiError(error, STREAM_NOT_FOUND)) throw error;
      try {
        await jsm.streams.add(config);
      } catch (addError) {
        // Another instance created it between our info and add: fine if it now exists.
        await jsm.streams.info(spec.name).catch(() => {
          throw addError;
        });
      }
    }
  }
}

export interface ConsumerSpec {
  stream: string;
  durable: string;
  filterSubjects: string[];
  ackWaitMs: number;
  maxDeliver: number;
  maxAckPending: number;
}

/** Declares a durable pull consumer with explicit acks; idempotent like `ensureStreams`. */
export async function ensureConsumer(jsm: JetStreamManager, spec: ConsumerSpec): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(spec.ackWaitMs),
    // We term and dead-letter ourselves at the last attempt; one spare delivery covers a crash
    // between the last failure and the term.
    max_deliver: spec.maxDeliver + 1,
    max_ack_pending: spec.maxAckPending,
    ...(spec.filterSubjects.length === 1
      ? { filter_subject: spec.filterSubjects[0] }
      : { filter_subjects: spec.filterSubjects }),
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    await jsm.consumers.update(spec.stream, spec.durable, config);
  } catch (error) {
    if (!isApiError(error, CONSUMER_NOT_FOUND)) throw error;
    await jsm.consumers.add(spec.stream, config);
  }
}
