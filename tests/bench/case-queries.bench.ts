/**
 * Case query benchmark (`npm run bench:case`): seeds 1 000, 10 000 and 100 000 cases into one
 * office and times the officers' console queries over real gRPC against the case service (in
 * this process) and the local MongoDB-wire server, once with each list implementation
 * (CASE_LISTS): `memory` (the in-memory view) and `indexed` (MongoDB queries on indexes).
 * Prints p50/p99 per query, how long the service took to start (for `memory`: to load its list
 * view), and the heap it added.
 *
 * Needs the local infrastructure (`npm run infra:up`); MONGO_URL / NATS_URL override it.
 * BENCH_SIZES (default `1000,10000,100000`) picks the sizes. Each query is sampled up to
 * BENCH_SAMPLES times (default 50) or for BENCH_QUERY_BUDGET_MS (default 10 s), whichever ends
 * first; the sample count is printed next to each figure.
 *
 * BENCH_LISTS (default `memory,indexed`) picks the implementations. On FerretDB v1 every
 * `indexed` list query decodes the whole collection (it pushes down only `{ _id }`), so at
 * 100 000 cases each sample takes seconds: the per-query budget bounds the run, and the sample
 * count says how many fitted.
 *
 * BENCH_INDEXED_MAX_ON_FERRETDB (default 10 000) skips `indexed` above that size on FerretDB,
 * and BENCH_KIND_BUDGET_MS (default 180 s) bounds the time one implementation spends at one
 * size: queries left when it is spent are printed as not measured.
 *
 * With `memory`, lists and statistics are answered from the list view (read-model/); with
 * `indexed`, from the store's indexes (store/case/indexed-case-lists.ts); single cases by `_id`.
 * Lookups sample the case stored last, the worst place for a store that scans (on FerretDB v1
 * an `_id` lookup is an index search only with the local wrapper's `_id` index,
 * deploy/local/ferretdb/id_index.go).
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
import { testCallerVerifier, testDbName, testNamespace } from '@pandawa/testing';
import { createCaseApp } from '../../services/case/src/case.app.js';
import type { CaseListsKind } from '../../services/case/src/read-model/case-lists.js';
import { CASE_CATEGORIES, CASE_STATUSES } from '../../services/case/src/domain/case.types.js';
import { createSchedule } from '../../services/case/src/domain/service-hours.js';
import { encodePageToken } from '../../services/case/src/grpc/page-token.js';
import { TRACKING_ALPHABET } from '../../services/case/src/domain/tracking-code.js';
import { caseKey, CaseRepository } from '../../services/case/src/store/case/case.repository.js';
import type { CaseDocument } from '../../services/case/src/store/case/case.schema.js';
import {
  call as callCase,
  caseClient,
  OFFICE,
} from '../../services/case/test/support/case-harness.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const KINDS = (process.env.BENCH_LISTS ?? 'memory,indexed').split(',') as CaseListsKind[];
/** On FerretDB, `indexed` runs only up to this size: each of its queries decodes every case. */
const INDEXED_MAX_ON_FERRETDB = Number(process.env.BENCH_INDEXED_MAX_ON_FERRETDB ?? 10_000);
/** Time one implementation may spend sampling at one size; later queries are left unmeasured. */
const KIND_BUDGET_MS = Number(process.env.BENCH_KIND_BUDGET_MS ?? 180_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const QUERY_BUDGET_MS = Number(process.env.BENCH_QUERY_BUDGET_MS ?? 10_000);
const SEED_BATCH = 1000;
/** Seeding stops here whatever the size asked, so the whole run stays within minutes. */
const SEED_BUDGET_MS = Number(process.env.BENCH_SEED_BUDGET_MS ?? 240_000);

const call: typeof callCase = (client, method, request, caller) =>
  callCase(client, method, request, caller, 60_000);

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
      phone: `62812${String(i).padStart(8, '0')}`,
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
  const js = jetstream(nc);
  const t = topology(ns);
  await ensureStreams(jsm, [t.streams.CASE_EVENTS]);
  const mongo = await connectMongo({ url: MONGO_URL, dbName: testDbName(ns, 'case'), logger });
  const seeder = new CaseRepository(mongo);
  // FerretDB answers buildInfo with its own version field.
  const onFerretDb = 'ferretdbVersion' in (await mongo.db!.admin().command({ buildInfo: 1 }));
  const rows: string[] = [];
  const now = Date.now();
  let stored = 0;
  let newest: CaseDocument | undefined;
  let last: CaseDocument | undefined;
  /** The seeds that end pages 1 and 50, by their index. */
  const pageEnds = new Map<number, CaseDocument>();

  /** A fresh case service over what is stored, started as it would be (`memory`: loads its view). */
  async function startService(lists: CaseListsKind) {
    const server = new GrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger,
      isHealthy: async () => true,
      callers: testCallerVerifier(),
    });
    const app = await createCaseApp({
      mongo,
      publisher: new EventPublisher(js),
      js,
      jsm,
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
      lists,
    });
    const loadStart = performance.now();
    await app.start();
    const loadMs = performance.now() - loadStart;
    const port = await server.start();
    const client = caseClient(`127.0.0.1:${port}`);
    return {
      client,
      loadMs,
      async stop() {
        client.close();
        await server.shutdown(1000);
        await app.stop();
      },
    };
  }

  try {
    for (const size of SIZES) {
      const seedStart = performance.now();
      while (stored < size && performance.now() - seedStart < SEED_BUDGET_MS) {
        const batch = Array.from({ length: Math.min(SEED_BATCH, size - stored) }, (_, k) =>
          seedCase(stored + k, now),
        );
        await seeder.insertMany(batch);
        newest ??= batch[0];
        batch.forEach((d, k) => {
          if (stored + k === 19 || stored + k === 999) pageEnds.set(stored + k, d);
        });
        last = batch.at(-1);
        stored += batch.length;
      }
      const seedSeconds = (performance.now() - seedStart) / 1000;
      for (const kind of KINDS) {
        if (kind === 'indexed' && onFerretDb && stored > INDEXED_MAX_ON_FERRETDB) {
          const row = `${String(stored).padStart(7)}  indexed  not run: on FerretDB v1 every list query decodes all ${stored} cases (BENCH_INDEXED_MAX_ON_FERRETDB=${INDEXED_MAX_ON_FERRETDB})`;
          console.log(`\n${row}`);
          rows.push(row);
          continue;
        }
        const kindStarted = performance.now();
        global.gc?.();
        const heapBefore = process.memoryUsage().heapUsed;
        const service = await startService(kind);
        global.gc?.();
        const viewMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
        const { client } = service;
        console.log(
          `\n== ${stored} cases stored (seeded ${stored < size ? `only ${stored} of ${size}: seed budget spent` : 'all'}; ` +
            `last batch run ${seedSeconds.toFixed(1)} s)\n` +
            `   CASE_LISTS=${kind}: started in ${(service.loadMs / 1000).toFixed(1)} s` +
            `${kind === 'memory' ? ' (list view loaded)' : ' (indexes ensured)'}; heap +${viewMb.toFixed(0)} MB ` +
            `(${global.gc ? 'after gc' : 'run with --expose-gc for an exact figure'}); ` +
            `RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
        );
        // Page tokens of pages 2 and 51 (newest first), from the seeds: the seeds' creation
        // times fall one minute apart, case 0 the newest, so page n starts after case 20(n-1)-1.
        const tokenAfter = (d: CaseDocument | undefined) =>
          d ? encodePageToken({ at: d.createdAt, id: d._id }) : '';
        const firstPage = { nextPageToken: tokenAfter(pageEnds.get(19)) };
        const deepPage = tokenAfter(pageEnds.get(999) ?? pageEnds.get(19));
        const list = (request: Record<string, unknown>) => () =>
          call(client, 'ListCases', { officeId: OFFICE, pageSize: 20, ...request }, officer);
        const queries: [string, () => Promise<unknown>][] = [
          ['list newest, 20', list({})],
          ['list page 2 (cursor)', list({ pageToken: firstPage.nextPageToken })],
          ['list page 51 (cursor)', list({ pageToken: deepPage })],
          ['status = DIPROSES', list({ statuses: ['DIPROSES'] })],
          ['queue by SLA due', list({ order: 'CASE_LIST_ORDER_SLA_DUE' })],
          ['queue, officer-3', list({ order: 'CASE_LIST_ORDER_SLA_DUE', assigneeId: 'officer-3' })],
          [
            'category + status',
            list({ category: 'DATA_GANDA', statuses: ['BARU', 'DIVERIFIKASI'] }),
          ],
          ['assignee = officer-3', list({ assigneeId: 'officer-3' })],
          ['unassigned', list({ unassignedOnly: true })],
          ['SLA breached', list({ slaBreached: true })],
          ['search name prefix', list({ query: 'siti 1' })],
          ['search tracking code', list({ query: last!.trackingCode })],
          ['no match (full walk)', list({ query: 'zzz' })],
          [
            'citizen cases',
            () =>
              call(
                client,
                'ListCitizenCases',
                { officeId: OFFICE, phone: last!.citizen.phone },
                officer,
              ),
          ],
          [
            'statistics, 30 days',
            () => call(client, 'GetStatistics', { officeId: OFFICE }, officer),
          ],
          [
            'get by tracking code',
            () =>
              call(
                client,
                'GetCase',
                { officeId: OFFICE, trackingCode: last!.trackingCode },
                officer,
              ),
          ],
          [
            'get by id (newest)',
            () => call(client, 'GetCase', { officeId: OFFICE, id: newest!.caseId }, officer),
          ],
          [
            'get by id (stored last)',
            () => call(client, 'GetCase', { officeId: OFFICE, id: last!.caseId }, officer),
          ],
        ];
        for (const [name, run] of queries) {
          if (performance.now() - kindStarted > KIND_BUDGET_MS) {
            const row = `${String(stored).padStart(7)}  ${kind.padEnd(7)}  ${name.padEnd(24)} not measured: BENCH_KIND_BUDGET_MS spent`;
            console.log(row);
            rows.push(row);
            continue;
          }
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
          const row = `${String(stored).padStart(7)}  ${kind.padEnd(7)}  ${name.padEnd(24)} p50 ${pct(times, 50).toFixed(1).padStart(8)} ms  p99 ${pct(times, 99).toFixed(1).padStart(8)} ms  (n=${times.length})`;
          console.log(row);
          rows.push(row);
        }
        await service.stop();
      }
    }
  } finally {
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
    await jsm.streams.delete(t.streams.CASE_EVENTS.name).catch(() => false);
    await nc.close();
  }
  console.log('\nsummary\n' + rows.join('\n'));
}

await main();
