import { randomUUID } from 'node:crypto';
import { TcpProxy, testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  OFFICE,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';

const officer: Caller = { id: 'officer-1', role: 'officer' };
const conversation: Caller = { id: 'conversation', role: 'service' };
const listOn = (svc: InProcessCase, request: Record<string, unknown> = {}) =>
  call(svc.client, 'ListCases', { officeId: OFFICE, pageSize: 100, ...request }, officer);
const LONG_DESCRIPTION = 'Data saya tercatat ganda di Disdukcapil. '.repeat(20);

/**
 * Two instances of the case service on one store and one bus, as two replicas run: each keeps
 * its own in-memory list view, loaded at start and kept current from `case.events.*`.
 */
describe('case list view across instances', () => {
  const ns = testNamespace();
  let a: InProcessCase;
  let b: InProcessCase;
  let late: InProcessCase | undefined;

  beforeAll(async () => {
    a = await startInProcess(ns);
    b = await startInProcess(ns);
  });
  afterAll(async () => {
    await late?.close();
    await b?.close();
    await a?.close();
  });

  it('shows a change made on one instance in the lists of the other, and of one started later', async () => {
    const made = await call(
      a.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'DATA_GANDA',
        citizen: {
          phone: '6281277770001',
          name: 'Siti Aminah',
          nik: '1471014509900001',
          kkNumber: '1471010101100002',
        },
        description: LONG_DESCRIPTION,
      },
      conversation,
    );
    // The writer sees its own change at once.
    expect((await listOn(a)).cases!.map((c) => c.id)).toEqual([made.id]);

    const onB = await waitFor(async () => {
      const page = await listOn(b);
      return page.cases!.length === 1 ? page.cases![0]! : undefined;
    });
    expect(onB.id).toBe(made.id);
    expect(onB.trackingCode).toBe(made.trackingCode);
    // A list never carries the citizen's NIK or KK number; GetCase does, masked.
    expect(onB.citizen!.name).toBe('Siti Aminah');
    expect(onB.citizen!.nik).toBe('');
    expect(onB.citizen!.kkNumber).toBe('');
    // Names are found from the start of any of their words.
    expect((await listOn(b, { query: 'amin' })).cases!.map((c) => c.id)).toEqual([made.id]);
    expect((await listOn(b, { query: 'minah' })).cases).toEqual([]);
    // And only the start of the description; GetCase has all of it.
    expect(onB.description).toHaveLength(160);
    expect(onB.description!.endsWith('…')).toBe(true);
    expect(LONG_DESCRIPTION.startsWith(onB.description!.slice(0, -1))).toBe(true);
    const whole = await call(b.client, 'GetCase', { officeId: OFFICE, id: made.id! }, officer);
    expect(whole.citizen!.nik).toBe('1471********0001');
    expect(whole.description).toBe(LONG_DESCRIPTION);

    await call(
      a.client,
      'TransitionCase',
      { officeId: OFFICE, caseId: made.id!, toStatus: 'DIVERIFIKASI' },
      officer,
    );
    await call(a.client, 'ClaimCase', { officeId: OFFICE, caseId: made.id! }, officer);
    await waitFor(async () => {
      const page = await listOn(b, { statuses: ['DIVERIFIKASI'], assigneeId: 'officer-1' });
      return page.cases!.length === 1 && Number(page.cases![0]!.version) === 3 ? true : undefined;
    });
    expect((await listOn(b, { statuses: ['BARU'] })).cases).toEqual([]);
    const stats = await call(b.client, 'GetStatistics', { officeId: OFFICE }, officer);
    expect(Number(stats.total)).toBe(1);
    expect(stats.byStatus!.map((r) => [r.status, Number(r.count)])).toEqual([['DIVERIFIKASI', 1]]);

    // An instance started now loads what is stored, with no event to wait for.
    late = await startInProcess(ns);
    const loaded = (await listOn(late, { assigneeId: 'officer-1' })).cases!;
    expect(loaded.map((c) => [c.id, c.status, Number(c.version)])).toEqual([
      [made.id, 'DIVERIFIKASI', 3],
    ]);
  });
});

describe('case list view through a NATS outage', () => {
  it('catches up with the changes made while its instance was cut off from NATS', async () => {
    const ns = testNamespace();
    const proxy = TcpProxy.forUrl(process.env.NATS_URL!);
    await proxy.start();
    const a = await startInProcess(ns);
    const b = await startInProcess(ns, { natsUrl: proxy.url(process.env.NATS_URL!) });
    try {
      const open = (i: number) =>
        call(
          a.client,
          'CreateCase',
          {
            officeId: OFFICE,
            idempotencyKey: randomUUID(),
            category: 'NIK_TIDAK_AKTIF',
            citizen: { phone: `62812888800${i}`, name: `Warga ${i}` },
            description: 'x',
          },
          conversation,
        );
      const first = await open(1);
      await waitFor(async () => (await listOn(b)).cases!.length === 1);

      await proxy.stop(); // B loses NATS; A and the store carry on
      const second = await open(2);
      await call(
        a.client,
        'TransitionCase',
        { officeId: OFFICE, caseId: first.id!, toStatus: 'DIVERIFIKASI' },
        officer,
      );
      // B still answers from what it holds.
      expect((await listOn(b)).cases!.map((c) => c.id)).toEqual([first.id]);

      await proxy.start();
      const seen = await waitFor(
        async () => {
          const cases = (await listOn(b)).cases!;
          return cases.length === 2 && cases[1]!.status === 'DIVERIFIKASI' ? cases : undefined;
        },
        30_000,
        'B to catch up after NATS is back',
      );
      expect(seen.map((c) => c.id)).toEqual([second.id, first.id]);
    } finally {
      await b.close();
      await a.close();
      await proxy.stop();
    }
  });
});
