/**
 * Median and p90 computed in code (FerretDB v1 has no $percentile, architecture §5): statistics
 * collect the durations stored per case in service minutes when each clock stopped and rank
 * them here. Nearest-rank percentiles.
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: readonly number[]): {
  sampleSize: number;
  median: number;
  p90: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  return { sampleSize: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}
