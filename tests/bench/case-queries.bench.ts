/**
 * Case list-query benchmark (`npm run bench:case`): seeds 1 000, 10 000 and 100 000 cases into
 * one office and times the admin console's main queries over real gRPC against the case
 * service (in this process) and the local MongoDB-wire server. Prints p50/p99 per query.
 *
 * Needs the local infrastructure (`npm run infra:up`); MONGO_URL / NATS_URL override it.
 * BENCH_SIZES (default `1000,10000,100000`) picks the sizes. Each query is sampled up to
 * BENCH_SAMPLES times (default 20) or for BENCH_QUERY_BUDGET_MS (default 10 s), whichever ends
 * first, so a slow server cannot run the benchmark past a few minutes; the sample count used
 * is printed next to each figure. At 100 000 only the main queries run (MAIN_QUERIES).
 *
 * On FerretDB v1 (SQLite) every query except a lookup by `_id` is a scan of the collection:
 * FerretDB pushes down only `{ _id: <string> }` filters and sorts in memory (FerretDB v1.24,
 * internal/backends/sqlite/collection.go). The indexes in case.schema.ts serve MongoDB.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { topology } from '@pandawa/contracts';
import { GrpcServer } from '@pandawa/grpc';
import { createLogger } from '@pandawa/logging';
import { connectMongo } from '@pandawa/mongo';
import {
  connectNats,
  ensureStreams,
  EventPublisher,
  jetstream,
  jetstreamManager,
} from '@pandawa/nats';
import { testDbName, testNamespace } from '@pandawa/testing';
import { createCaseApp } from '../../services/case/src/case.app.js';
import { CASE_CATEGORIES, CASE_STATUSES } from '../../services/case/src/domain/case.types.js';
import { createSchedule } from '../../services/case/src/domain/service-hours.js';
import { TRACKING_ALPHABET } from '../../services/case/src/domain/tracking-code.js';
import { caseKey } from '../../services/case/src/store/case/case.repository.js';
import type { CaseDocument } from '../../services/case/src/store/case/case.schema.js';
import {
  call as callCase,
  caseClient,
  OFFICE,
} from '../../services/case/test/support/case-harness.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const QUERY_BUDGET_MS = Number(process.env.BENCH_QUERY_BUDGET_MS ?? 10_000);
const SEED_BATCH = 1000;
/** Seeding stops here whatever the size asked, so the whole run stays within minutes. */
const SEED_BUDGET_MS = Number(process.env.BENCH_SEED_BUDGET_MS ?? 240_000);

/** Scans on FerretDB take tens of seconds at 100 000 cases; the deadline must not cut them. */
const call: typeof callCase = (client, method, request, caller) =>
  callCase(client, method, request, caller, 300_000);

const MAIN_QUERIES = new Set([
  'list newest, 20',
  'status = DIPROSES',
  'assignee = officer-3',
  'SLA breached',
  'get by tracking code',
  'get by id',
]);

const NAMES = ['Budi', 'Siti', 'Andi', 'Rina', 'Dewi', 'Agus', 'Sari', 'Joko', 'Putri', 'Rizky'];
const officer = { id: 'officer-1', role: 'officer' };

function pct(sorted: number[], p: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : NaN;
}

/**
 * Distinct, valid codes for seeding: random draws repeat about 5 times in 100 000 (the service
 * redraws on the unique index; a bulk insert cannot), so seeds use a bijection of the index.
 */
function seedTrackingCode(i: number): string {
  const n = TRACKING_ALPHABET.length;
  let v = (i * 7919 + 12_345) % n ** 6;
  let code = '';
  for (let k = 0; k < 6; k++) {
    code = TRACKING_ALPHABET[v % n]! + code;
    v = Math.floor(v / n);
  }
  return `PDW-${code}`;
}

