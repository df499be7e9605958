import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../src/domain/percentile.js';

describe('percentiles', () => {
  it('uses nearest rank', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(summarize([30, 10, 20])).toEqual({ sampleSize: 3, median: 20, p90: 30 });
    expect(summarize([])).toEqual({ sampleSize: 0, median: 0, p90: 0 });
  });
});
