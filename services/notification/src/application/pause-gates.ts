import { pause } from './waiting.js';

interface Paused {
  since: number;
  code: number;
  title: string;
  released: Promise<void>;
  release: () => void;
}

/**
 * Sending paused per business phone number after Meta refused its access token (190). While
 * paused, every send for the number waits before leaving (its command stays unacknowledged in
 * JetStream, the rest of the queue behind it); one send — the one that hit the 190 — is the
 * probe: it re-reads the token and tries again every probe interval, and its first success
 * resumes the number (architecture §3, "how fixed is detected").
 */
export class PauseGates {
  private readonly paused = new Map<string, Paused>();

  constructor(private readonly signal: AbortSignal) {}

  /** Pauses the number; true when the caller is now its probe (it was not paused before). */
  pause(phoneNumberId: string, code: number, title: string, now: number): boolean {
    if (this.paused.has(phoneNumberId)) return false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.paused.set(phoneNumberId, { since: now, code, title, released, release });
    return true;
  }

  /** True when the number was paused (the caller's probe succeeded). */
  resume(phoneNumberId: string): boolean {
    const p = this.paused.get(phoneNumberId);
    if (!p) return false;
    this.paused.delete(phoneNumberId);
    p.release();
    return true;
  }

  isPaused(phoneNumberId: string): boolean {
    return this.paused.has(phoneNumberId);
  }

  /** Waits while the number is paused (throws StoppingError if the service stops meanwhile). */
  async whenOpen(phoneNumberId: string): Promise<void> {
    for (;;) {
      const p = this.paused.get(phoneNumberId);
      if (!p) return;
      await Promise.race([p.released, pause(60_000, this.signal)]);
    }
  }

  /** Paused numbers and since when (for /metrics). */
  list(): { phoneNumberId: string; since: number; code: number }[] {
    return [...this.paused].map(([phoneNumberId, p]) => ({
      phoneNumberId,
      since: p.since,
      code: p.code,
    }));
  }
}
