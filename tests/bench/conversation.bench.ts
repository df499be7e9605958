/**
 * Conversation benchmark (`npm run bench:conversation`): citizens write through the wa-sandbox at
 * a steady rate; each message goes sandbox → signed webhook → gateway → WA_IN → conversation →
 * `notify.wa.send`. Prints p50/p99 from the moment a citizen's message enters the sandbox to the
 * bot's reply command on `notify.wa.send`, at 10, 40 and 80 messages per second, then the highest
 * rate it sustains (a step up while replies keep pace with what is offered and p99 stays under
 * 5 s). Prints figures, asserts nothing.
 *
 * Every service is its own process, as `npm run dev` runs them; NATS and FerretDB from
 * NATS_URL / MONGO_URL (default: the local infrastructure, `npm run infra:up`).
 * BENCH_SECONDS (default 15) per rate. `BENCH_UNTIL=command` (default): the notification service
 * is not started and this process reads the commands off the NOTIFY work queue, so the figures
 * stop at `notify.wa.send`. `BENCH_UNTIL=receipt`: notification runs too and sends every reply to
 * the sandbox; a reply counts when its `notify.wa.result` says `sent`, i.e. once the sandbox (as
 * Meta) has taken it — the whole way to the citizen's phone.
 */
import { performance } from 'node:perf_hooks';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { topology } from '@pandawa/contracts';
import { probeHealth } from '@pandawa/lifecycle';
import { createLogger } from '@pandawa/logging';
import { connectNats, ensureStreams, jetstream, jetstreamManager } from '@pandawa/nats';
import { testDbName, testNamespace, waitFor } from '@pandawa/testing';
import { freePort, startService, type ServiceProcess } from '../support/service-process.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CITIZENS = 400;
const UNTIL = process.env.BENCH_UNTIL === 'receipt' ? 'receipt' : 'command';
const ALWAYS_OPEN = 'sun-sat 00:00-24:00';

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

