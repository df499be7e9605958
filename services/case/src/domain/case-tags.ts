/** Tags are officers' labels ("bpjs", "bank", "lansia"): few, short, each once. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 32;

export type TagProblem = 'TOO_MANY_TAGS' | 'TAG_TOO_LONG';

/**
 * Trimmed, inner spaces collapsed, empty ones dropped, repeats (case aside) kept once, in the
 * order given. Returns the problem instead when the list breaks a limit.
 */
export function normalizeTags(tags: readonly string[]): string[] | TagProblem {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag) continue;
    if (tag.length > MAX_TAG_LENGTH) return 'TAG_TOO_LONG';
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.length > MAX_TAGS ? 'TOO_MANY_TAGS' : out;
}

/** Whether `tags` holds `tag`, case aside (the list filter). */
export const hasTag = (tags: readonly string[], tag: string) =>
  tags.some((t) => t.toLowerCase() === tag.trim().toLowerCase());
