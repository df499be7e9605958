import { connectNats } from '@pandawa/nats';
import { connectTestBus, testLogger, testNamespace, type TestBus } from '@pandawa/testing';
import {
  FIXTURE_CITIZEN,
  fixtureBsuid,
  sampleMessages,
  webhookPayload,
} from '@pandawa/whatsapp/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook, readStream, startGateway } from './webhook.harness.js';

// Signed webhooks as a hostile or broken sender would shape them (issue 10): fixed seed, bounded
// runs. With the bus up, a signed body is never a 5xx, a good message beside a bad one in the same
// change is stored all the same, and the gateway keeps serving.
const SEED = 20261201;

let bus: TestBus;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let nc: Awaited<ReturnType<typeof connectNats>>;
let seen = 0;

async function newEvents() {
  const all = await readStream(bus.jsm, bus.topology.streams.WA_IN.name);
  const fresh = all.filter((e) => e.seq > seen);
  seen = all.at(-1)?.seq ?? seen;
  return fresh;
}

/** Values no field should have: huge, control characters, operators, wrong types. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant('x'.repeat(200_000)),
  fc.constantFrom('$where', '\u0000', '', ' ', '99999999999999999', '-1', 'NaN', '1e400'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('$gt', '$ne', '__proto__', 'a.b', 'body'), fc.string(), {
    maxKeys: 3,
  }),
);

const MESSAGE_FIELDS = ['from', 'from_user_id', 'id', 'timestamp', 'type', 'text'] as const;

function set(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

beforeAll(async () => {
  bus = await connectTestBus(process.env.NATS_URL!, testNamespace());
  nc = await connectNats({ url: process.env.NATS_URL!, name: 'gw-fuzz', logger: testLogger('gw') });
  gateway = await startGateway(nc, bus);
  await newEvents();
});
afterAll(async () => {
  await gateway.close();
  await nc.close();
  await bus.close();
});

describe('signed webhook fuzzing', () => {
  it('stores the good message of a change whatever its neighbour holds, and never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MESSAGE_FIELDS), hostile, async (field, value) => {
        const good = sampleMessages(FIXTURE_CITIZEN, fixtureBsuid()).text!;
        const bad = sampleMessages('6281299990000', fixtureBsuid()).text! as Record<
          string,
          unknown
        >;
        bad[field] = value;
        const res = await postWebhook(gateway.url, webhookPayload({ messages: [good, bad] }));
        expect(res.status).toBe(200);
        const stored = await newEvents();
        const goodStored = stored.filter(
          (e) => e.subject === bus.topology.subjects.waInMessage && e.msgID === good.id,
        );
        expect(goodStored).toHaveLength(1);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('answers any mangled body 200 or a 4xx with the error contract, and keeps serving', async () => {
    const paths = [
      ['object'],
      ['entry'],
      ['entry', '0'],
      ['entry', '0', 'changes'],
      ['entry', '0', 'changes', '0', 'field'],
      ['entry', '0', 'changes', '0', 'value'],
      ['entry', '0', 'changes', '0', 'value', 'metadata'],
      ['entry', '0', 'changes', '0', 'value', 'metadata', 'phone_number_id'],
      ['entry', '0', 'changes', '0', 'value', 'contacts'],
      ['entry', '0', 'changes', '0', 'value', 'messages'],
    ];
    const body = fc.oneof(
      fc.tuple(fc.constantFrom(...paths), hostile).map(([path, value]) => {
        const payload = webhookPayload({ messages: [sampleMessages().text!] }) as unknown as Record<
          string,
          unknown
        >;
        set(payload, path, value);
        return JSON.stringify(payload);
      }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const res = await postWebhook(gateway.url, raw);
        expect(res.status, raw.slice(0, 200)).toBeLessThan(500);
        if (res.status !== 200) {
          const json = (await res.json()) as { error?: { code?: string }; requestId?: string };
          expect(json.error?.code).toBeTruthy();
          expect(json.requestId).toBeTruthy();
        } else await res.arrayBuffer();
      }),
      { seed: SEED, numRuns: 120 },
    );
    await newEvents();
    const after = sampleMessages().text!;
    expect((await postWebhook(gateway.url, webhookPayload({ messages: [after] }))).status).toBe(
      200,
    );
    const stored = await newEvents();
    expect(stored.some((e) => e.msgID === after.id)).toBe(true);
  });
});
