/**
 * Document storage benchmark (`npm run bench:document`). A real document-storage process
 * ingests ~1 MB, 3-megapixel JPEG photos from an in-process wa-sandbox over its gRPC edge
 * (metadata → download → sniff → decode, rotate, strip, re-encode, preview → encrypt → store in
 * MongoDB/FerretDB), then serves them back through the streaming read.
 * Prints ingest documents/s, the service's peak RSS (VmHWM: the kernel's high-water mark, so no
 * spike is missed between samples), and read MB/s.
 *
 * Needs the local infrastructure (`npm run infra:up`); NATS_URL / MONGO_URL override it.
 * Bounded: BENCH_DOCS (default 80) photos at BENCH_CONCURRENCY (default 4); each phase is cut
 * at 90 s.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { topology } from '@pandawa/contracts';
import {
  callerMetadata,
  createClient,
  loadHealthPackage,
  loadProto,
  ServingStatus,
  type DocumentProto,
} from '@pandawa/grpc';
import { createLogger } from '@pandawa/logging';
import { connectMongo } from '@pandawa/mongo';
import { connectNats, jetstreamManager } from '@pandawa/nats';
import { testCallerSigner, testDbName, testNamespace } from '@pandawa/testing';
import { createSandbox } from '@pandawa/wa-sandbox';
import sharp from 'sharp';
import { freePort, startService } from '../support/service-process.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DOCS = Number(process.env.BENCH_DOCS ?? 80);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PHASE_LIMIT_MS = 90_000;
const OFFICE = 'pekanbaru';

/** A photo-like JPEG: gradients and grain, ~1 MB at 2000 × 1500 (noise alone would be larger). */
async function photo(seed: number, width = 2000, height = 1500): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const grain = (((s >> 16) & 0xff) * 30) / 255;
      raw[i] = ((x * 255) / width + grain) & 0xff;
      raw[i + 1] = ((y * 255) / height + grain) & 0xff;
      raw[i + 2] = (((x + y) * 128) / width + grain) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 31/1 0/1' } })
    .toBuffer();
}

