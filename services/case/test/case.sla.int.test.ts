import { randomUUID } from 'node:crypto';
import { testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../src/domain/case.types.js';
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
        citizen: { phone: `62815${Math.floor(Math.random() * 1e8)}`, name: 'Sari' },
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
            citizen: { phone: `6281600000${i}` },
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
        call(
          ns.client,
          'GetStatistics',
          { officeId: OFFICE },
          { id: '6281234500001', role: 'citizen' },
        ),
      ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    } finally {
      await ns.close();
    }
  });
});

describe('the resolution clock while the office waits on the citizen', () => {
  let svc: InProcessCase;
  // The harness schedule is open around the clock: service time here is wall-clock time.
  let clock = new Date('2026-11-23T02:00:00Z');
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    svc = await startInProcess(testNamespace(), { now: () => clock });
  });
  afterAll(async () => {
    await svc?.close();
  });

  const open = async () => {
    const c = await call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF', // resolution due in 21 service hours
        citizen: { phone: `62817${Math.floor(Math.random() * 1e8)}`, name: 'Sari' },
        description: 'x',
      },
      conversation,
    );
    return { id: c.id, openedAt: new Date(c.createdAt), dueAt: new Date(c.sla!.resolutionDueAt) };
  };
  const move = (caseId: string, toStatus: CaseStatus, extra: Record<string, unknown> = {}) =>
    call(svc.client, 'TransitionCase', { officeId: OFFICE, caseId, toStatus, ...extra }, officer);
  const askForData = (caseId: string) =>
    move(caseId, 'MENUNGGU_DATA', { missingItems: ['Foto KK terbaru'] });
  const get = (id: string) => call(svc.client, 'GetCase', { officeId: OFFICE, id }, officer);
  const dueInView = (caseId: string) =>
    svc.app.view.slaDue(clock, 10_000).some((e) => e.caseId === caseId);
  const lastAudit = (c: { audit?: { action: string; before: string; after: string }[] }) => {
    const a = c.audit!.at(-1)!;
    return { action: a.action, before: JSON.parse(a.before || 'null'), after: JSON.parse(a.after) };
  };
  /** Resolution statistics of the one case opened at `openedAt`. */
  const resolutionStats = async (openedAt: Date) =>
    (
      await call(
        svc.client,
        'GetStatistics',
        {
          officeId: OFFICE,
          from: openedAt.toISOString(),
          to: new Date(openedAt.getTime() + 1).toISOString(),
        },
        supervisor,
      )
    ).resolution!;

  it('raises no breach while waiting, and extends the due time by the wait once the citizen answers', async () => {
    later(HOUR);
    const c = await open();
    later(HOUR);
    await move(c.id, 'DIVERIFIKASI');
    later(HOUR);
    const waiting = await askForData(c.id);
    const pausedAt = new Date(clock);
    expect(waiting.sla!.resolutionPausedAt).toBe(pausedAt.toISOString());
    expect(waiting.sla!.resolutionDueAt).toBe(c.dueAt.toISOString());
    expect(lastAudit(waiting)).toMatchObject({
      action: 'status_changed',
      before: { status: 'DIVERIFIKASI' },
      after: { status: 'MENUNGGU_DATA', resolutionClock: 'paused' },
    });

    // Well past the original due time: the paused clock is not due, so nothing is raised.
    later(30 * HOUR);
    expect(clock > c.dueAt).toBe(true);
    expect(dueInView(c.id)).toBe(false);
    expect(await svc.app.slaChecker.checkOnce()).toBe(0);
    expect((await get(c.id)).sla!.resolutionBreached).toBe(false);

    // The citizen answers; no officer has moved the case yet, and the clock runs again.
    const answered = await call(
      svc.client,
      'AddCitizenMessage',
      { officeId: OFFICE, caseId: c.id, text: 'Ini foto KK saya', waMessageId: randomUUID() },
      conversation,
    );
    const extendedDue = new Date(c.dueAt.getTime() + 30 * HOUR);
    expect(answered.status).toBe('MENUNGGU_DATA');
    expect(answered.sla!.resolutionPausedAt).toBe('');
    expect(answered.sla!.resolutionDueAt).toBe(extendedDue.toISOString());
    expect(lastAudit(answered)).toMatchObject({
      action: 'message_added',
      before: {
        resolutionPausedAt: pausedAt.toISOString(),
        resolutionDueAt: c.dueAt.toISOString(),
      },
      after: {
        resolutionClock: 'resumed',
        waitedMinutes: 30 * 60,
        resolutionDueAt: extendedDue.toISOString(),
      },
    });
    // A second message does not move the clock again.
    const again = await call(
      svc.client,
      'AddCitizenMessage',
      { officeId: OFFICE, caseId: c.id, text: 'Sudah ya', waMessageId: randomUUID() },
      conversation,
    );
    expect(again.sla!.resolutionDueAt).toBe(extendedDue.toISOString());
    expect(lastAudit(again).before).toBeNull();

    // Breached only once the extended due time passes.
    clock = new Date(extendedDue.getTime() - 60_000);
    expect(dueInView(c.id)).toBe(false);
    expect(await svc.app.slaChecker.checkOnce()).toBe(0);
    clock = extendedDue;
    expect(dueInView(c.id)).toBe(true);
    expect(await svc.app.slaChecker.checkOnce()).toBe(1);
    const breached = await get(c.id);
    expect(breached.sla!.resolutionBreached).toBe(true);
    const events = await waitFor(async () => {
      const mine = (await readCaseEvents(svc.bus)).filter(
        (e) => e.type === 'case.events.sla_breached' && e.data.caseId === c.id,
      );
      return mine.length ? mine : undefined;
    });
    expect(events.map((e) => [e.data.clock, e.data.dueAt])).toEqual([
      ['resolution', extendedDue.toISOString()],
    ]);

    // Leaving MENUNGGU_DATA after the answer moves the clock no further.
    later(HOUR);
    const processing = await move(c.id, 'DIPROSES');
    expect(processing.sla!.resolutionDueAt).toBe(extendedDue.toISOString());
    expect(lastAudit(processing).after).not.toHaveProperty('resolutionClock');

    // The resolution time leaves the 30 hours waited out.
    later(HOUR);
    await move(c.id, 'SELESAI');
    const worked = clock.getTime() - c.openedAt.getTime() - 30 * HOUR;
    expect(await resolutionStats(c.openedAt)).toMatchObject({
      sampleSize: '1',
      medianMinutes: worked / 60_000,
    });
  });

  it("resumes on the citizen's documents, not on an officer's", async () => {
    later(HOUR);
    const c = await open();
    later(HOUR);
    await move(c.id, 'DIVERIFIKASI');
    await askForData(c.id);
    later(5 * HOUR);
    const byOfficer = await call(
      svc.client,
      'AttachDocuments',
      { officeId: OFFICE, caseId: c.id, documentIds: ['doc-scan-1'] },
      officer,
    );
    expect(byOfficer.sla!.resolutionPausedAt).not.toBe('');
    later(5 * HOUR);
    const byCitizen = await call(
      svc.client,
      'AttachDocuments',
      { officeId: OFFICE, caseId: c.id, documentIds: ['doc-kk-1'] },
      conversation,
    );
    expect(byCitizen.sla!.resolutionPausedAt).toBe('');
    expect(byCitizen.sla!.resolutionDueAt).toBe(
      new Date(c.dueAt.getTime() + 10 * HOUR).toISOString(),
    );
    expect(lastAudit(byCitizen)).toMatchObject({
      action: 'documents_attached',
      after: { documentIds: ['doc-kk-1'], resolutionClock: 'resumed', waitedMinutes: 600 },
    });
    expect(dueInView(c.id)).toBe(false);
    clock = new Date(c.dueAt.getTime() + 10 * HOUR);
    expect(dueInView(c.id)).toBe(true);
    // Each attachment is an event, so other instances' list views re-read the case.
    const attached = await waitFor(async () => {
      const events = (await readCaseEvents(svc.bus)).filter(
        (e) => e.type === 'case.events.documents_attached' && e.data.caseId === c.id,
      );
      return events.length === 2 ? events : undefined;
    });
    expect(attached.map((e) => e.data.documentIds)).toEqual([['doc-scan-1'], ['doc-kk-1']]);
  });

  it('resumes when the case leaves MENUNGGU_DATA, and a close while waiting counts the wait as paused', async () => {
    later(HOUR);
    const moved = await open();
    later(HOUR);
    await move(moved.id, 'DIVERIFIKASI');
    await askForData(moved.id);
    later(2 * HOUR);
    const back = await move(moved.id, 'DIPROSES');
    expect(back.sla!.resolutionPausedAt).toBe('');
    expect(back.sla!.resolutionDueAt).toBe(
      new Date(moved.dueAt.getTime() + 2 * HOUR).toISOString(),
    );
    expect(lastAudit(back).after).toMatchObject({ resolutionClock: 'resumed', waitedMinutes: 120 });

    later(HOUR);
    const rejected = await open();
    later(HOUR);
    await move(rejected.id, 'DIVERIFIKASI');
    await askForData(rejected.id);
    later(40 * HOUR); // past the original due time, still waiting
    const closed = await move(rejected.id, 'DITOLAK', { reason: 'Data tidak dikirim' });
    expect(closed.sla!.resolutionPausedAt).toBe('');
    expect(closed.sla!.resolutionBreached).toBe(false);
    expect(closed.sla!.resolvedAt).toBe(clock.toISOString());
    // Counted: the hour before the officer asked for data; not the 40 hours waited.
    expect(await resolutionStats(rejected.openedAt)).toMatchObject({
      sampleSize: '1',
      medianMinutes: 60,
    });
    expect(dueInView(rejected.id)).toBe(false);
  });
});
