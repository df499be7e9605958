import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  officeSettingsKey,
  officeSettingsSchema,
  type OfficeSettings,
  type Topology,
} from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';

/** A stored entry: the settings and the KV revision that is their version. */
export interface StoredOfficeSettings {
  settings: OfficeSettings;
  revision: number;
}

/**
 * The offices' settings in the NATS KV bucket `office_settings` (architecture §3.2): one key per
 * office, the JSON of `officeSettingsSchema`. NATS because every replica of every service that
 * tells a citizen about the office already talks to it, and a KV read is always the latest
 * write (no cache to go stale across replicas). The admin API writes; the others only read.
 * A value that does not parse (a newer schema version, a hand edit) reads as unset, so a reader
 * keeps to its configuration instead of failing a citizen's message.
 */
export class OfficeSettingsKv {
  private constructor(
    private readonly kv: KV,
    private readonly logger: Logger,
  ) {}

  /** Opens the bucket, creating it if no service has yet (idempotent, same settings everywhere). */
  static async open(
    nc: NatsConnection,
    topology: Topology,
    logger: Logger,
    options: { replicas?: number } = {},
  ): Promise<OfficeSettingsKv> {
    const kv = await new Kvm(nc).create(topology.buckets.officeSettings, {
      // A few earlier versions stay readable with `nats kv history` when someone asks who changed what.
      history: 5,
      replicas: options.replicas ?? 1,
    });
    return new OfficeSettingsKv(kv, logger);
  }

  async read(officeId: string): Promise<StoredOfficeSettings | undefined> {
    const key = officeSettingsKey(officeId);
    if (!key) return undefined;
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT') return undefined;
    let parsed: unknown;
    try {
      parsed = entry.json();
    } catch {
      parsed = undefined;
    }
    const result = officeSettingsSchema.safeParse(parsed);
    if (!result.success || result.data.officeId !== officeId) {
      this.logger.warn(
        { officeId, revision: entry.revision },
        'office settings entry unreadable; configuration applies',
      );
      return undefined;
    }
    return { settings: result.data, revision: entry.revision };
  }

  /**
   * Stores `settings` for their office. `expectedRevision`: 0 = only if none is stored yet,
   * n = only if the stored one is still revision n; a mismatch is ABORTED (someone else saved
   * in between). Undefined: last write wins.
   */
  async write(settings: OfficeSettings, expectedRevision?: number): Promise<number> {
    const key = officeSettingsKey(settings.officeId);
    if (!key)
      throw new AppError('INVALID_ARGUMENT', 'this office id cannot hold settings', {
        reason: 'OFFICE_ID_INVALID',
      });
    const value = JSON.stringify(officeSettingsSchema.parse(settings));
    try {
      if (expectedRevision === undefined) return await this.kv.put(key, value);
      if (expectedRevision === 0) return await this.kv.create(key, value);
      return await this.kv.update(key, value, expectedRevision);
    } catch (error) {
      if (
        error instanceof JetStreamApiError &&
        (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
          error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
      )
        throw new AppError(
          'ABORTED',
          'the office settings were changed by someone else; reload and try again',
          { reason: 'OFFICE_SETTINGS_VERSION_CONFLICT' },
        );
      throw error;
    }
  }
}
