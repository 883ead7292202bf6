export { startTelemetry } from './start-telemetry';
export { type ConfigPreview, resolveConfig } from './config/public';
export { MetricDefinitionError, TelemetryAlreadyStartedError, TelemetryConfigError } from './errors';
export type { Telemetry } from './telemetry';
export type {
  KeepErrorsOptions,
  LogLevel,
  LogsOptions,
  MetricsExporterName,
  MetricsOptions,
  OtelLogLevel,
  PropagatorName,
  SamplerName,
  SlowSpanThresholds,
  TelemetryOptions,
  TraceExporterName,
  TracesOptions,
} from './options';
export type { LogSettings, MetricSettings, TelemetrySettings, TraceSettings } from './config/settings';
export type { Env } from './config/types';
export {
  CIRCUIT_STATE_VALUES,
  defineCacheMetrics,
  defineCircuitBreakerMetrics,
  defineLlmMetrics,
  FORBIDDEN_LABEL_NAMES,
  HTTP_SERVER_DURATION_BUCKETS,
  LONG_LATENCY_BUCKETS,
  MAX_LABEL_VALUE_LENGTH,
  PROMETHEUS_CONTENT_TYPE,
} from './metrics/public';
export type {
  BoundedCounter,
  BoundedGauge,
  BoundedHistogram,
  CacheMetrics,
  CacheMetricsOptions,
  CircuitBreakerMetrics,
  CircuitBreakerMetricsOptions,
  CircuitState,
  CounterDefinition,
  GaugeDefinition,
  HistogramDefinition,
  LabelValue,
  Labels,
  LlmCall,
  LlmMetrics,
  LlmMetricsOptions,
  MetricDefiner,
  MetricDefinition,
  MetricUnit,
} from './metrics/public';
export { bindLogContext, withLogContext } from './logs/public';
export type { LogContext } from './logs/public';
export {
  createHttpObservability,
  DEFAULT_SCRAPE_NETWORKS,
  ERROR_TYPE_ABORTED,
  requestInfo,
  setUser,
} from './http/public';
export type {
  ClientAddressMode,
  HealthEndpointOptions,
  HealthProbes,
  HttpObservability,
  HttpObservabilityOptions,
  HttpResponse,
  HttpTelemetry,
  MetricsEndpointOptions,
  ObservedRequest,
  ProbeResult,
  RequestEnd,
  RequestHeaders,
  RequestInfo,
} from './http/public';
