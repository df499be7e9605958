import { RecipientBuckets, SendWindow } from '../domain/send-window.js';
import { pause } from './waiting.js';

/**
 * Meta's throughput limit per business phone number (`SendWindow`): `start()` waits for a slot,
 * the returned function gives it back when Meta has answered.
 */
export class ThroughputGate {
  private readonly windows = new Map<string, SendWindow>();
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
    private readonly signal: AbortSignal,
  ) {}

  async start(phoneNumberId: string): Promise<() => void> {
    let window = this.windows.get(phoneNumberId);
    if (!window) this.windows.set(phoneNumberId, (window = new SendWindow(this.perSecond)));
    for (;;) {
      const wait = window.tryStart(this.now());
      if (wait === 0) break;
      if (wait === Infinity) await this.nextFinish();
      else await pause(Math.min(wait, 250), this.signal);
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      window.finish(this.now());
      for (const wake of [...this.waiters]) wake();
    };
  }

  /** Sends counted against the last second, per number (for /metrics). */
  counted(): Record<string, number> {
    return Object.fromEntries([...this.windows].map(([k, w]) => [k, w.counted]));
  }

  private nextFinish(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      this.waiters.add(wake);
      // Also wakes up on its own: a stopping service, or a finish that raced our wait.
      const timer = setTimeout(wake, 250);
    });
  }
}

/** Pacing per recipient under Meta's pair rate limit (131056). */
export class RecipientPacer {
  private readonly buckets: RecipientBuckets;

  constructor(
    burst: number,
    perSecond: number,
    private readonly now: () => number,
    private readonly signal: AbortSignal,
  ) {
    this.buckets = new RecipientBuckets(burst, perSecond);
  }

  async take(recipientKey: string): Promise<void> {
    for (;;) {
      const wait = this.buckets.tryTake(recipientKey, this.now());
      if (wait === 0) return;
      await pause(Math.min(wait, 1000), this.signal);
    }
  }
}
