import type { Connection } from '@pandawa/mongo';
import { fc, FUZZ_SEED, requestArbitrary, serviceMethods } from '@pandawa/testing/fuzz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaSource } from '../src/ingest/media.source.js';
import { jpegWithGps } from './fixtures.js';
import { callerMetadata, startHarness, unary, uploadDocument, type Harness } from './harness.js';

const PROTO = 'pandawa/document/v1/document.proto';
const SERVICE = 'pandawa.document.v1.DocumentService';
const OFFICE = 'pekanbaru';
/** Runs per method: bounded so the suite stays a few tens of seconds on FerretDB. */
const RUNS = 25;

/** Every document of every collection but the access log, which records refused reads by design. */
async function snapshot(mongo: Connection): Promise<string> {
  const db = mongo.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const parts: string[] = [];
  for (const name of names.filter((n) => n !== 'document_access_log')) {
    const docs = await db.collection(name).find({}).toArray();
    parts.push(`${name}:${JSON.stringify(docs.map((d) => JSON.stringify(d)).sort())}`);
  }
  return parts.join('\n');
}

/** Media that is never there: ingest must refuse or report, never fail. */
const noMedia: MediaSource = {
  fetch: async () => {
    throw Object.assign(new Error('gone'), { kind: 'not_found' });
  },
};

/**
 * Every DocumentService method with requests fast-check derives from document.proto (random,
 * huge, unicode, `$`-prefixed, NUL, negative, unknown values), from every kind of caller: never
 * INTERNAL or UNKNOWN, nothing written when refused with INVALID_ARGUMENT, still serving after.
 */
describe('document-storage under fuzzed requests (FerretDB, gRPC)', () => {
  let h: Harness;
  let realId: string;

  beforeAll(async () => {
    h = await startHarness({ media: noMedia });
    realId = (
      await uploadDocument(
        h.client,
        { officeId: OFFICE, caseId: 'case-fuzz', kind: 'KK' },
        await jpegWithGps(),
      )
    ).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const callers = fc.constantFrom(
    callerMetadata({ id: 'officer-1', role: 'officer' }),
    callerMetadata({ id: 'conversation', role: 'service' }),
    callerMetadata({ id: 'admin-1', role: 'admin', reason: '' }),
    callerMetadata({ id: '6281200000001', role: 'citizen' }),
  );

  const methods = serviceMethods(PROTO, SERVICE);
  const streaming = new Set(['UploadDocument', 'ReadDocument']);

  it.each(methods.filter((m) => !streaming.has(m)))(
    '%s never answers INTERNAL or UNKNOWN, and writes nothing when it refuses',
    async (method) => {
      const request = requestArbitrary(PROTO, SERVICE, method, {
        officeId: fc.oneof(
          { arbitrary: fc.constant(OFFICE), weight: 4 },
          { arbitrary: fc.string({ maxLength: 80 }), weight: 1 },
        ),
        id: fc.oneof(fc.constant(realId), fc.string({ maxLength: 200 })),
      });
      const rpc = method[0]!.toLowerCase() + method.slice(1);
      await fc.assert(
        fc.asyncProperty(request, callers, async (req, md) => {
          const before = await snapshot(h.mongo);
          const code = await unary(h.client, rpc, req, md).then(
            () => 'OK',
            (e: { code?: string }) => e.code ?? 'NO_CODE',
          );
          expect(['INTERNAL', 'UNKNOWN', 'NO_CODE']).not.toContain(code);
          if (code === 'INVALID_ARGUMENT') expect(await snapshot(h.mongo)).toBe(before);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
      );
      const doc = await unary<unknown, { id: string }>(
        h.client,
        'getDocument',
        { officeId: OFFICE, id: realId },
        callerMetadata(),
      );
      expect(doc.id).toBe(realId);
    },
  );

  it('UploadDocument never answers INTERNAL or UNKNOWN for fuzzed headers and bytes', async () => {
    const header = requestArbitrary(PROTO, SERVICE, 'UploadDocument').map(
      (r) => (r.header as Record<string, unknown> | undefined) ?? {},
    );
    const rssBefore = process.memoryUsage().rss;
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.uint8Array({ maxLength: 4096 }),
        fc.boolean(),
        async (hdr, bytes, headerTwice) => {
          const before = await snapshot(h.mongo);
          const code = await new Promise<string>((resolve) => {
            const call = h.client.uploadDocument(
              callerMetadata(),
              { deadline: Date.now() + 30_000 },
              (error) => resolve(error ? String(error.code) : 'OK'),
            );
            call.on('error', () => undefined);
            call.write({ header: hdr });
            if (headerTwice) call.write({ header: hdr });
            if (bytes.length > 0) call.write({ chunk: Buffer.from(bytes) });
            call.end();
          });
          // 2 = UNKNOWN, 13 = INTERNAL
          expect(['2', '13']).not.toContain(code);
          if (code === '3') expect(await snapshot(h.mongo)).toBe(before);
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024);
  });

  it('ReadDocument never answers INTERNAL or UNKNOWN', async () => {
    const request = requestArbitrary(PROTO, SERVICE, 'ReadDocument', {
      id: fc.oneof(fc.constant(realId), fc.string({ maxLength: 200 })),
    });
    await fc.assert(
      fc.asyncProperty(request, callers, async (req, md) => {
        const code = await new Promise<number>((resolve) => {
          const call = h.client.readDocument(req, md, { deadline: Date.now() + 30_000 });
          call.on('data', () => undefined);
          call.on('error', (e: { code: number }) => resolve(e.code));
          call.on('end', () => resolve(0));
        });
        expect([2, 13]).not.toContain(code);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
