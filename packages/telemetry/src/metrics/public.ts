// Public surface of the metrics part; src/index.ts re-exports these names.
export { HTTP_SERVER_DURATION_BUCKETS, LONG_LATENCY_BUCKETS } from './buckets';
export { defineCacheMetrics } from './cache-metrics';
export { CIRCUIT_STATE_VALUES, defineCircuitBreakerMetrics } from './circuit-breaker-metrics';
export { FORBIDDEN_LABEL_NAMES } from './forbidden-labels';
export { MAX_LABEL_VALUE_LENGTH } from './labels';
export { PROMETHEUS_CONTENT_TYPE } from './prometheus-reader';
export { defineLlmMetrics } from './llm-metrics';
export type { CacheMetrics, CacheMetricsOptions } from './cache-metrics';
export type {
  CircuitBreakerMetrics,
  CircuitBreakerMetricsOptions,
  CircuitState,
} from './circuit-breaker-metrics';
export type { LlmCall, LlmMetrics, LlmMetricsOptions } from './llm-metrics';
export type {
  BoundedCounter,
  BoundedGauge,
  BoundedHistogram,
  CounterDefinition,
  GaugeDefinition,
  HistogramDefinition,
  LabelValue,
  Labels,
  MetricDefiner,
  MetricDefinition,
  MetricUnit,
} from './types';
