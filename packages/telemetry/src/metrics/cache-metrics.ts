import { rejectUnknownDefinitionKeys } from './known-keys';
import type { BoundedCounter, MetricDefiner } from './types';

/** Options of {@link defineCacheMetrics}. */
export interface CacheMetricsOptions {
  /** First name segment, e.g. your service (`fasttodo`). */
  namespace: string;
  /** Middle segment; default `cache`. */
  subsystem?: string;
}

/** Cache counters labelled by cache name (`cache="todos"`); the names come from code, so they stay bounded. */
export interface CacheMetrics {
  hit(cache: string, count?: number): void;
  miss(cache: string, count?: number): void;
  eviction(cache: string, count?: number): void;
  readonly hits: BoundedCounter<'cache'>;
  readonly misses: BoundedCounter<'cache'>;
  readonly evictions: BoundedCounter<'cache'>;
}

/**
 * Defines `<namespace>_cache_hits_total`, `_misses_total` and `_evictions_total` (label `cache`).
 * Hit ratio in PromQL: `rate(x_cache_hits_total[5m]) / (rate(x_cache_hits_total[5m]) + rate(x_cache_misses_total[5m]))`.
 * @example
 * const cache = defineCacheMetrics(telemetry, { namespace: 'fasttodo' });
 * cache.hit('todos');
 */
export function defineCacheMetrics(definer: MetricDefiner, options: CacheMetricsOptions): CacheMetrics {
  rejectUnknownDefinitionKeys('defineCacheMetrics', options, ['namespace', 'subsystem']);
  const base = {
    namespace: options.namespace,
    subsystem: options.subsystem ?? 'cache',
    labelNames: ['cache'] as const,
  };
  const hits = definer.defineCounter({ ...base, name: 'hits', help: 'Cache lookups that found the entry.' });
  const misses = definer.defineCounter({
    ...base,
    name: 'misses',
    help: 'Cache lookups that did not find the entry.',
  });
  const evictions = definer.defineCounter({
    ...base,
    name: 'evictions',
    help: 'Entries removed to make room.',
  });
  return {
    hits,
    misses,
    evictions,
    hit: (cache, count = 1) => hits.inc(count, { cache }),
    miss: (cache, count = 1) => misses.inc(count, { cache }),
    eviction: (cache, count = 1) => evictions.inc(count, { cache }),
  };
}
