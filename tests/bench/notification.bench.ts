/**
 * Outbound benchmark (`npm run bench:notification`): a real notification process sends to an
 * in-process wa-sandbox. Commands are published to NOTIFY from here; the latency of each is from
 * its publish to the sandbox's receipt of the Graph request (the sandbox's record). Prints
 * sustained sends per second and p50/p99, twice: everything published at once (the service runs
 * at its 80/s limit per number; latency includes the queue) and paced at 40/s (no queue).
 *
 * Needs the local infrastructure (`npm run infra:up`); NATS_URL / MONGO_URL override it.
 * Bounded: BENCH_MESSAGES (default 2000) at once, then 600 paced; each phase cut at 120 s.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { notifyWaSend, topology, type Envelope } from '@pandawa/contracts';
import { probeHealth } from '@pandawa/lifecycle';
import { createLogger } from '@pandawa/logging';
import {
  connectNats,
  ensureStreams,
  EventPublisher,
  jetstream,
  jetstreamManager,
} from '@pandawa/nats';
import { testDbName, testNamespace } from '@pandawa/testing';
import { createSandbox } from '@pandawa/wa-sandbox';
import { citizenWrites } from '../support/citizen-writes.js';
import { freePort, startService } from '../support/service-process.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const PACED = 600;
const PACED_PER_SECOND = 40;
const CITIZENS = 200;
const PHASE_LIMIT_MS = 120_000;
const OFFICE = 'pekanbaru';

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

const namespace = testNamespace();
const t = topology(namespace);
const logger = createLogger({ service: 'bench', level: 'warn' });
const nc = await connectNats({ url: NATS_URL, name: 'bench-notification', logger });
const jsm = await jetstreamManager(nc);
await ensureStreams(jsm, Object.values(t.streams));
const publisher = new EventPublisher(jetstream(nc));
const sandbox = await createSandbox({ statusDelaysMs: { delivered: 50, read: undefined } });
const healthPort = await freePort();
const service = startService('notification', {
  NATS_URL,
  MONGO_URL,
  NATS_NAMESPACE: namespace,
  MONGO_DB: testDbName(namespace, 'notification'),
  HEALTH_PORT: String(healthPort),
  // Any free port: its gRPC server is not under test here, and parallel runs must not collide.
  NOTIFICATION_GRPC_PORT: '0',
  WHATSAPP_API_URL: sandbox.url,
  // Pacing per recipient is Meta's rule for real citizens; here 200 citizens get 13 each.
  RECIPIENT_BURST: '1000',
  LOG_LEVEL: 'warn',
});

try {
  const deadline = Date.now() + 60_000;
  while (!(await probeHealth({ kind: 'http', port: healthPort, path: '/readyz' }))) {
    if (Date.now() > deadline)
      throw new Error(`notification did not start\n${service.output.join('')}`);
    await sleep(200);
  }
  const citizens = Array.from({ length: CITIZENS }, (_, i) => `62819${String(i).padStart(8, '0')}`);
  for (const waId of citizens)
    await citizenWrites({ sandbox, publisher, topology: t, officeId: OFFICE }, waId, 'halo');
  await sleep(3000); // the window consumer records them

  const publishedAt = new Map<string, number>();
  let seq = 0;
  const publish = async () => {
    const n = seq++;
    const text = `bench ${n}`;
    const command = notifyWaSend.create({
      id: `bench-${n}`,
      officeId: OFFICE,
      data: {
        to: { phone: citizens[n % CITIZENS]! },
        purpose: 'bench',
        message: { kind: 'text', text },
      },
    });
    publishedAt.set(text, Date.now());
    await publisher.publish(t.subjects.notifySend, command as Envelope);
  };

  async function phase(name: string, total: number, perSecond: number | undefined) {
    sandbox.state.record.clear();
    publishedAt.clear();
    const started = Date.now();
    if (perSecond === undefined) {
      const batch: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        batch.push(publish());
        if (batch.length >= 200) await Promise.all(batch.splice(0));
      }
      await Promise.all(batch);
    } else {
      for (let i = 0; i < total; i++) {
        await publish();
        const due = started + ((i + 1) * 1000) / perSecond;
        if (due > Date.now()) await sleep(due - Date.now());
      }
    }
    while (sandbox.state.record.outbound().length < total && Date.now() - started < PHASE_LIMIT_MS)
      await sleep(100);
    const outbound = sandbox.state.record.outbound();
    const latencies = outbound
      .map(
        (o) =>
          Date.parse(o.at) - (publishedAt.get((o.payload.text as { body: string }).body) ?? NaN),
      )
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const times = outbound.map((o) => Date.parse(o.at)).sort((a, b) => a - b);
    const spanS = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : NaN;
    let worst = 0;
    for (let lo = 0, hi = 0; hi < times.length; hi++) {
      while (times[hi]! - times[lo]! >= 1000) lo++;
      worst = Math.max(worst, hi - lo + 1);
    }
    console.log(
      `${name.padEnd(22)} ${String(outbound.length).padStart(5)}/${total} sent  ` +
        `${(outbound.length / spanS).toFixed(1).padStart(6)} sends/s  ` +
        `p50 ${pct(latencies, 50)} ms  p99 ${pct(latencies, 99)} ms  ` +
        `busiest second ${worst}  130429s ${sandbox.state.record.query({ kind: 'graph.error' }).length}`,
    );
  }

  console.log(`notification → wa-sandbox, ${CITIZENS} citizens, one business number (limit 80/s)`);
  await phase('all at once', MESSAGES, undefined);
  await phase(`paced ${PACED_PER_SECOND}/s`, PACED, PACED_PER_SECOND);
} finally {
  service.child.kill('SIGTERM');
  await service.exited;
  await sandbox.close();
  for (const spec of Object.values(t.streams))
    await jsm.streams.delete(spec.name).catch(() => false);
  await nc.close();
}
