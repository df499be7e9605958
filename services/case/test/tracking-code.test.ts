import { describe, expect, it } from 'vitest';
import {
  allocateTrackingCode,
  generateTrackingCode,
  isTrackingCode,
  looksLikeTrackingCode,
  normalizeTrackingCode,
} from '../src/domain/tracking-code.js';

describe('tracking codes', () => {
  it('100 000 allocated codes are unique, well-formed and free of 0/O/1/I/L', async () => {
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
    for (let i = 0; i < 100_000; i++) {
      const code = await allocateTrackingCode(claim);
      expect(code).toBeDefined();
      codes.push(code!);
    }
    expect(new Set(codes).size).toBe(100_000);
    for (const code of codes) {
      expect(code).toMatch(/^PDW-[A-Z2-9]{6}$/);
      expect(code.slice(4)).not.toMatch(/[0O1IL]/);
      expect(isTrackingCode(code)).toBe(true);
    }
    // Raw draws do repeat now and then (birthday bound ≈ 5.6 per 100 000); never many.
    expect(redraws).toBeLessThan(40);
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
