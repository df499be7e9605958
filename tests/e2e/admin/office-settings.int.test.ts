import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { notifyWaSend } from '@pandawa/contracts';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESK_DEADLINE_MS,
  newCitizenPhone,
  startDeskSystem,
  type DeskSystem,
} from './support/desk-system.js';

/**
 * Office settings through the admin API, stored in the `office_settings` KV bucket, and read by
 * the case service for its SLA clocks (its own process, configured open around the clock) and by
 * the conversation service for *Info & jam layanan*: the wa-sandbox plays the citizen, the
 * gateway takes the webhook, conversation answers on `notify.wa.send` (read here; notification
 * is not started, so this test is the work queue's only reader).
 */
type Command = ReturnType<typeof notifyWaSend.schema.parse>;

describe('office settings (admin API → NATS KV → case, conversation)', () => {
  let desk: DeskSystem;
  const commands: Command[] = [];
  let stopReading: () => void = () => undefined;

  beforeAll(async () => {
    desk = await startDeskSystem({ with: ['conversation', 'sandbox'] });
    const stream = desk.bus.topology.streams.NOTIFY.name;
    await desk.bus.jsm.consumers.add(stream, {
      durable_name: 'settings-test',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const messages = await (
      await desk.bus.js.consumers.get(stream, 'settings-test')
    ).consume({ max_messages: 64 });
    stopReading = () => void messages.stop();
    void (async () => {
      for await (const m of messages) {
        commands.push(notifyWaSend.schema.parse(m.json()));
        m.ack();
      }
    })();
  }, 240_000);
  afterAll(async () => {
    stopReading();
    await desk?.stop();
  });

  const settingsOf = async (username: string) => {
    const res = await desk.api(await desk.tokenOf(username), 'GET', '/office/settings');
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const put = async (username: string, body: unknown) => {
    const res = await desk.api(await desk.tokenOf(username), 'PUT', '/office/settings', body);
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & {
        revision: number;
        error: { code: string; message: string; reason?: string };
      },
    };
  };

  /** The citizen taps *Info & jam layanan*; resolves with the text of the bot's info reply. */
  const askInfo = async (phone: string) => {
    const res = await fetch(`${desk.sandboxUrl}/sandbox/citizens/${phone}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        profileName: 'Warga',
        message: { type: 'list_reply', id: 'menu.info', title: 'Info & jam layanan' },
      }),
    });
    expect(res.status).toBe(201);
    const { messageId } = (await res.json()) as { messageId: string };
    const reply = await waitFor(
      () =>
        commands.find(
          (c) =>
            c.id.startsWith(`${messageId}:`) &&
            c.data.message.kind === 'text' &&
            c.data.message.text.startsWith('Info layanan'),
        ) ?? null,
      DESK_DEADLINE_MS,
      'the info reply',
    );
    return reply.data.message.kind === 'text' ? reply.data.message.text : '';
  };

  const SETTINGS = {
    serviceHours: [
      { days: ['mon', 'tue', 'wed', 'thu'], opens: '07:30', closes: '14:00' },
      { days: ['fri'], opens: '07:30', closes: '11:00' },
    ],
    holidays: ['2026-12-25', '2027-01-01'],
    address: 'Jl. Tuanku Tambusai No. 1, Pekanbaru',
    whatToBring: 'KTP-el asli dan fotokopi Kartu Keluarga',
    templates: { case_update: 'pandawa_case_update_v2' },
  };

  it('only admins read or change them', async () => {
    for (const user of ['officer.pekanbaru', 'supervisor.pekanbaru']) {
      expect((await settingsOf(user)).status).toBe(403);
      expect((await put(user, { address: 'Jl. Lain' })).status).toBe(403);
    }
  });

  it('a round trip: unset at first, stored, read back, per office, with revision checks', async () => {
    const empty = await settingsOf('admin.pekanbaru');
    expect(empty).toEqual({
      status: 200,
      body: { officeId: 'pekanbaru', revision: 0, updatedAt: null, updatedBy: null },
    });

    const saved = await put('admin.pekanbaru', { ...SETTINGS, expectedRevision: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      ...SETTINGS,
      officeId: 'pekanbaru',
      updatedBy: desk.accountIds['admin.pekanbaru'],
    });
    expect(saved.body.revision).toBeGreaterThan(0);
    expect((await settingsOf('admin.pekanbaru')).body).toEqual(saved.body);

    // Another office sees its own (none), and its admin's change does not touch ours.
    expect((await settingsOf('admin.dumai')).body).toMatchObject({ revision: 0 });
    expect((await put('admin.dumai', { address: 'Jl. Sudirman, Dumai' })).status).toBe(200);
    expect((await settingsOf('admin.pekanbaru')).body.address).toBe(SETTINGS.address);

    // Saved by someone else since: 409, and nothing changes.
    const stale = await put('admin.pekanbaru', { address: 'Jl. Lama', expectedRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.reason).toBe('OFFICE_SETTINGS_VERSION_CONFLICT');
    expect((await settingsOf('admin.pekanbaru')).body.address).toBe(SETTINGS.address);
  });

  it('refuses settings a citizen must not be told, naming the field', async () => {
    for (const [bad, field] of [
      [{ serviceHours: [{ days: ['mon'], opens: '15:00', closes: '08:00' }] }, 'serviceHours'],
      [{ serviceHours: [{ days: ['monday'], opens: '08:00', closes: '15:00' }] }, 'serviceHours'],
      [{ holidays: ['2026-02-30'] }, 'holidays'],
      [{ address: 'x'.repeat(301) }, 'address'],
      [{ templates: { case_update: 'Nama Salah' } }, 'templates'],
      [{ templates: { birthday: 'x' } }, 'templates'],
      [{ officeId: 'dumai' }, 'officeId'],
    ] as const) {
      const res = await put('admin.pekanbaru', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
  });

  it('the citizen’s Info & jam layanan uses them when set, and the configuration when not', async () => {
    await put('admin.pekanbaru', SETTINGS);
    const phone = newCitizenPhone();
    const withSettings = await askInfo(phone);
    expect(withSettings).toContain('Jam layanan: Senin–Kamis 07.30–14.00, Jumat 07.30–11.00 (WIB)');
    expect(withSettings).toContain('Libur: 2026-12-25, 2027-01-01');
    expect(withSettings).toContain(`Alamat: ${SETTINGS.address}`);
    expect(withSettings).toContain(`Yang perlu dibawa: ${SETTINGS.whatToBring}`);

    // Unset again (a PUT with only the address): the rest comes from conversation's configuration.
    await put('admin.pekanbaru', { address: 'Jl. Baru 9, Pekanbaru' });
    const partly = await askInfo(phone);
    expect(partly).toContain('Alamat: Jl. Baru 9, Pekanbaru');
    expect(partly).toContain('Jam layanan: Minggu–Sabtu 00.00–24.00 (WIB)');
    expect(partly).not.toContain('07.30');
    expect(partly).not.toContain(SETTINGS.whatToBring);
  });

  it("a case opened after an admin set the office's holidays gets its SLA due time from them", async () => {
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    const WIB = 7 * HOUR;
    /** The WIB date `days` after today's. */
    const wibDate = (days: number) =>
      new Date(Date.now() + WIB + days * DAY).toISOString().slice(0, 10);
    // Today and the next two days closed: the 4 service hours of a first response start at
    // 00:00 WIB on the third day (even if midnight passes while the test runs).
    const holidays = [wibDate(0), wibDate(1), wibDate(2)];
    const dueAt = new Date(`${wibDate(3)}T04:00:00+07:00`).toISOString();
    expect((await put('admin.pekanbaru', { holidays })).status).toBe(200);
    const officer = await desk.tokenOf('officer.pekanbaru');
    const slaOf = async (seeded: { id: string }) => {
      const res = await desk.api(officer, 'GET', `/cases/${seeded.id}`);
      return ((await res.json()) as { sla: { firstResponseDueAt: string } }).sla;
    };
    // The case service follows the bucket with a watch: a moment after the PUT, new cases
    // get the office's holidays (each try opens a case, as a citizen would).
    const sla = await waitFor(
      async () => {
        const s = await slaOf(await desk.seedCase('pekanbaru'));
        return s.firstResponseDueAt === dueAt ? s : undefined;
      },
      DESK_DEADLINE_MS,
      "a new case's due time after the office's holidays",
    );
    expect(sla.firstResponseDueAt).toBe(dueAt);

    // Dumai has settings without hours or holidays: its clocks keep the configuration.
    const before = Date.now();
    const dumai = await desk.api(
      await desk.tokenOf('officer.dumai'),
      'GET',
      `/cases/${(await desk.seedCase('dumai')).id}`,
    );
    const dumaiDue = Date.parse(
      ((await dumai.json()) as { sla: { firstResponseDueAt: string } }).sla.firstResponseDueAt,
    );
    expect(dumaiDue).toBeGreaterThanOrEqual(before + 4 * HOUR);
    expect(dumaiDue).toBeLessThanOrEqual(Date.now() + 4 * HOUR);
  });
});
