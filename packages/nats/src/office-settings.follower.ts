import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@pandawa/logging';
import type {
  OfficeSettingsKv,
  OfficeSettingsWatch,
  StoredOfficeSettings,
} from './office-settings.kv.js';

export interface OfficeSettingsFollowerOptions {
  /** How long `start()` waits for the current settings before going on with the configuration. */
  initialWaitMs?: number;
  /** Pause before a watch that failed or ended is started again. */
  retryMs?: number;
}

/**
 * Every office's settings held in memory and kept current by a KV watch (architecture §3.2), for
 * readers that use them on a hot, synchronous path (an SLA due time at every case write, a
 * template name per notice) where a KV read per use would cost a round trip each. `get` answers
 * from memory: an office with no entry (or an unreadable one) answers undefined and the reader
 * keeps to its configuration — also while NATS is unreachable, so nothing fails for want of
 * the settings. A watch that fails or ends is started again; until then the last values known
 * stay in force.
 */
export class OfficeSettingsFollower {
  private readonly entries = new Map<string, StoredOfficeSettings>();
  private readonly stopping = new AbortController();
  private watching: OfficeSettingsWatch | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly kv: Pick<OfficeSettingsKv, 'watch'>,
    private readonly logger: Logger,
    private readonly options: OfficeSettingsFollowerOptions = {},
  ) {}

  get(officeId: string): StoredOfficeSettings | undefined {
    return this.entries.get(officeId);
  }

  /**
   * Starts following and resolves once the settings stored now are in memory, or after
   * `initialWaitMs` (logged; the watch goes on trying). Never rejects: a service starts with its
   * configuration rather than not at all.
   */
  async start(): Promise<void> {
    let loaded!: () => void;
    const current = new Promise<void>((resolve) => (loaded = resolve));
    this.loop = this.follow(loaded);
    const waitMs = this.options.initialWaitMs ?? 10_000;
    const timedOut = await Promise.race([
      current.then(() => false),
      sleep(waitMs, true, { signal: this.stopping.signal }).catch(() => false),
    ]);
    if (timedOut)
      this.logger.warn(
        { waitMs },
        'office settings not loaded yet; configuration applies meanwhile',
      );
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.watching?.stop();
    await this.loop;
  }

  private async follow(loaded: () => void): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      try {
        const watch = await this.kv.watch();
        this.watching = watch;
        if (signal.aborted) watch.stop();
        void watch.current.then(loaded);
        for await (const { officeId, stored } of watch.changes) {
          if (stored) this.entries.set(officeId, stored);
          else this.entries.delete(officeId);
        }
        if (!signal.aborted) this.logger.warn('office settings watch ended; starting it again');
      } catch (err) {
        this.logger.warn({ err }, 'office settings watch failed; trying again');
      }
      await sleep(this.options.retryMs ?? 5_000, undefined, { signal }).catch(() => undefined);
    }
  }
}
