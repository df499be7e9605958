import { randomUUID } from 'node:crypto';
import { testNamespace } from '@pandawa/testing';
import { fc, FUZZ_SEED, requestArbitrary, serviceMethods } from '@pandawa/testing/fuzz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseMethod } from '../src/grpc/case.proto-types.js';
import {
  call,
  OFFICE,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';
import { storeSnapshot } from './support/store-snapshot.js';

const PROTO = 'pandawa/case/v1/case.proto';
const SERVICE = 'pandawa.case.v1.CaseService';
/** Runs per method: bounded so the whole suite stays a few tens of seconds on FerretDB. */
const RUNS = 25;

/**
 * Every CaseService method with requests fast-check derives from case.proto (random, huge,
 * unicode, `$`-prefixed, NUL, negative, unknown enum values), from every kind of caller. The
 * service may refuse them, never fail: no INTERNAL or UNKNOWN, nothing written when it answers
 * INVALID_ARGUMENT, still serving afterwards, memory bounded.
 */
describe('case service under fuzzed requests (FerretDB, NATS, gRPC)', () => {
  let svc: InProcessCase;
  let real: { id: string; trackingCode: string; waId: string };

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
    const waId = '6281299990001';
    const c = await call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF',
        citizen: { phone: waId, profileName: 'Budi', name: 'Budi Santoso' },
        description: 'NIK saya tidak aktif',
      },
      { id: 'conversation', role: 'service' },
    );
    real = { id: c.id!, trackingCode: c.trackingCode!, waId };
  });
  afterAll(async () => {
    await svc?.close();
  });

  const callers = (): fc.Arbitrary<Caller> =>
    fc.constantFrom<Caller>(
      { id: 'officer-1', role: 'officer' },
      { id: 'supervisor-1', role: 'supervisor' },
      { id: 'admin-1', role: 'admin' },
      { id: 'conversation', role: 'service' },
      { id: '6281299990001', role: 'citizen' },
    );

  const methods = serviceMethods(PROTO, SERVICE) as CaseMethod[];

  /**
   * A valid request of each method: a fuzzed one replaces one or two of its fields, so the
   * hostile value reaches the checks behind the others (a fully random request stops at the
   * first).
   */
  const valid = (method: CaseMethod): Record<string, unknown> => {
    const base = { officeId: OFFICE, caseId: real.id };
    switch (method) {
      case 'CreateCase':
        return {
          officeId: OFFICE,
          idempotencyKey: randomUUID(),
          category: 'LAINNYA',
          citizen: { phone: real.waId, profileName: 'Budi', name: 'Budi' },
          description: 'Data saya salah',
          documentIds: ['doc-1'],
          tags: ['bank'],
        };
      case 'GetCase':
        return { officeId: OFFICE, id: real.id };
      case 'ListCases':
        return { officeId: OFFICE, pageSize: 5 };
      case 'ListCitizenCases':
        return { officeId: OFFICE, phone: real.waId, pageSize: 5 };
      case 'TransitionCase':
        return { ...base, toStatus: 'DIVERIFIKASI', reason: 'ok' };
      case 'AssignCase':
        return { ...base, assigneeId: 'officer-2' };
      case 'UnassignCase':
        return { ...base, reason: 'cuti' };
      case 'AddCitizenMessage':
        return { ...base, text: 'halo', waMessageId: `wamid.${randomUUID()}` };
      case 'AddOfficerReply':
      case 'AddInternalNote':
        return { ...base, text: 'Baik, kami periksa' };
      case 'UpdateCaseTriage':
        return { ...base, priority: 'PRIORITY_HIGH', replaceTags: true, tags: ['bpjs'] };
      case 'AttachDocuments':
        return { ...base, documentIds: ['doc-2'] };
      case 'UpdateMessageDelivery':
        return { ...base, messageId: 'm-1', deliveryStatus: 'DELIVERY_SENT' };
      case 'GetStatistics':
        return { officeId: OFFICE };
      case 'RevealCitizenIdentity':
        return { ...base, reason: 'cek NIK di SIAK' };
      default:
        return base;
    }
  };

  it('covers every method of the service', () => {
    expect(methods).toContain('CreateCase');
    expect(methods.length).toBeGreaterThanOrEqual(15);
  });

  it.each(methods)(
    '%s never answers INTERNAL or UNKNOWN, and writes nothing when it refuses',
    async (method) => {
      const rssBefore = process.memoryUsage().rss;
      const request = requestArbitrary(PROTO, SERVICE, method, {
        // Mostly the real office and case, so requests get past "not found" to the checks behind.
        officeId: fc.oneof(
          { arbitrary: fc.constant(OFFICE), weight: 4 },
          { arbitrary: fc.string({ maxLength: 80 }), weight: 1 },
        ),
        caseId: fc.oneof(
          { arbitrary: fc.constant(real.id), weight: 3 },
          { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
        ),
        id: fc.oneof(fc.constant(real.id), fc.string({ maxLength: 200 })),
        trackingCode: fc.oneof(fc.constant(real.trackingCode), fc.string({ maxLength: 40 })),
      });
      // A fuzzed request's fields over a valid one's: one or two of them (now and then all).
      const mutated = fc.tuple(request, fc.constantFrom(1, 1, 2, 99)).map(([hostile, n]) => ({
        ...valid(method),
        ...Object.fromEntries(Object.entries(hostile).slice(0, n)),
      }));
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(mutated, callers(), async (req, caller) => {
          const before = await storeSnapshot(svc.mongo, svc.bus);
          const code = await call(svc.client, method, req as never, caller, 30_000).then(
            () => 'OK',
            (e: { code?: string }) => e.code ?? 'NO_CODE',
          );
          outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
          expect(['INTERNAL', 'UNKNOWN', 'NO_CODE']).not.toContain(code);
          if (code === 'INVALID_ARGUMENT')
            expect(await storeSnapshot(svc.mongo, svc.bus)).toBe(before);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
      );
      // Still serving: the real case reads back.
      const again = await call(
        svc.client,
        'GetCase',
        { officeId: OFFICE, id: real.id },
        { id: 'officer-1', role: 'officer' },
      );
      expect(again.id).toBe(real.id);
      // Memory bounded: a run does not keep what it was sent (a generous bound; RSS is noisy).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024);
      expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    },
  );
});
