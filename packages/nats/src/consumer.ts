import type {
  ConsumerMessages,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
} from '@nats-io/jetstream';
import type { Envelope } from '@pandawa/contracts';
import { envelopeSchema } from '@pandawa/contracts';
import { Semaphore } from '@pandawa/async';
import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import { extractTraceContext, SpanKind, withSpan } from '@pandawa/telemetry';
import type { z } from 'zod';
import type { DeadLetterRecord } from './dead-letter.js';
import { rankedLanes } from './ranked-lanes.js';
import { EventPublisher } from './publisher.js';
import { ensureConsumer } from './topology.js';

/** Thrown by a handler for a message that will never succeed: it is termed and dead-lettered. */
export class PoisonMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
  }
}

export interface HandlerContext {
  subject: string;
  deliveryCount: number;
  streamSequence: number;
  /** Tells JetStream the handler is still working, pushing the ack deadline back. */
  working(): void;
}

export interface ConsumerOptions<T> {
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  durable: string;
  filterSubjects: string[];
  /** Validates the envelope (with its data); a failing message is poison. */
  schema?: z.ZodType<Envelope<T>>;
  handler: (envelope: Envelope<T>, ctx: HandlerContext) => Promise<void>;
  /** Subject where poison messages are recorded. */
  deadLetterSubject: string;
  logger: Logger;
  /** Messages handled at once (default 4). */
  concurrency?: number;
  /**
   * Messages with the same key are handled one after another, in stream order (one citizen's
   * messages); different keys run side by side.
   */
  orderingKey?: (envelope: Envelope<T>) => string;
  /**
   * With `orderingKey`: among one key's messages that have reached this consumer, the lowest
   * rank runs first (ties in stream order) — e.g. WhatsApp's timestamp, so one citizen's
   * messages are handled in the order sent even when they reached the stream in another.
   */
  orderingRank?: (envelope: Envelope<T>) => number;
  /** With `orderingRank`: an idle key waits this long for earlier-ranked messages (default 0). */
  orderingHoldMs?: number;
  ackWaitMs?: number;
  /** Attempts before a failing message is given up and dead-lettered (default 8). */
  maxDeliver?: number;
  /** Redelivery delay after a transient failure, by attempt number (1-based). */
  retryDelayMs?: (attempt: number) => number;
}

export interface ConsumerHandle {
  /** Stops taking messages and waits for those in flight. */
  stop(): Promise<void>;
  /** False once the consume loop has ended. */
  isRunning(): boolean;
}

const defaultRetryDelay = (attempt: number) =>
  Math.min(60_000, 500 * 2 ** (attempt - 1)) + Math.floor(Math.random() * 250);

function headersOf(msg: JsMsg): Record<string, string> {
  const out: Record<string, string> = {};
  if (msg.headers) for (const [k, v] of msg.headers) out[k] = v.join(',');
  return out;
}

/**
 * A durable JetStream consumer with explicit acks and bounded concurrency:
 * - success → `ack`;
 * - transient failure → `nak(delay)` with growing delays, until `maxDeliver` attempts;
 * - poison (bad JSON, envelope or data that fails validation, `PoisonMessageError`,
 *   `INVALID_ARGUMENT`) or attempts used up → a dead-letter record, then `term`.
 * If even the dead letter cannot be written the message is `nak`ed: it is never dropped.
 */