/** A stored case as the service would have written it, with a short thread and audit. */
function seedCase(i: number, now: number): CaseDocument {
  const caseId = randomUUID();
  const createdAt = new Date(now - i * 60_000);
  const status = CASE_STATUSES[i % CASE_STATUSES.length]!;
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  return {
    _id: caseKey(OFFICE, caseId),
    caseId,
    officeId: OFFICE,
    trackingCode: seedTrackingCode(i),
    idempotencyKey: `seed-${caseId}`,
    status,
    statusDetail: {},
    category: CASE_CATEGORIES[i % CASE_CATEGORIES.length]!,
    priority: 'PRIORITY_NORMAL',
    citizen: {
      waId: `62812${String(i).padStart(8, '0')}`,
      profileName: name,
      nik: '1471011201900001',
      kkNumber: '1471010101100002',
      name,
    },
    searchName: name.toLowerCase(),
    description: 'NIK tidak aktif saat mendaftar BPJS Kesehatan; mohon dibantu.',
    documentIds: [`doc-${i}`],
    assigneeId: i % 3 === 0 ? '' : `officer-${i % 25}`,
    tags: [],
    createdAt,
    updatedAt: createdAt,
    sla: {
      firstResponseDueAt: new Date(createdAt.getTime() + 4 * 3_600_000),
      resolutionDueAt: new Date(createdAt.getTime() + 21 * 3_600_000),
      firstResponseAt: i % 2 ? new Date(createdAt.getTime() + 3_600_000) : null,
      resolvedAt: null,
      firstResponseBreached: i % 7 === 0,
      resolutionBreached: false,
      firstResponseMinutes: i % 2 ? 60 : null,
      resolutionMinutes: null,
    },
    slaBreached: i % 7 === 0,
    slaNextCheckAt: null,
    messages: [
      {
        id: randomUUID(),
        author: 'citizen',
        actorId: 'x',
        text: 'Selamat siang, NIK saya tidak aktif.',
        createdAt,
        documentIds: [],
        waMessageId: `wamid.${i}`,
        deliveryStatus: null,
      },
    ],
    notes: [],
    audit: [
      {
        at: createdAt,
        actorId: 'conversation',
        actorRole: 'service',
        action: 'created',
        before: null,
        after: { status: 'BARU' },
        reason: '',
      },
    ],
    outbox: [],
    version: 1,
  };
}

