/**
 * The p-th percentile (0–100) of `values` by the nearest-rank method: the smallest value
 * with at least p% of the values at or below it. 0 for no values. Sorts a copy.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}
