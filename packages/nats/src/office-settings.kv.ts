import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
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

/** One office's entry as a watch sees it: its settings, or undefined (deleted or unreadable). */
export interface OfficeSettingsChange {
  officeId: string;
  stored: StoredOfficeSettings | undefined;
}

/** Every office's entry, current values first, then each change as it is written. */
export interface OfficeSettingsWatch {
  changes: AsyncIterable<OfficeSettingsChange>;
  /** Resolves once every office's value stored when the watch began has been handed out. */
  current: Promise<void>;
  stop(): void;
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
    return entry ? this.parse(officeId, entry) : undefined;
  }

  /**
   * Follows every office's entry (the services that keep the settings in memory, where a read
   * per use would be too slow: the case service's SLA clocks, notification's templates). The
   * client's ordered consumer re-creates itself after a disconnect; a watch that ends is for
   * the caller to start again (OfficeSettingsFollower does).
   */
  async watch(): Promise<OfficeSettingsWatch> {
    // The newest revision before the watch starts: once it (or a later one) is handed out,
    // every value stored then has been (a last-value watch delivers the newest of each key).
    const { last_seq: lastRevision, messages } = (await this.kv.status()).streamInfo.state;
    const entries = await this.kv.watch();
    let markCurrent!: () => void;
    const current = new Promise<void>((resolve) => (markCurrent = resolve));
    if (messages === 0) markCurrent();
    const parse = (officeId: string, entry: KvEntry) => this.parse(officeId, entry);
    async function* changes(): AsyncGenerator<OfficeSettingsChange> {
      for await (const entry of entries) {
        yield { officeId: entry.key, stored: parse(entry.key, entry) };
        // After the yield: the caller has applied the entry before `current` resolves.
        if (entry.isUpdate || entry.revision >= lastRevision) markCurrent();
      }
    }
    return { changes: changes(), current, stop: () => entries.stop() };
  }

  /** A deleted entry or one that does not parse reads as unset (the configuration applies). */
  private parse(officeId: string, entry: KvEntry): StoredOfficeSettings | undefined {
    if (entry.operation !== 'PUT') return undefined;
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
