import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecipientBuckets, SendWindow } from '../src/domain/send-window.js';

describe('SendWindow (throughput per phone number)', () => {
  it('never lets Meta see more than the limit in any one second, whatever each request takes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 50, maxLength: 400 }),
        fc.integer({ min: 1, max: 20 }),
        (latencies, limit) => {
          const window = new SendWindow(limit);
          // Simulated time: start each send as early as the window allows; Meta receives it at a
          // random point between leaving and answering.
          let now = 0;
          const inFlight: { end: number }[] = [];
          const arrivals: number[] = [];
          for (const latency of latencies) {
            for (;;) {
              inFlight.sort((a, b) => a.end - b.end);
              while (inFlight[0] && inFlight[0].end <= now) window.finish(inFlight.shift()!.end);
              const wait = window.tryStart(now);
              if (wait === 0) break;
              now = wait === Infinity ? inFlight[0]!.end : now + wait;
            }
            arrivals.push(now + Math.floor((latency * ((latency * 7919) % 100)) / 100));
            inFlight.push({ end: now + latency });
          }
          arrivals.sort((a, b) => a - b);
          for (let i = limit; i < arrivals.length; i++)
            expect(arrivals[i]! - arrivals[i - limit]!).toBeGreaterThanOrEqual(1000);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('frees a slot one second after the answer', () => {
    const w = new SendWindow(2);
    expect(w.tryStart(0)).toBe(0);
    expect(w.tryStart(0)).toBe(0);
    expect(w.tryStart(0)).toBe(Infinity);
    w.finish(100);
    expect(w.tryStart(100)).toBe(1000);
    expect(w.tryStart(1100)).toBe(0);
  });
});

describe('RecipientBuckets (pair rate limit)', () => {
  it('allows the burst, then one per interval', () => {
    const b = new RecipientBuckets(3, 0.5);
    expect([b.tryTake('a', 0), b.tryTake('a', 0), b.tryTake('a', 0)]).toEqual([0, 0, 0]);
    expect(b.tryTake('a', 0)).toBe(2000);
    expect(b.tryTake('b', 0)).toBe(0);
    expect(b.tryTake('a', 2000)).toBe(0);
  });
});
