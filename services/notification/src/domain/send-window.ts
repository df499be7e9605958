/**
 * How many sends one business phone number may have started, so that Meta never sees more than
 * `limit` in any one second (its throughput limit, 130429).
 *
 * Why not a plain token bucket: a bucket of 80 tokens refilled at 80/s lets 160 requests through
 * in one sliding second (a full bucket, then a second's refill), and the requests' travel time
 * shifts them again. Here a send counts from the moment it leaves until one second after its
 * answer came back. Meta received it somewhere in between, so any second on Meta's clock that
 * holds N of our sends saw all N counted at once on ours: N never exceeds the limit, however
 * slow or jittery the network. The cost is a little throughput (80 / (1 s + latency)).
 */
export class SendWindow {
  private inFlight = 0;
  /** Answer times of finished sends still inside the last second, oldest first. */
  private finishedAt: number[] = [];

  constructor(
    readonly limit: number,
    private readonly spanMs = 1000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be >= 1');
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.finishedAt.length && this.finishedAt[drop]! <= now - this.spanMs) drop++;
    if (drop > 0) this.finishedAt.splice(0, drop);
  }

  /**
   * Takes a slot and returns 0, or returns how long to wait before asking again (Infinity when
   * every slot is a send still in flight: ask again when one finishes).
   */
  tryStart(now: number): number {
    this.forget(now);
    if (this.inFlight + this.finishedAt.length < this.limit) {
      this.inFlight++;
      return 0;
    }
    const oldest = this.finishedAt[0];
    return oldest === undefined ? Infinity : Math.max(1, oldest + this.spanMs - now);
  }

  /** The send's answer came back (or it failed) at `now`. */
  finish(now: number): void {
    if (this.inFlight > 0) this.inFlight--;
    this.forget(now);
    this.finishedAt.push(now);
  }

  get counted(): number {
    return this.inFlight + this.finishedAt.length;
  }
}

/**
 * Pacing per recipient, under Meta's pair rate limit (131056: too many messages to one user in a
 * short time): a token bucket of `burst` messages refilled at `perSecond`.
 */
export class RecipientBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    /** Bound on remembered recipients; full (idle) buckets are forgotten first. */
    private readonly maxEntries = 50_000,
  ) {}

  /** Takes a token and returns 0, or returns how long until one is there. */
  tryTake(key: string, now: number): number {
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      if (this.buckets.size > this.maxEntries) this.prune(now);
      return 0;
    }
    this.buckets.set(key, bucket);
    return Math.max(1, Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000));
  }

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.burst, at: now };
    const elapsed = Math.max(0, now - b.at) / 1000;
    return { tokens: Math.min(this.burst, b.tokens + elapsed * this.perSecond), at: now };
  }

  private prune(now: number): void {
    for (const [key] of this.buckets) {
      if (this.refilled(key, now).tokens >= this.burst) this.buckets.delete(key);
    }
  }
}
