import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { defineEvent, type Envelope } from '@pandawa/contracts';
import { connectTestBus, testLogger, testNamespace, waitFor, type TestBus } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  deadLetterRecordSchema,
  EventPublisher,
  startConsumer,
  type ConsumerHandle,
} from '../src/index.js';

const pingEvent = defineEvent('test.ping', 1, z.object({ n: z.number() }));
const logger = testLogger('nats-test');

let bus: TestBus;
let publisher: EventPublisher;
const consumers: ConsumerHandle[] = [];

beforeAll(async () => {
  bus = await connectTestBus(process.env.NATS_URL!, testNamespace());
  publisher = new EventPublisher(bus.js);
});

afterAll(async () => {
  for (const c of consumers) await c.stop();
  await bus.close();
});

function ping(id: string, n: number): Envelope<{ n: number }> {
  return pingEvent.create({ id, officeId: 'pekanbaru', data: { n } });
}

async function consume(
  durable: string,
  handler: (e: Envelope<{ n: number }>, attempt: number) => Promise<void>,
  extra: {
    concurrency?: number;
    orderingKey?: (e: Envelope<{ n: number }>) => string;
    orderingRank?: (e: Envelope<{ n: number }>) => number;
    orderingHoldMs?: number;
    subject?: string;
  } = {},
) {
  const handle = await startConsumer({
    concurrency: extra.concurrency,
    orderingKey: extra.orderingKey,
    orderingRank: extra.orderingRank,
    orderingHoldMs: extra.orderingHoldMs,
    js: bus.js,
    jsm: bus.jsm,
    stream: bus.topology.streams.WA_IN.name,
    durable,
    filterSubjects: [extra.subject ?? bus.topology.subjects.waInUnhandled],
    schema: pingEvent.schema,
    deadLetterSubject: bus.topology.subjects.deadLetter('WA_IN', durable),
    logger,
    retryDelayMs: () => 100,
    handler: (envelope, ctx) => handler(envelope, ctx.deliveryCount),
  });
  consumers.push(handle);
  return handle;
}

async function deadLetters(durable: string) {
  const stream = bus.topology.streams.DEAD_LETTER.name;
  const info = await bus.jsm.streams.info(stream);
  const out = [];
  for (
    let seq = info.state.first_seq;
    seq <= info.state.last_seq && info.state.messages > 0;
    seq++
  ) {
    const msg = await bus.jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (msg && msg.subject === bus.topology.subjects.deadLetter('WA_IN', durable)) {
      out.push(deadLetterRecordSchema.parse(msg.json()));
    }
  }
  return out;
}

