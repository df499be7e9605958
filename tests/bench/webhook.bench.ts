/**
 * Webhook ingestion benchmark (`npm run bench:webhook`): signed webhooks driven at a real
 * gateway process from this process, over loopback, next to bare JetStream publishes from the
 * same machine. Prints sustained messages per second and p50/p99 acknowledgement latency.
 *
 * Needs the local infrastructure (`npm run infra:up`); NATS_URL / MONGO_URL override it.
 * Bounded: BENCH_MESSAGES (default 3000) per run, each run cut at 60 s.
 */
import { performance } from 'node:perf_hooks';
import { topology } from '@pandawa/contracts';
import { createLogger } from '@pandawa/logging';
import { connectNats, ensureStreams, jetstream, jetstreamManager } from '@pandawa/nats';
import { testNamespace, testDbName } from '@pandawa/testing';
import { signWebhookBody } from '@pandawa/whatsapp';
import { fixtureWamid, webhookPayload } from '@pandawa/whatsapp/testing';
import { freePort, startService } from '../support/service-process.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const RUN_LIMIT_MS = 60_000;
const APP_SECRET = 'bench-secret';

interface Figures {
  name: string;
  concurrency: number;
  done: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** Runs `op(i)` for i < total with `concurrency` in flight; times each call. */
async function drive(
  name: string,
  total: number,
  concurrency: number,
  op: (i: number) => Promise<boolean>,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const deadline = Date.now() + RUN_LIMIT_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && Date.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i).catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    concurrency,
    done: latencies.length,
    failed,
    perSecond: latencies.length / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
  };
}

function print(rows: Figures[]): void {
  console.log('');
  console.log(
    `${'scenario'.padEnd(48)} ${'conc'.padStart(4)} ${'ok'.padStart(6)} ${'fail'.padStart(5)} ${'msg/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(48)} ${String(r.concurrency).padStart(4)} ${String(r.done).padStart(6)} ${String(r.failed).padStart(5)} ${r.perSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`,
    );
  }
}

/** One signed webhook carrying one text message from one of 50 citizens. */
function signedWebhook(i: number): { body: Buffer; signature: string } {
  const from = `6281200${String(i % 50).padStart(6, '0')}`;
  const body = Buffer.from(
    JSON.stringify(
      webhookPayload({
        messages: [
          {
            from,
            id: fixtureWamid(),
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: 'text',
            text: { body: `pesan ${i}` },
          },
        ],
      }),
    ),
  );
  return { body, signature: signWebhookBody(body, APP_SECRET) };
}

async function main(): Promise<void> {
  const logger = createLogger({ service: 'bench', level: 'warn' });
  const ns = testNamespace();
  const t = topology(ns);
  const nc = await connectNats({ url: NATS_URL, name: 'bench', logger });
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, [t.streams.WA_IN]);
  const js = jetstream(nc);
  const rows: Figures[] = [];

  console.log(
    `webhook benchmark: ${MESSAGES} messages per run, namespace ${ns}, node ${process.version}`,
  );

  // Bare JetStream: the floor the gateway is measured against (same payload size, msgID dedup on).
  const sample = signedWebhook(0).body;
  for (const concurrency of [1, 32]) {
    rows.push(
      await drive('bare JetStream publish (ack awaited)', MESSAGES, concurrency, async () => {
        await js.publish(t.subjects.waInMessage, sample, { msgID: fixtureWamid() });
        return true;
      }),
    );
  }

  for (const ledger of [true, false]) {
    const label = ledger ? 'gateway (with delivery ledger)' : 'gateway (ledger off)';
    const stored = await benchGateway(
      label,
      ns,
      { WEBHOOK_LEDGER_ENABLED: String(ledger) },
      rows,
      async () => (await jsm.streams.info(t.streams.WA_IN.name)).state.messages,
    );
    console.log(
      `${label}: ${stored.stored} WA_IN events stored for ${stored.posted} webhooks posted`,
    );
  }
  print(rows);
  await jsm.streams.delete(t.streams.WA_IN.name).catch(() => false);
  // The gateway's delivery ledger (a KV bucket), named by services/gateway's KvDeliveryLedger.
  await jsm.streams.delete(`KV_${ns}_wa_in_ledger`).catch(() => false);
  await nc.close();
}

/** Starts a gateway process, drives webhooks at it (1, then 32 in flight), stops it. */
async function benchGateway(
  label: string,
  ns: string,
  env: Record<string, string>,
  rows: Figures[],
  streamCount: () => Promise<number>,
): Promise<{ stored: number; posted: number }> {
  const port = await freePort();
  const gateway = startService('gateway', {
    GATEWAY_PORT: String(port),
    NATS_URL,
    NATS_NAMESPACE: ns,
    MONGO_URL,
    MONGO_DB: testDbName(ns, 'gateway'),
    WHATSAPP_APP_SECRET: APP_SECRET,
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const readyBy = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > readyBy || gateway.child.exitCode !== null) {
        throw new Error(`gateway did not become ready:\n${gateway.output.join('')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const before = await streamCount();
    // Bodies are built and signed up front so that the figures are the gateway's, not ours.
    const bodies = Array.from({ length: MESSAGES }, (_, i) => signedWebhook(i));
    const post = async (i: number) => {
      const { body, signature } = bodies[i]!;
      const res = await fetch(`${base}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      });
      await res.arrayBuffer();
      return res.status === 200;
    };
    // Warm-up: JIT, connections.
    const warm = Math.min(200, MESSAGES);
    await drive('warm-up', warm, 8, (i) => post(i));
    const third = Math.floor((MESSAGES - warm) / 3);
    rows.push(await drive(`${label} → 200`, third, 1, (i) => post(warm + i)));
    rows.push(
      await drive(`${label} → 200`, MESSAGES - warm - third, 32, (i) => post(warm + third + i)),
    );
    return { stored: (await streamCount()) - before, posted: MESSAGES };
  } finally {
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  }
}

await main();
