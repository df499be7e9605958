import type { OfficeSettings } from '@pandawa/contracts';
import { connectTestBus, testLogger, testNamespace, waitFor, type TestBus } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeSettingsFollower, OfficeSettingsKv } from '../src/index.js';

let bus: TestBus;
const logger = testLogger('office-settings-test');

beforeAll(async () => {
  bus = await connectTestBus(process.env.NATS_URL!, testNamespace());
});
afterAll(async () => {
  await bus.close();
});

const settings = (officeId: string, address: string): OfficeSettings => ({
  schemaVersion: 1,
  officeId,
  updatedAt: '2026-12-01T08:00:00.000Z',
  updatedBy: 'admin-1',
  address,
});

describe('office settings in NATS KV (real JetStream)', () => {
  it('a write by one opener is read by another, per office, with its revision', async () => {
    const writer = await OfficeSettingsKv.open(bus.nc, bus.topology, logger);
    const reader = await OfficeSettingsKv.open(bus.nc, bus.topology, logger);
    expect(await reader.read('pekanbaru')).toBeUndefined();
    const revision = await writer.write(settings('pekanbaru', 'Jl. Satu'));
    const read = await reader.read('pekanbaru');
    expect(read).toEqual({ settings: settings('pekanbaru', 'Jl. Satu'), revision });
    expect(await reader.read('dumai')).toBeUndefined();
  });

  it('an expected revision that is no longer current is ABORTED; the current one wins', async () => {
    const kv = await OfficeSettingsKv.open(bus.nc, bus.topology, logger);
    const first = await kv.write(settings('siak', 'Jl. A'), 0);
    await expect(kv.write(settings('siak', 'Jl. B'), 0)).rejects.toMatchObject({
      code: 'ABORTED',
      reason: 'OFFICE_SETTINGS_VERSION_CONFLICT',
    });
    const second = await kv.write(settings('siak', 'Jl. B'), first);
    await expect(kv.write(settings('siak', 'Jl. C'), first)).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect((await kv.read('siak'))?.revision).toBe(second);
    expect((await kv.read('siak'))?.settings.address).toBe('Jl. B');
  });

  it('a value it cannot read (another schema version, garbage) reads as unset', async () => {
    const kv = await OfficeSettingsKv.open(bus.nc, bus.topology, logger);
    const { Kvm } = await import('@nats-io/kv');
    const raw = await new Kvm(bus.nc).open(bus.topology.buckets.officeSettings);
    await raw.put('kampar', JSON.stringify({ ...settings('kampar', 'x'), schemaVersion: 2 }));
    expect(await kv.read('kampar')).toBeUndefined();
    await raw.put('kampar', 'not json');
    expect(await kv.read('kampar')).toBeUndefined();
    // Another office's value under this key is not this office's settings.
    await raw.put('kampar', JSON.stringify(settings('dumai', 'x')));
    expect(await kv.read('kampar')).toBeUndefined();
  });

  it('a follower holds what is stored when it starts, then each change, deletion and bad value', async () => {
    const own = await connectTestBus(process.env.NATS_URL!, testNamespace());
    try {
      const kv = await OfficeSettingsKv.open(own.nc, own.topology, logger);
      await kv.write(settings('pekanbaru', 'Jl. Satu'));
      await kv.write(settings('dumai', 'Jl. Dua'));
      const revision = await kv.write(settings('pekanbaru', 'Jl. Tiga'));
      const follower = new OfficeSettingsFollower(kv, logger);
      await follower.start();
      // Loaded before start() resolves: no wait on the first use.
      expect(follower.get('pekanbaru')).toEqual({
        settings: settings('pekanbaru', 'Jl. Tiga'),
        revision,
      });
      expect(follower.get('dumai')?.settings.address).toBe('Jl. Dua');
      expect(follower.get('siak')).toBeUndefined();

      await kv.write(settings('siak', 'Jl. Empat'));
      await waitFor(() => follower.get('siak')?.settings.address === 'Jl. Empat', 20_000, 'siak');
      const { Kvm } = await import('@nats-io/kv');
      const raw = await new Kvm(own.nc).open(own.topology.buckets.officeSettings);
      await raw.delete('dumai');
      await raw.put(
        'pekanbaru',
        JSON.stringify({ ...settings('pekanbaru', 'x'), schemaVersion: 2 }),
      );
      await waitFor(
        () => !follower.get('dumai') && !follower.get('pekanbaru'),
        20_000,
        'deleted and unreadable entries dropped',
      );
      await follower.stop();
    } finally {
      await own.close();
    }
  });

  it('a follower of an empty bucket starts at once, and one whose watch fails keeps trying', async () => {
    const own = await connectTestBus(process.env.NATS_URL!, testNamespace());
    try {
      const kv = await OfficeSettingsKv.open(own.nc, own.topology, logger);
      const empty = new OfficeSettingsFollower(kv, logger, { initialWaitMs: 600_000 });
      await empty.start(); // would hang for ten minutes if an empty bucket never counted as loaded
      await empty.stop();

      let attempts = 0;
      const flaky = new OfficeSettingsFollower(
        {
          watch: () => (++attempts < 3 ? Promise.reject(new Error('no JetStream')) : kv.watch()),
        },
        logger,
        { retryMs: 10 },
      );
      await flaky.start();
      await kv.write(settings('kampar', 'Jl. Lima'));
      await waitFor(() => flaky.get('kampar')?.settings.address === 'Jl. Lima', 20_000, 'kampar');
      expect(attempts).toBe(3);
      await flaky.stop();
    } finally {
      await own.close();
    }
  });
});