describe('JetStream consumer', () => {
  it('delivers a message again after the handler fails (nak) and acks it on success', async () => {
    const attempts: number[] = [];
    await consume('retry', async (envelope, attempt) => {
      if (envelope.data.n !== 1) return;
      attempts.push(attempt);
      if (attempt < 3) throw new Error('database briefly unavailable');
    });
    await publisher.publish(bus.topology.subjects.waInUnhandled, ping('retry-1', 1));
    await waitFor(() => attempts.length >= 3, 15_000, 'three deliveries');
    expect(attempts).toEqual([1, 2, 3]);
    // Acked after the third attempt: nothing is left pending.
    await waitFor(
      async () =>
        (await bus.jsm.consumers.info(bus.topology.streams.WA_IN.name, 'retry')).num_ack_pending ===
        0,
    );
  });

  it('stores the same msgID published twice only once', async () => {
    const first = await publisher.publish(bus.topology.subjects.waInMessage, ping('wamid.DUP', 2));
    const second = await publisher.publish(bus.topology.subjects.waInMessage, ping('wamid.DUP', 2));
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    const info = await bus.jsm.streams.info(bus.topology.streams.WA_IN.name, {
      subjects_filter: bus.topology.subjects.waInMessage,
    });
    expect(info.state.subjects?.[bus.topology.subjects.waInMessage]).toBe(1);
  });

  it('terms an envelope that fails validation, records a dead letter, and keeps consuming', async () => {
    const handled: number[] = [];
    await consume('poison', async (envelope) => {
      handled.push(envelope.data.n);
    });
    const subject = bus.topology.subjects.waInUnhandled;
    await bus.js.publish(
      subject,
      JSON.stringify({ id: 'bad-1', type: 'test.ping', data: { n: 'not a number' } }),
    );
    await bus.js.publish(subject, 'this is not json');
    await publisher.publish(subject, ping('good-after-poison', 42));

    await waitFor(() => handled.includes(42), 10_000, 'the good message after the poison ones');
    const records = await waitFor(async () => {
      const r = await deadLetters('poison');
      return r.length >= 2 ? r : null;
    });
    expect(records.map((r) => r.reason).join('\n')).toMatch(/envelope failed validation/);
    expect(records.map((r) => r.reason).join('\n')).toMatch(/not JSON/);
    const payloads = records.map((r) => Buffer.from(r.payloadBase64, 'base64').toString());
    expect(payloads).toContain('this is not json');
    // Termed, not pending: nothing will be redelivered.
    await waitFor(
      async () =>
        (await bus.jsm.consumers.info(bus.topology.streams.WA_IN.name, 'poison'))
          .num_ack_pending === 0,
    );
  });

  it('handles one key in publish order while other keys run alongside, never above the concurrency bound', async () => {
    const subject = bus.topology.subjects.waInStatus;
    const seen = new Map<string, number[]>();
    let active = 0;
    let maxActive = 0;
    await consume(
      'ordered',
      async (envelope) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, Math.random() * 20));
        const key = envelope.id.split(':')[0]!;
        seen.set(key, [...(seen.get(key) ?? []), envelope.data.n]);
        active--;
      },
      { concurrency: 3, orderingKey: (e) => e.id.split(':')[0]!, subject },
    );
    const keys = ['citizen-a', 'citizen-b', 'citizen-c', 'citizen-d'];
    for (let n = 0; n < 10; n++) {
      for (const key of keys) await publisher.publish(subject, ping(`${key}:${n}`, n));
    }
    await waitFor(() => keys.every((k) => seen.get(k)?.length === 10), 20_000, 'all 40 messages');
    for (const key of keys) expect(seen.get(key)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxActive).toBeLessThanOrEqual(3);
    expect(maxActive).toBeGreaterThan(1);
  });

  it('with a rank, takes the lowest-ranked of the messages one key has waiting, then stream order', async () => {
    const subject = bus.topology.subjects.waInIdentityChanged;
    // Published before the consumer exists: all of them wait when it starts.
    const ranks = [5, 3, 4, 1, 2, 2];
    for (const [i, n] of ranks.entries()) {
      await publisher.publish(subject, ping(`ranked-a:${i}`, n));
      await publisher.publish(subject, ping(`ranked-b:${i}`, 10 - n));
    }
    const seen = new Map<string, string[]>();
    await consume(
      'ranked',
      async (envelope) => {
        const [key, i] = envelope.id.split(':') as [string, string];
        seen.set(key, [...(seen.get(key) ?? []), `${envelope.data.n}@${i}`]);
      },
      {
        concurrency: 3,
        orderingKey: (e) => e.id.split(':')[0]!,
        orderingRank: (e) => e.data.n,
        subject,
      },
    );
    await waitFor(
      () => seen.get('ranked-a')?.length === 6 && seen.get('ranked-b')?.length === 6,
      20_000,
      'all twelve messages',
    );
    // Equal ranks keep their stream order (2@4 before 2@5).
    expect(seen.get('ranked-a')).toEqual(['1@3', '2@4', '2@5', '3@1', '4@2', '5@0']);
    expect(seen.get('ranked-b')).toEqual(['5@0', '6@2', '7@1', '8@4', '8@5', '9@3']);
  });

  it('with a hold, an idle key waits for an earlier-ranked message published just after', async () => {
    const subject = bus.topology.subjects.waInIdentityChanged;
    const seen: number[] = [];
    await consume(
      'ranked-hold',
      async (envelope) => {
        if (envelope.id.startsWith('held:')) seen.push(envelope.data.n);
      },
      {
        orderingKey: (e) => e.id.split(':')[0]!,
        orderingRank: (e) => e.data.n,
        orderingHoldMs: 3000,
        subject,
      },
    );
    await publisher.publish(subject, ping('held:late', 2));
    await publisher.publish(subject, ping('held:early', 1));
    await waitFor(() => seen.length === 2, 20_000, 'both held messages');
    expect(seen).toEqual([1, 2]);
  });

  it('carries the trace context across the NATS hop: one trace id on both sides', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    trace.setGlobalTracerProvider(provider);
    try {
      let consumerTraceId: string | undefined;
      await consume('traced', async (envelope) => {
        if (envelope.id === 'traced-1')
          consumerTraceId = trace.getActiveSpan()?.spanContext().traceId;
      });
      const tracer = trace.getTracer('test');
      const producerTraceId = await tracer.startActiveSpan('webhook', async (span) => {
        await publisher.publish(bus.topology.subjects.waInUnhandled, ping('traced-1', 7));
        span.end();
        return span.spanContext().traceId;
      });
      await waitFor(() => consumerTraceId, 10_000, 'the consumer span');
      expect(consumerTraceId).toBe(producerTraceId);
      const names = exporter.getFinishedSpans().map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['publish test.ping', 'process test.ping']));
    } finally {
      trace.disable();
      context.disable();
    }
  });
});