export async function startConsumer<T>(options: ConsumerOptions<T>): Promise<ConsumerHandle> {
  const {
    js,
    jsm,
    stream,
    durable,
    handler,
    logger,
    concurrency = 4,
    ackWaitMs = 30_000,
    maxDeliver = 8,
    retryDelayMs = defaultRetryDelay,
  } = options;
  const schema = (options.schema ?? envelopeSchema) as z.ZodType<Envelope<T>>;
  const log = logger.child({ stream, consumer: durable });
  const publisher = new EventPublisher(js);

  await ensureConsumer(jsm, {
    stream,
    durable,
    filterSubjects: options.filterSubjects,
    ackWaitMs,
    maxDeliver,
    // Also what a ranked consumer holds at most (ranked-lanes.ts).
    maxAckPending: concurrency * 4,
  });
  const consumer = await js.consumers.get(stream, durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: concurrency * 2 });

  const slots = new Semaphore(concurrency);
  const inFlight = new Set<Promise<void>>();
  const chains = new Map<string, Promise<void>>();

  const ranked = options.orderingRank
    ? rankedLanes<T>({
        messages,
        slots,
        maxHeld: concurrency * 4,
        holdMs: options.orderingHoldMs ?? 0,
        keepAliveMs: Math.max(1000, ackWaitMs / 3),
        handle,
      })
    : undefined;
  let stopping = false;
  let running = true;

  void (async () => {
    for await (const s of messages.status()) {
      if (s.type === 'heartbeats_missed')
        log.warn({ missed: s.count }, 'consumer heartbeats missed');
      else if (s.type === 'consumer_not_found' || s.type === 'stream_not_found') {
        log.error({ status: s.type }, 'consumer lost its stream or consumer');
      }
    }
  })();

  async function deadLetter(msg: JsMsg, reason: string): Promise<void> {
    const record: DeadLetterRecord = {
      stream,
      consumer: durable,
      subject: msg.subject,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      reason,
      failedAt: new Date().toISOString(),
      headers: headersOf(msg),
      payloadBase64: Buffer.from(msg.data).toString('base64'),
    };
    try {
      await publisher.publishRaw(
        options.deadLetterSubject,
        JSON.stringify(record),
        `${stream}:${durable}:${msg.seq}`,
      );
      msg.term(reason.slice(0, 200));
      log.error(
        { streamSequence: msg.seq, deliveryCount: msg.info.deliveryCount, reason },
        'message dead-lettered',
      );
    } catch (error) {
      log.error(
        { err: error, streamSequence: msg.seq },
        'dead letter not written; message kept for redelivery',
      );
      msg.nak(retryDelayMs(msg.info.deliveryCount));
    }
  }

  async function handle(msg: JsMsg, envelope: Envelope<T>): Promise<void> {
    const attempt = msg.info.deliveryCount;
    const keepAlive = setInterval(() => msg.working(), Math.max(1000, ackWaitMs / 3));
    try {
      await withSpan(
        `process ${envelope.type}`,
        {
          kind: SpanKind.CONSUMER,
          parent: extractTraceContext(msg.headers),
          attributes: {
            'messaging.system': 'nats',
            'messaging.destination.name': msg.subject,
            'messaging.consumer.group.name': durable,
            'messaging.message.id': envelope.id,
          },
        },
        () =>
          handler(envelope, {
            subject: msg.subject,
            deliveryCount: attempt,
            streamSequence: msg.seq,
            working: () => msg.working(),
          }),
      );
      msg.ack();
    } catch (error) {
      const poison =
        error instanceof PoisonMessageError ||
        (error instanceof AppError && error.code === 'INVALID_ARGUMENT');
      if (poison) {
        await deadLetter(msg, `poison: ${error instanceof Error ? error.message : String(error)}`);
      } else if (attempt >= maxDeliver) {
        await deadLetter(
          msg,
          `gave up after ${attempt} attempts: ${error instanceof Error ? error.message : 'error'}`,
        );
      } else {
        const delay = retryDelayMs(attempt);
        log.warn(
          { err: error, streamSequence: msg.seq, attempt, retryInMs: delay },
          'handler failed; will retry',
        );
        msg.nak(delay);
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  function parse(msg: JsMsg): Envelope<T> | string {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(msg.data));
    } catch {
      return 'payload is not JSON';
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      return `envelope failed validation: ${result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'} ${i.message}`)
        .join('; ')}`;
    }
    return result.data;
  }

  function track(task: Promise<void>): void {
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }

  const loop = (async () => {
    try {
      for await (const msg of messages) {
        if (stopping) {
          // Hand it straight back so another instance (or our next start) takes it.
          msg.nak();
          continue;
        }
        if (ranked && options.orderingKey) {
          // Held in the key's lane without a slot; a slot is taken when it runs.
          const parsed = parse(msg);
          if (typeof parsed === 'string') track(deadLetter(msg, parsed));
          else {
            const rank = options.orderingRank!(parsed);
            track(ranked.push(msg, options.orderingKey(parsed), rank, parsed));
          }
          continue;
        }
        await slots.acquire();
        const parsed = parse(msg);
        if (typeof parsed === 'string') {
          track(deadLetter(msg, parsed).finally(() => slots.release()));
          continue;
        }
        const key = options.orderingKey?.(parsed);
        if (key === undefined) {
          track(handle(msg, parsed).finally(() => slots.release()));
          continue;
        }
        const previous = chains.get(key) ?? Promise.resolve();
        const next = previous.then(() => handle(msg, parsed)).finally(() => slots.release());
        chains.set(key, next);
        void next.finally(() => {
          if (chains.get(key) === next) chains.delete(key);
        });
        track(next);
      }
    } catch (error) {
      log.error({ err: error }, 'consume loop failed');
    } finally {
      running = false;
    }
  })();

  return {
    isRunning: () => running,
    async stop() {
      stopping = true;
      await messages.close();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
