import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { retry, Semaphore, TimeoutError, withTimeout } from '../src/index.js';

describe('Semaphore', () => {
  it('never lets more than its size run at once, and runs everything', async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await sleep(Math.random() * 5);
          active--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot when the work throws', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('withTimeout', () => {
  it('passes a result that comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 100)).resolves.toBe(7);
  });

  it('fails with a TimeoutError when the work takes too long', async () => {
    await expect(withTimeout(sleep(200), 20)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('retry', () => {
  const transient = new Error('not now');
  const fatal = new Error('never');
  const options = {
    attempts: 4,
    baseDelayMs: 1,
    maxDelayMs: 4,
    retryable: (e: unknown) => e === transient,
  };

  it('tries again after a retryable failure until the work succeeds', async () => {
    const seen: number[] = [];
    const result = await retry(async (attempt) => {
      seen.push(attempt);
      if (attempt < 3) throw transient;
      return 'done';
    }, options);
    expect(result).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('throws the last failure once the attempts are used up', async () => {
    let calls = 0;
    await expect(
      retry(() => {
        calls++;
        return Promise.reject(transient);
      }, options),
    ).rejects.toBe(transient);
    expect(calls).toBe(4);
  });

  it('throws a failure that is not retryable at once', async () => {
    let calls = 0;
    await expect(
      retry(() => {
        calls++;
        return Promise.reject(fatal);
      }, options),
    ).rejects.toBe(fatal);
    expect(calls).toBe(1);
  });

  it('stops waiting when the signal aborts, with the last failure', async () => {
    const stopping = new AbortController();
    let calls = 0;
    const running = retry(
      () => {
        calls++;
        return Promise.reject(transient);
      },
      // Hours between attempts: only the abort can end this.
      { ...options, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, signal: stopping.signal },
    );
    await sleep(10);
    stopping.abort();
    await expect(running).rejects.toBe(transient);
    expect(calls).toBe(1);
  });
});
