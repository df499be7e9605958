import { randomUUID } from 'node:crypto';
import { testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  OFFICE,
  readCaseEvents,
  startInProcess,
  type InProcessCase,
} from './support/case-harness.js';

const HOUR = 3_600_000;
const conversation = { id: 'conversation', role: 'service' };
const officer = { id: 'officer-1', role: 'officer' };
const supervisor = { id: 'supervisor-1', role: 'supervisor' };

describe('SLA checker and statistics', () => {
  let svc: InProcessCase;
  // A clock the test moves; the schedule in the harness is open around the clock.
  let clock = new Date('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    svc = await startInProcess(testNamespace(), { now: () => clock });
  });
  afterAll(async () => {
    await svc?.close();
  });

  const create = (category: 'NIK_TIDAK_AKTIF' | 'LAINNYA') =>
    call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category,
        citizen: { waId: `62815${Math.floor(Math.random() * 1e8)}`, name: 'Sari' },
        description: 'x',
      },
      conversation,
    );

  it('raises sla_breached once per breach, and not for a clock that stopped in time', async () => {
    const late = await create('NIK_TIDAK_AKTIF'); // first response due in 4 service hours
    const answered = await create('NIK_TIDAK_AKTIF');
    clock = new Date(clock.getTime() + HOUR);
    await call(
      svc.client,
      'AddOfficerReply',
      { officeId: OFFICE, caseId: answered.id, text: 'Sedang kami cek' },
      officer,
    );

    clock = new Date(clock.getTime() + 4 * HOUR);
    expect(await svc.app.slaChecker.checkOnce()).toBe(1);
    expect(await svc.app.slaChecker.checkOnce()).toBe(0); // the same breach is not raised again

    const breached = await call(svc.client, 'GetCase', { officeId: OFFICE, id: late.id }, officer);
    expect(breached.sla!.firstResponseBreached).toBe(true);
    expect(breached.sla!.resolutionBreached).toBe(false);
    const list = await call(
      svc.client,
      'ListCases',
      { officeId: OFFICE, slaBreached: true },
      officer,
    );
    expect(list.cases!.map((c) => c.id)).toEqual([late.id]);

    // Past the 21-hour resolution target: the resolution clock of both open cases breaches.
    clock = new Date(clock.getTime() + 20 * HOUR);
    expect(await svc.app.slaChecker.checkOnce()).toBe(2);
    expect(await svc.app.slaChecker.checkOnce()).toBe(0);

    const events = await waitFor(async () => {
      const all = (await readCaseEvents(svc.bus)).filter(
        (e) => e.type === 'case.events.sla_breached',
      );
      return all.length === 3 ? all : undefined;
    });
    expect(
      events
        .map((e) => `${e.data.caseId === late.id ? 'late' : 'answered'}:${e.data.clock}`)
        .sort(),
    ).toEqual(['answered:resolution', 'late:first_response', 'late:resolution']);
  });

  it('computes counts, breaches and median/p90 durations in service minutes', async () => {
    const ns = await startInProcess(testNamespace(), { now: () => clock });
    try {
      const openedAt = clock;
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        clock = openedAt;
        const c = await call(
          ns.client,
          'CreateCase',
          {
            officeId: OFFICE,
            idempotencyKey: `s-${i}`,
            category: i < 4 ? 'DATA_GANDA' : 'LAINNYA',
            citizen: { waId: `6281600000${i}` },
            description: 'x',
          },
          conversation,
        );
        ids.push(c.id);
        // Case i gets its first reply after (i + 1) * 10 minutes.
        clock = new Date(openedAt.getTime() + (i + 1) * 10 * 60_000);
        await call(
          ns.client,
          'AddOfficerReply',
          { officeId: OFFICE, caseId: c.id, text: 'ok' },
          officer,
        );
      }
      for (const id of ids.slice(0, 3)) {
        await call(
          ns.client,
          'TransitionCase',
          { officeId: OFFICE, caseId: id, toStatus: 'DIVERIFIKASI' },
          officer,
        );
      }
      const stats = await call(
        ns.client,
        'GetStatistics',
        {
          officeId: OFFICE,
          from: new Date(openedAt.getTime() - HOUR).toISOString(),
          to: new Date(clock.getTime() + HOUR).toISOString(),
        },
        supervisor,
      );
      expect(Number(stats.total)).toBe(10);
      const byStatus = Object.fromEntries(stats.byStatus.map((s) => [s.status, Number(s.count)]));
      expect(byStatus).toEqual({ BARU: 7, DIVERIFIKASI: 3 });
      const byCategory = Object.fromEntries(
        stats.byCategory.map((s) => [s.category, Number(s.count)]),
      );
      expect(byCategory).toEqual({ DATA_GANDA: 4, LAINNYA: 6 });
      expect(Number(stats.firstResponse!.sampleSize)).toBe(10);
      expect(stats.firstResponse!.medianMinutes).toBe(50);
      expect(stats.firstResponse!.p90Minutes).toBe(90);
      expect(Number(stats.resolution!.sampleSize)).toBe(0);
      await expect(
        call(ns.client, 'GetStatistics', { officeId: OFFICE }, { id: 'x', role: 'citizen' }),
      ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    } finally {
      await ns.close();
    }
  });
});
