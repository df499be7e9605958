import { randomUUID } from 'node:crypto';
import { Kvm } from '@nats-io/kv';
import type { OfficeSettingsContent } from '@pandawa/contracts';
import { OfficeSettingsKv } from '@pandawa/nats';
import { testLogger, testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../src/domain/case.types.js';
import { call, startInProcess, type InProcessCase } from './support/case-harness.js';
import { PEKANBARU_SCHEDULE, wib } from './support/pekanbaru-schedule.js';

/**
 * Architecture §3.2 / §7: the SLA clocks follow the service hours and holidays an admin stored
 * for the office in the `office_settings` KV bucket (written here through the same KV helper the
 * gateway's PUT /api/office/settings uses), over real NATS KV, gRPC and FerretDB. Configured:
 * Mon–Thu 08:00–15:00, Fri 08:00–11:30 WIB. 2026-11-23 is a Monday.
 */
const EARLY_HOURS: OfficeSettingsContent['serviceHours'] = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '07:00', closes: '16:00' },
];
const conversation = { id: 'conversation', role: 'service' };
const officerOf = (officeId: string) => ({ id: `officer-${officeId}`, role: 'officer', officeId });

describe('SLA clocks follow the office settings an admin stored (real NATS KV)', () => {
  let svc: InProcessCase;
  let kv: OfficeSettingsKv;
  let clock = wib('2026-11-23T14:00:00');

  beforeAll(async () => {
    svc = await startInProcess(testNamespace(), {
      now: () => clock,
      schedule: PEKANBARU_SCHEDULE,
    });
    kv = await OfficeSettingsKv.open(svc.bus.nc, svc.bus.topology, testLogger('admin'));
  });
  afterAll(async () => {
    await svc?.close();
  });

  const store = (officeId: string, content: OfficeSettingsContent) =>
    kv.write({
      schemaVersion: 1,
      officeId,
      updatedAt: new Date().toISOString(),
      updatedBy: 'admin-1',
      ...content,
    });
  /** The case service has taken in the office's settings (its clocks read them from memory). */
  const applied = (officeId: string, revision: number) =>
    waitFor(
      () => svc.app.schedules.for(officeId) !== PEKANBARU_SCHEDULE || undefined,
      20_000,
      `settings revision ${revision} of ${officeId} applied`,
    );
  const create = (officeId: string) =>
    call(
      svc.client,
      'CreateCase',
      {
        officeId,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF', // first response 4 service hours, resolution 21
        citizen: { phone: `62815${Math.floor(Math.random() * 1e8)}`, name: 'Sari' },
        description: 'NIK saya tidak aktif',
      },
      conversation,
    );
  const dueTimes = (c: Awaited<ReturnType<typeof create>>) => ({
    firstResponse: c.sla!.firstResponseDueAt,
    resolution: c.sla!.resolutionDueAt,
  });
  const iso = (s: string) => wib(s).toISOString();

  it("a new case's due times follow the office's hours and holidays; earlier cases and other offices keep theirs", async () => {
    clock = wib('2026-11-23T14:00:00');
    const before = await create('pekanbaru');
    // Configured: Mon 14–15, Tue 08–11 → Tue 11:00; 21 h → Thu 14:00.
    expect(dueTimes(before)).toEqual({
      firstResponse: iso('2026-11-24T11:00:00'),
      resolution: iso('2026-11-26T14:00:00'),
    });

    await applied(
      'pekanbaru',
      await store('pekanbaru', { serviceHours: EARLY_HOURS, holidays: ['2026-11-24'] }),
    );
    const after = await create('pekanbaru');
    // The office's: Mon 14–16, Tuesday a holiday, Wed 07–09 → Wed 09:00; 21 h → Fri 08:00.
    expect(dueTimes(after)).toEqual({
      firstResponse: iso('2026-11-25T09:00:00'),
      resolution: iso('2026-11-27T08:00:00'),
    });

    // The case opened before the change keeps the due times it was given.
    const reread = await call(
      svc.client,
      'GetCase',
      { officeId: 'pekanbaru', id: before.id },
      officerOf('pekanbaru'),
    );
    expect(dueTimes(reread)).toEqual(dueTimes(before));
    // Another office without settings keeps the configuration.
    expect(dueTimes(await create('dumai'))).toEqual(dueTimes(before));
  });

  it('a waiting case resumes with the hours in force when it resumes', async () => {
    clock = wib('2026-11-23T14:00:00');
    const officer = officerOf('rokan');
    const opened = await create('rokan'); // configured: resolution due Thu 14:00
    const move = (toStatus: CaseStatus, extra: Record<string, unknown> = {}) =>
      call(
        svc.client,
        'TransitionCase',
        { officeId: 'rokan', caseId: opened.id, toStatus, ...extra },
        officer,
      );
    await move('DIVERIFIKASI');
    await move('MENUNGGU_DATA', { missingItems: ['Foto KK terbaru'] });

    await applied('rokan', await store('rokan', { serviceHours: EARLY_HOURS }));
    clock = wib('2026-11-24T12:00:00');
    const resumed = await move('DIPROSES');
    // Waited in the new hours: Mon 14–16 and Tue 07–12 = 7 h; Thu 14:00 + 7 h = Thu 14–16, Fri
    // 07–12 → Fri 12:00 (the configured hours would have made it Mon 30 Nov 08:30).
    expect(resumed.sla!.resolutionDueAt).toBe(iso('2026-11-27T12:00:00'));
  });

  it('an entry of an unknown schema version, or a deleted one, leaves the configuration in force', async () => {
    clock = wib('2026-11-23T14:00:00');
    await applied('kampar', await store('kampar', { serviceHours: EARLY_HOURS }));
    const raw = await new Kvm(svc.bus.nc).open(svc.bus.topology.buckets.officeSettings);
    await raw.put(
      'kampar',
      JSON.stringify({
        schemaVersion: 2,
        officeId: 'kampar',
        updatedAt: new Date().toISOString(),
        updatedBy: 'admin-1',
        serviceHours: EARLY_HOURS,
      }),
    );
    await waitFor(
      () => svc.app.schedules.for('kampar') === PEKANBARU_SCHEDULE,
      20_000,
      'the unreadable entry dropped',
    );
    expect(dueTimes(await create('kampar')).firstResponse).toBe(iso('2026-11-24T11:00:00'));

    await applied('kampar', await store('kampar', { serviceHours: EARLY_HOURS }));
    // Mon 14–16, Tue 07–09.
    expect(dueTimes(await create('kampar')).firstResponse).toBe(iso('2026-11-24T09:00:00'));
    await raw.delete('kampar');
    await waitFor(
      () => svc.app.schedules.for('kampar') === PEKANBARU_SCHEDULE,
      20_000,
      'the deleted entry dropped',
    );
    expect(dueTimes(await create('kampar')).firstResponse).toBe(iso('2026-11-24T11:00:00'));
  });
});
