const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The customer-service window: a business may send free-form messages to a user only within 24
 * hours of that user's last message; templates may be sent at any time.
 */
export class WindowTracker {
  private readonly lastInbound = new Map<string, number>();

  constructor(private readonly windowMs = DAY_MS) {}

  userWrote(phoneNumberId: string, waId: string, at: number): void {
    this.lastInbound.set(`${phoneNumberId}:${waId}`, at);
  }

  isOpen(phoneNumberId: string, waId: string, now: number): boolean {
    const last = this.lastInbound.get(`${phoneNumberId}:${waId}`);
    return last !== undefined && now - last < this.windowMs;
  }
}

/** Messages per second per business phone number (Cloud API default: 80). */
export class ThroughputLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly perSecond: number) {}

  /** Counts one message and says whether it fits in the last second's budget. */
  tryTake(phoneNumberId: string, now: number): boolean {
    // Stamps "from the future" (a test moved the clock back) no longer count.
    const stamps = (this.sent.get(phoneNumberId) ?? []).filter((t) => t <= now && now - t < 1000);
    const ok = stamps.length < this.perSecond;
    if (ok) stamps.push(now);
    this.sent.set(phoneNumberId, stamps);
    return ok;
  }
}
