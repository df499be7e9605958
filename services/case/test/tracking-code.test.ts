import { describe, expect, it } from 'vitest';
import {
  allocateTrackingCode,
  generateTrackingCode,
  isTrackingCode,
  looksLikeTrackingCode,
  normalizeTrackingCode,
} from '../src/domain/tracking-code.js';

describe('tracking codes', () => {
  // 20 000 codes rather than 100 000: the property (unique, well-formed, few redraws) is the
  // same, and the test no longer needs a fast machine to finish inside a timeout.
  it('20 000 allocated codes are unique, well-formed and free of 0/O/1/I/L', async () => {
    const count = 20_000;
    // The set stands in for the unique index: a taken code is refused and redrawn.
    const taken = new Set<string>();
    let redraws = 0;
    const claim = async (code: string) => {
      if (taken.has(code)) {
        redraws++;
        return undefined;
      }
      taken.add(code);
      return code;
    };
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const code = await allocateTrackingCode(claim);
      if (code === undefined) throw new Error('allocation gave up');
      codes.push(code);
    }
    expect(new Set(codes).size).toBe(count);
    const malformed = codes.filter(
      (code) => !/^PDW-[A-Z2-9]{6}$/.test(code) || /[0O1IL]/.test(code.slice(4)),
    );
    expect(malformed).toEqual([]);
    expect(codes.every(isTrackingCode)).toBe(true);
    // Raw draws repeat now and then (birthday bound ≈ 0.23 per 20 000); never many.
    expect(redraws).toBeLessThan(10);
  });

  it('redraws when a code is taken and gives up after its attempts', async () => {
    const draws = ['PDW-AAAAAA', 'PDW-AAAAAA', 'PDW-BBBBBB'];
    const taken = new Set(['PDW-AAAAAA']);
    const claim = async (code: string) => (taken.has(code) ? undefined : code);
    expect(await allocateTrackingCode(claim, 8, () => draws.shift()!)).toBe('PDW-BBBBBB');
    expect(await allocateTrackingCode(claim, 3, () => 'PDW-AAAAAA')).toBeUndefined();
  });

  it('uses every symbol of the alphabet (no symbol is starved by the draw)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const c of generateTrackingCode().slice(4)) seen.add(c);
    expect(seen.size).toBe(31);
  });

  it('normalizes what a citizen types', () => {
    expect(normalizeTrackingCode(' pdw-7k3m9q ')).toBe('PDW-7K3M9Q');
    expect(normalizeTrackingCode('7K3M9Q')).toBe('PDW-7K3M9Q');
    expect(looksLikeTrackingCode('pdw-7k')).toBe(true);
    expect(looksLikeTrackingCode('budi')).toBe(false);
  });
});
