/**
 * Semantic-convention buckets (seconds) for `http.server.request.duration`.
 * @example meter.createHistogram('x', { unit: 's', advice: { explicitBucketBoundaries: [...HTTP_SERVER_DURATION_BUCKETS] } })
 */
export const HTTP_SERVER_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
]);

/**
 * Buckets (seconds) for long operations such as LLM calls or batch jobs: 100 ms up to 5 minutes.
 * @example defineHistogram({ namespace: 'app', name: 'completion_duration', unit: 'seconds', help: '...', buckets: LONG_LATENCY_BUCKETS })
 */
export const LONG_LATENCY_BUCKETS: readonly number[] = Object.freeze([
  0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 90, 120, 180, 240, 300,
]);

/** True when `buckets` is a non-empty, strictly increasing list of finite numbers. */
export function isValidBucketList(buckets: readonly unknown[]): buckets is readonly number[] {
  if (buckets.length === 0) return false;
  let previous = Number.NEGATIVE_INFINITY;
  for (const bound of buckets) {
    if (typeof bound !== 'number' || !Number.isFinite(bound) || bound <= previous) return false;
    previous = bound;
  }
  return true;
}