/** Peak and current resident memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

async function pool(total: number, concurrency: number, op: (i: number) => Promise<void>) {
  let next = 0;
  let failed = 0;
  const deadline = Date.now() + PHASE_LIMIT_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && Date.now() < deadline) {
        const i = next++;
        await op(i).catch((error: unknown) => {
          failed++;
          if (failed <= 3) console.error('operation failed:', (error as Error).message);
        });
      }
    }),
  );
  return { done: Math.min(next, total) - failed, failed };
}

async function main(): Promise<void> {
  const ns = testNamespace();
  const dbName = testDbName(ns, 'document-bench');
  const logger = createLogger({ service: 'document-bench', level: 'warn' });
  const sandbox = await createSandbox({ mediaUrlTtlMs: 60 * 60 * 1000 });
  const port = await freePort();

  console.log(`generating ${DOCS} photos...`);
  const variants = await Promise.all([1, 2, 3, 4].map((seed) => photo(seed)));
  const mediaIds = Array.from(
    { length: DOCS },
    (_, i) => sandbox.putMedia(variants[i % variants.length]!, 'image/jpeg').id,
  );
  const avgInputMb = variants.reduce((n, v) => n + v.length, 0) / variants.length / 1024 / 1024;

  const service = startService('document-storage', {
    DOCUMENT_PORT: String(port),
    MONGO_URL,
    MONGO_DB: dbName,
    NATS_URL,
    NATS_NAMESPACE: ns,
    WHATSAPP_API_URL: sandbox.url,
    WHATSAPP_ACCESS_TOKEN: sandbox.accessToken,
    LOG_LEVEL: 'warn',
  });
  const pid = service.child.pid!;
  const address = `127.0.0.1:${port}`;
  const Health = loadHealthPackage().grpc.health.v1.Health;
  const health = createClient(Health, address, { maxAttempts: 1 });
  const Documents = loadProto<DocumentProto>('pandawa/document/v1/document.proto').pandawa.document
    .v1.DocumentService;
  const client = createClient(Documents, address, { maxAttempts: 1, signer: testCallerSigner() });
  const md = callerMetadata({
    id: 'bench',
    role: 'officer',
    officeId: OFFICE,
    reason: 'benchmark',
  });

  try {
    const ready = Date.now() + 60_000;
    for (;;) {
      const status = await new Promise<string | undefined>((resolve) =>
        health.check({ service: '' }, { deadline: Date.now() + 1000 }, (error, res) =>
          resolve(error ? undefined : res?.status),
        ),
      );
      if (status === ServingStatus.SERVING) break;
      if (Date.now() > ready) throw new Error(`service did not start:\n${service.output.join('')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const idle = memoryOf(pid);

    // Ingest.
    const ids: string[] = [];
    let storedBytes = 0;
    let started = performance.now();
    const ingest = await pool(DOCS, CONCURRENCY, async (i) => {
      const doc = await new Promise<{ id: string; sizeBytes: string }>((resolve, reject) =>
        client.ingestFromWhatsApp(
          { officeId: OFFICE, mediaId: mediaIds[i], sessionRef: `bench-${i}`, kind: 'KK' },
          md,
          { deadline: Date.now() + 60_000 },
          (error, res) => (error ? reject(error) : resolve(res!)),
        ),
      );
      ids.push(doc.id);
      storedBytes += Number(doc.sizeBytes);
    });
    const ingestSeconds = (performance.now() - started) / 1000;
    const afterIngest = memoryOf(pid);

    // Read: every stored document, streamed back, twice over.
    let readBytes = 0;
    started = performance.now();
    const reads = await pool(ids.length * 2, CONCURRENCY, async (i) => {
      await new Promise<void>((resolve, reject) => {
        const call = client.readDocument({ officeId: OFFICE, id: ids[i % ids.length] }, md, {
          deadline: Date.now() + 60_000,
        });
        call.on('data', (msg: { data: Buffer }) => {
          readBytes += msg.data.length;
        });
        call.on('error', reject);
        call.on('end', resolve);
      });
    });
    const readSeconds = (performance.now() - started) / 1000;
    const afterRead = memoryOf(pid);

    console.log('');
    console.log(
      `document-storage benchmark — ${DOCS} photos of ${avgInputMb.toFixed(2)} MB (2000×1500 JPEG, EXIF+GPS), concurrency ${CONCURRENCY}`,
    );
    console.log(
      `  ingest : ${ingest.done} stored, ${ingest.failed} failed in ${ingestSeconds.toFixed(1)} s → ${(ingest.done / ingestSeconds).toFixed(1)} documents/s` +
        ` (${((ingest.done * avgInputMb) / ingestSeconds).toFixed(1)} MB/s in; stored avg ${(storedBytes / Math.max(1, ingest.done) / 1024).toFixed(0)} KB)`,
    );
    console.log(
      `  memory : service RSS idle ${idle.rssMb.toFixed(0)} MB, after ingest ${afterIngest.rssMb.toFixed(0)} MB, peak (VmHWM) ${afterIngest.peakMb.toFixed(0)} MB during ingest`,
    );
    console.log(
      `  read   : ${reads.done} reads, ${reads.failed} failed, ${(readBytes / 1024 / 1024).toFixed(1)} MB in ${readSeconds.toFixed(1)} s → ${(readBytes / 1024 / 1024 / readSeconds).toFixed(1)} MB/s` +
        ` (peak RSS after reads ${afterRead.peakMb.toFixed(0)} MB)`,
    );
  } finally {
    client.close();
    health.close();
    service.child.kill('SIGTERM');
    await service.exited;
    await sandbox.close();
    const mongo = await connectMongo({ url: MONGO_URL, dbName, logger });
    await mongo.dropDatabase();
    await mongo.close();
    const nc = await connectNats({ url: NATS_URL, name: 'document-bench', logger });
    const jsm = await jetstreamManager(nc);
    for (const spec of Object.values(topology(ns).streams))
      await jsm.streams.delete(spec.name).catch(() => false);
    await nc.close();
  }
}

await main();
