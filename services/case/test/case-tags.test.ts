import { describe, expect, it } from 'vitest';
import { hasTag, MAX_TAGS, normalizeTags } from '../src/domain/case-tags.js';

describe('case tags', () => {
  it('trims, collapses spaces, drops empty ones and keeps the first of repeats, case aside', () => {
    expect(normalizeTags(['  BPJS ', 'bpjs', '', 'lansia   sakit', 'Lansia  Sakit'])).toEqual([
      'BPJS',
      'lansia sakit',
    ]);
  });

  it('refuses too many tags or a tag too long', () => {
    const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag-${i}`);
    expect(normalizeTags(many)).toBe('TOO_MANY_TAGS');
    // Repeats do not count against the limit.
    expect(normalizeTags([...many.slice(0, MAX_TAGS), 'TAG-0'])).toHaveLength(MAX_TAGS);
    expect(normalizeTags(['x'.repeat(33)])).toBe('TAG_TOO_LONG');
  });

  it('finds a tag whatever its case', () => {
    expect(hasTag(['BPJS', 'bank'], 'bpjs')).toBe(true);
    expect(hasTag(['BPJS', 'bank'], ' Bank ')).toBe(true);
    expect(hasTag(['BPJS'], 'bpj')).toBe(false);
  });
});
