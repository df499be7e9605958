export interface RetryOptions {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** The wait after the first failure; it doubles after each, up to `maxDelayMs` (jittered). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Whether a failure may pass when tried again; any other is thrown at once. */
  retryable: (error: unknown) => boolean;
  /** Ends the waiting (a service stopping): the last failure is thrown. */
  signal?: AbortSignal;
}

/**
 * `fn` until it succeeds, with exponential backoff between attempts; the last failure is thrown
 * when the attempts are used up, when a failure is not `retryable`, or when `signal` aborts. For
 * calls that are safe to repeat: the caller decides which failures say "not now".
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error) || options.signal?.aborted)
        throw error;
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      // Half fixed, half random: many callers failing together do not retry together.
      await wait(cap / 2 + (Math.random() * cap) / 2, options.signal);
      if (options.signal?.aborted) throw error;
    }
  }
}

/** Sleeps `ms`, or less if `signal` aborts first. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