async function main() {
  const namespace = testNamespace();
  const logger = createLogger({ service: 'bench', level: 'warn' });
  const nc = await connectNats({ url: NATS_URL, name: 'bench-conversation', logger });
  const jsm = await jetstreamManager(nc);
  const t = topology(namespace);
  await ensureStreams(jsm, Object.values(t.streams));
  const js = jetstream(nc);

  const [gatewayPort, sandboxPort, casePort, documentPort, healthPort, notificationPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const common = { NATS_URL, MONGO_URL, NATS_NAMESPACE: namespace, LOG_LEVEL: 'warn' };
  const services: ServiceProcess[] = [
    startService('wa-sandbox', {
      WA_SANDBOX_PORT: String(sandboxPort),
      WA_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${gatewayPort}/webhooks/whatsapp`,
      LOG_LEVEL: 'warn',
    }),
    startService('gateway', {
      ...common,
      MONGO_DB: testDbName(namespace, 'gateway'),
      GATEWAY_PORT: String(gatewayPort),
    }),
    startService('case', {
      ...common,
      MONGO_DB: testDbName(namespace, 'case'),
      CASE_PORT: String(casePort),
      SERVICE_HOURS: ALWAYS_OPEN,
    }),
    startService('document-storage', {
      ...common,
      MONGO_DB: testDbName(namespace, 'document'),
      DOCUMENT_PORT: String(documentPort),
      WHATSAPP_API_URL: sandboxUrl,
    }),
    startService('conversation', {
      ...common,
      MONGO_DB: testDbName(namespace, 'conversation'),
      HEALTH_PORT: String(healthPort),
      CASE_ADDR: `127.0.0.1:${casePort}`,
      DOCUMENT_ADDR: `127.0.0.1:${documentPort}`,
      SERVICE_HOURS: ALWAYS_OPEN,
      CITIZEN_MAX_MESSAGES_PER_MINUTE: '1000',
    }),
    ...(UNTIL === 'receipt'
      ? [
          startService('notification', {
            ...common,
            MONGO_DB: testDbName(namespace, 'notification'),
            HEALTH_PORT: String(notificationPort),
            NOTIFICATION_GRPC_PORT: '0',
            CASE_ADDR: `127.0.0.1:${casePort}`,
            WHATSAPP_API_URL: sandboxUrl,
            // Meta's pair rate limit is for real citizens; 400 bench citizens write often.
            RECIPIENT_BURST: '1000',
          }),
        ]
      : []),
  ];
  for (const [port, kind] of [
    [gatewayPort, 'http'],
    [sandboxPort, 'sandbox'],
    [casePort, 'grpc'],
    [documentPort, 'grpc'],
    [healthPort, 'http'],
    ...(UNTIL === 'receipt' ? ([[notificationPort, 'http']] as const) : []),
  ] as const) {
    await waitFor(
      () =>
        probeHealth(
          kind === 'grpc'
            ? { kind, port }
            : { kind: 'http', port, path: kind === 'sandbox' ? '/healthz' : '/readyz' },
        ),
      180_000,
      `service on ${port}`,
    );
  }

  // When each message entered the sandbox, and when its reply reached notify.wa.send (or, with
  // BENCH_UNTIL=receipt, the sandbox: its notify.wa.result `sent`).
  const sentAt = new Map<string, number>();
  const repliedAt = new Map<string, number>();
  const stream = UNTIL === 'receipt' ? t.streams.NOTIFY_RESULT.name : t.streams.NOTIFY.name;
  await jsm.consumers.add(stream, {
    durable_name: 'bench',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
  });
  const reader = await (await js.consumers.get(stream, 'bench')).consume({ max_messages: 512 });
  /** `<wamid>:1/1` (a reply command's id) → the citizen's wamid it answers. */
  const answered = (commandId: string) => commandId.slice(0, commandId.lastIndexOf(':'));
  void (async () => {
    for await (const m of reader) {
      const { id, data } = m.json<{
        id: string;
        data: { purpose?: string; outcome?: string; commandId?: string };
      }>();
      const wamid =
        UNTIL === 'receipt'
          ? data.purpose === 'conversation.reply' && data.outcome === 'sent' && data.commandId
            ? answered(data.commandId)
            : undefined
          : data.purpose === 'conversation.reply'
            ? answered(id)
            : undefined;
      if (wamid && !repliedAt.has(wamid)) repliedAt.set(wamid, performance.now());
      m.ack();
    }
  })();

  let citizen = 0;
  async function send(): Promise<void> {
    const waId = String(6281400000000 + (citizen++ % CITIZENS));
    const t0 = performance.now();
    const res = await fetch(`${sandboxUrl}/sandbox/citizens/${waId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Info & jam layanan: one reply, no other service involved.
      body: JSON.stringify({ message: { type: 'text', text: '3' } }),
    });
    const { messageId } = (await res.json()) as { messageId: string };
    sentAt.set(messageId, t0);
  }

  // Warm-up: every citizen's first contact (greeting, session created).
  for (let i = 0; i < CITIZENS; i += 20) await Promise.all(Array.from({ length: 20 }, send));
  await waitFor(() => repliedAt.size >= CITIZENS, 300_000, 'warm-up replies');

  async function runAt(rate: number) {
    sentAt.clear();
    repliedAt.clear();
    const total = Math.round(rate * SECONDS);
    const started = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sends.push(send().catch(() => undefined));
    }
    await Promise.all(sends);
    const offeredSeconds = (performance.now() - started) / 1000;
    // Counted by this step's own messages: a later part of an earlier step's reply (a reply of
    // two messages has two results, the second after the first) lands in `repliedAt` after the
    // clear, and a bare size check would stop the wait one reply early.
    const answeredNow = () => [...sentAt.keys()].filter((w) => repliedAt.has(w)).length;
    await waitFor(() => answeredNow() >= sentAt.size, 120_000, 'replies').catch(() => undefined);
    const latencies = [...sentAt]
      .filter(([w]) => repliedAt.has(w))
      .map(([w, t0]) => repliedAt.get(w)! - t0)
      .sort((a, b) => a - b);
    const lastReply = Math.max(...[...sentAt.keys()].map((w) => repliedAt.get(w) ?? -Infinity));
    const handledPerSecond = latencies.length / ((lastReply - started) / 1000);
    return {
      rate,
      sent: sentAt.size,
      answered: latencies.length,
      offeredPerSecond: total / offeredSeconds,
      handledPerSecond,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
    };
  }

  const print = (r: Awaited<ReturnType<typeof runAt>>) =>
    console.log(
      `${String(r.rate).padStart(4)} msg/s offered: ${r.answered}/${r.sent} answered, ` +
        `handled ${r.handledPerSecond.toFixed(1)} msg/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`,
    );
  console.log(
    `conversation: sandbox → ${UNTIL === 'receipt' ? 'notification → the sandbox' : 'notify.wa.send'}, ${SECONDS} s per rate`,
  );
  /** Kept pace: every message answered, at the offered rate, p99 under 5 s. */
  const keptPace = (r: Awaited<ReturnType<typeof runAt>>, rate: number) =>
    r.answered >= r.sent && r.handledPerSecond >= rate * 0.9 && r.p99 <= 5000;
  // The highest step that kept pace; a step that did not ends the climb (0: not even 10/s).
  let sustained = 0;
  let climbing = true;
  for (const rate of [10, 40, 80]) {
    const r = await runAt(rate);
    print(r);
    if (climbing && keptPace(r, rate)) sustained = rate;
    else climbing = false;
  }
  for (const rate of [120, 160, 240, 320, 480]) {
    if (!climbing) break;
    const r = await runAt(rate);
    print(r);
    if (!keptPace(r, rate)) break;
    sustained = rate;
  }
  console.log(
    sustained > 0
      ? `highest sustained rate: ${sustained} msg/s`
      : 'highest sustained rate: below 10 msg/s (no step kept pace)',
  );

  await reader.close();
  for (const s of services) s.child.kill('SIGTERM');
  await Promise.all(services.map((s) => s.exited));
  for (const spec of Object.values(t.streams))
    await jsm.streams.delete(spec.name).catch(() => false);
  await nc.close();
}

await main();