async function main() {
  const logger = createLogger({ service: 'bench-case', level: 'warn' });
  const ns = testNamespace();
  const nc = await connectNats({ url: NATS_URL, name: 'bench-case', logger });
  const jsm = await jetstreamManager(nc);
  const t = topology(ns);
  await ensureStreams(jsm, [t.streams.CASE_EVENTS]);
  const mongo = await connectMongo({ url: MONGO_URL, dbName: testDbName(ns, 'case'), logger });
  const server = new GrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    isHealthy: async () => true,
  });
  const app = await createCaseApp({
    mongo,
    publisher: new EventPublisher(jetstream(nc)),
    topology: t,
    grpcServer: server,
    logger,
    schedule: createSchedule({
      timeZone: 'Asia/Jakarta',
      utcOffset: '+07:00',
      week: 'mon-thu 08:00-15:00; fri 08:00-11:30',
      holidays: [],
    }),
    outboxPollIntervalMs: 60_000,
    slaCheckIntervalMs: 3_600_000,
  });
  const port = await server.start();
  const client = caseClient(`127.0.0.1:${port}`);
  const rows: string[] = [];
  const now = Date.now();
  let stored = 0;
  let sample: CaseDocument | undefined;

  try {
    for (const size of SIZES) {
      const seedStart = performance.now();
      while (stored < size && performance.now() - seedStart < SEED_BUDGET_MS) {
        const batch = Array.from({ length: Math.min(SEED_BATCH, size - stored) }, (_, k) =>
          seedCase(stored + k, now),
        );
        await app.repository.insertMany(batch);
        sample ??= batch[7];
        stored += batch.length;
      }
      const seedSeconds = (performance.now() - seedStart) / 1000;
      console.log(
        `\n== ${stored} cases stored (seeded ${stored < size ? `only ${stored} of ${size}: seed budget spent` : 'all'}; ` +
          `last batch run ${seedSeconds.toFixed(1)} s)`,
      );
      const firstPage = await call(
        client,
        'ListCases',
        { officeId: OFFICE, pageSize: 20 },
        officer,
      );
      const queries: [string, () => Promise<unknown>][] = [
        [
          'list newest, 20',
          () => call(client, 'ListCases', { officeId: OFFICE, pageSize: 20 }, officer),
        ],
        [
          'list page 2 (cursor)',
          () =>
            call(
              client,
              'ListCases',
              { officeId: OFFICE, pageSize: 20, pageToken: firstPage.nextPageToken },
              officer,
            ),
        ],
        [
          'status = DIPROSES',
          () =>
            call(
              client,
              'ListCases',
              { officeId: OFFICE, statuses: ['DIPROSES'], pageSize: 20 },
              officer,
            ),
        ],
        [
          'category + status',
          () =>
            call(
              client,
              'ListCases',
              {
                officeId: OFFICE,
                category: 'DATA_GANDA',
                statuses: ['BARU', 'DIVERIFIKASI'],
                pageSize: 20,
              },
              officer,
            ),
        ],
        [
          'assignee = officer-3',
          () =>
            call(
              client,
              'ListCases',
              { officeId: OFFICE, assigneeId: 'officer-3', pageSize: 20 },
              officer,
            ),
        ],
        [
          'unassigned',
          () =>
            call(
              client,
              'ListCases',
              { officeId: OFFICE, unassignedOnly: true, pageSize: 20 },
              officer,
            ),
        ],
        [
          'SLA breached',
          () =>
            call(
              client,
              'ListCases',
              { officeId: OFFICE, slaBreached: true, pageSize: 20 },
              officer,
            ),
        ],
        [
          'search name prefix',
          () =>
            call(client, 'ListCases', { officeId: OFFICE, query: 'siti 1', pageSize: 20 }, officer),
        ],
        [
          'search tracking code',
          () =>
            call(
              client,
              'ListCases',
              { officeId: OFFICE, query: sample!.trackingCode, pageSize: 20 },
              officer,
            ),
        ],
        [
          'citizen cases',
          () =>
            call(
              client,
              'ListCitizenCases',
              { officeId: OFFICE, waId: sample!.citizen.waId },
              officer,
            ),
        ],
        [
          'get by tracking code',
          () =>
            call(
              client,
              'GetCase',
              { officeId: OFFICE, trackingCode: sample!.trackingCode },
              officer,
            ),
        ],
        [
          'get by id',
          () => call(client, 'GetCase', { officeId: OFFICE, id: sample!.caseId }, officer),
        ],
      ];
      // At the largest size only the queries an officer's console runs on every visit, so that
      // a server that scans (FerretDB) cannot stretch the run past its budget.
      const selected =
        stored >= 100_000 ? queries.filter(([name]) => MAIN_QUERIES.has(name)) : queries;
      for (const [name, run] of selected) {
        const times: number[] = [];
        const started = performance.now();
        while (times.length < SAMPLES && performance.now() - started < QUERY_BUDGET_MS) {
          const t0 = performance.now();
          await run();
          times.push(performance.now() - t0);
        }
        // The first call warms connections and caches; drop it when there are others.
        if (times.length > 3) times.shift();
        times.sort((a, b) => a - b);
        const row = `${String(stored).padStart(7)}  ${name.padEnd(24)} p50 ${pct(times, 50).toFixed(1).padStart(8)} ms  p99 ${pct(times, 99).toFixed(1).padStart(8)} ms  (n=${times.length})`;
        console.log(row);
        rows.push(row);
      }
    }
  } finally {
    client.close();
    await server.shutdown(1000);
    await app.stop();
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
    await jsm.streams.delete(t.streams.CASE_EVENTS.name).catch(() => false);
    await nc.close();
  }
  console.log('\nsummary\n' + rows.join('\n'));
}

await main();
