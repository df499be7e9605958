import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Envelope } from '@pandawa/contracts';
import { envelopeSchema } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';

export interface FollowerOptions {
  js: JetStreamClient;
  stream: string;
  filterSubjects: string[];
  /** First stream sequence to deliver (see `streamLastSequence`). */
  startSequence: number;
  /**
   * Called for each message, in stream order. A failure is retried (with growing pauses) before
   * the next message, so a view is never left behind by a passing outage of what it reads.
   */
  handler: (envelope: Envelope, streamSequence: number) => Promise<void>;
  logger: Logger;
}

export interface FollowerHandle {
  stop(): Promise<void>;
}

/** The sequence of the newest message in `stream` now (0 when it is empty). */
export async function streamLastSequence(jsm: JetStreamManager, stream: string): Promise<number> {
  const info = await jsm.streams.info(stream);
  return info.state.last_seq;
}

/**
 * Follows a stream with an ordered consumer: every instance sees every message, in order, with
 * no acks and nothing left on the server when it goes (unlike `startConsumer`, whose durable
 * consumer shares the work among instances). For in-memory views that each instance keeps: the
 * view is loaded first, then followed from the sequence that was newest before the load, so
 * nothing written meanwhile is missed (it may be seen twice; handlers must be idempotent).
 * The client re-creates the consumer after a disconnect and resumes after the last message.
 */
export async function followStream(options: FollowerOptions): Promise<FollowerHandle> {
  const { js, stream, handler, logger } = options;
  const log = logger.child({ stream, follower: true });
  const consumer = await js.consumers.get(stream, {
    filter_subjects: options.filterSubjects,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: Math.max(1, options.startSequence),
  });
  const messages = await consumer.consume();
  let stopping = false;
  const handleUntilDone = async (envelope: Envelope, seq: number) => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await handler(envelope, seq);
        return;
      } catch (error) {
        const delayMs = Math.min(5_000, 100 * 2 ** attempt);
        log.warn(
          { err: error, streamSequence: seq, type: envelope.type, attempt, retryInMs: delayMs },
          'follower handler failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  };
  const loop = (async () => {
    for await (const msg of messages) {
      let envelope: Envelope;
      try {
        envelope = envelopeSchema.parse(JSON.parse(new TextDecoder().decode(msg.data)));
      } catch {
        log.warn({ streamSequence: msg.seq }, 'followed message is not an envelope; skipped');
        continue;
      }
      await handleUntilDone(envelope, msg.seq);
    }
  })();
  return {
    async stop() {
      stopping = true;
      await messages.close();
      await loop;
    },
  };
}
