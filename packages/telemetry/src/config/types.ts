import type { Redactor } from '@fasttodo/redact';
import type { Attributes } from '@opentelemetry/api';
import type {
  LogLevel,
  LogsOptions,
  OtelLogLevel,
  PropagatorName,
  SamplerName,
  SlowSpanThresholds,
  TraceExporterName,
  MetricsExporterName,
} from '../options';
import type { InstrumentationList } from './runtime-options';

/** Slow-operation thresholds in ms per span kind, defaults filled in; `undefined` means no warning for that kind. */
export type ResolvedSlowSpans = SlowSpanThresholds;

/** Keep-errors sampling, resolved. */
export interface ResolvedKeepErrors {
  enabled: boolean;
  keepSlowerThanMs?: number;
  maxTraces: number;
  maxSpansPerTrace: number;
}

/** Trace pipeline, resolved. */
export interface ResolvedTraces {
  sampler: SamplerName;
  sampleRatio: number;
  keepErrors: ResolvedKeepErrors;
  exporter: TraceExporterName;
  endpoint?: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMs: number;
  exportTimeoutMs: number;
  propagators: readonly PropagatorName[];
  slowSpans: ResolvedSlowSpans | false;
}

/** Logger, resolved (the logging module turns this into winston). */
export interface ResolvedLogs {
  level: LogLevel;
  format: 'json' | 'pretty';
  exporter: 'otlp' | 'none';
  /** Set when `exporter` is `otlp`. */
  endpoint?: string;
  /** Set when `exporter` is `otlp`. */
  headers?: Record<string, string>;
  /** Set when `exporter` is `otlp`. */
  timeoutMs?: number;
  transports?: LogsOptions['transports'];
  stream?: NodeJS.WritableStream;
}

/** OTLP/HTTP metrics push, resolved (`OTEL_EXPORTER_OTLP_METRICS_*`, `OTEL_METRIC_EXPORT_*`). */
export interface ResolvedOtlpMetrics {
  /** Full metrics URL, e.g. `http://collector:4318/v1/metrics`. */
  endpoint: string;
  /** Extra request headers (authentication); never logged. */
  headers: Record<string, string>;
  /** Timeout of one HTTP request in ms. */
  timeoutMs: number;
  /** Time between two pushes in ms (`OTEL_METRIC_EXPORT_INTERVAL`). */
  intervalMs: number;
  /** Upper bound of one push, retries included, in ms (`OTEL_METRIC_EXPORT_TIMEOUT`); at most `intervalMs`. */
  exportTimeoutMs: number;
}

/** Metrics, resolved: exactly what the metrics part is built from. */
export interface ResolvedMetrics {
  /** `false` → no-op meter, `metricsText()` returns `''`, no listener, no runtime metrics. */
  enabled: boolean;
  /** Series cap per metric (OpenTelemetry `aggregationCardinalityLimit`); default 2000. */
  seriesLimit: number;
  /** When set, a separate internal listener serves `GET /metrics` on this port (0 = any free port). */
  port?: number;
  /** Host of the separate listener; default `'0.0.0.0'` so a Prometheus scraper in the pod network can reach it. */
  host?: string;
  /** Event-loop delay, GC, heap, CPU and RSS gauges; default true. */
  runtimeMetrics: boolean;
  /** Histogram buckets (seconds) for long operations such as LLM calls; default `LONG_LATENCY_BUCKETS`. */
  longBuckets?: readonly number[];
  /** Where metrics go: `prometheus` (pull, `metricsText()`), `otlp` (push), both, or none (empty). Default `['prometheus']`. */
  exporters?: readonly Exclude<MetricsExporterName, 'none'>[];
  /** Push settings; required when `exporters` includes `otlp`. */
  otlp?: ResolvedOtlpMetrics;
}

/** Everything `startTelemetry` runs with: options merged over environment variables merged over defaults. */
export interface ResolvedConfig {
  disabled: boolean;
  serviceName: string;
  serviceVersion?: string;
  serviceNamespace?: string;
  environment: string;
  /** Attributes from `OTEL_RESOURCE_ATTRIBUTES` and `resourceAttributes` (options win). */
  resourceAttributes: Attributes;
  traces: ResolvedTraces;
  logs: ResolvedLogs;
  metrics: ResolvedMetrics;
  otelLogLevel: OtelLogLevel;
  shutdownTimeoutMs: number;
  warnIntervalMs: number;
}

/** Result of {@link resolveConfig}: the config, one (redacted) warning per invalid environment value, and the redactor. */
export interface ConfigResolution {
  config: ResolvedConfig;
  warnings: string[];
  /** The compiled `redact` option (or the Redactor given). */
  redactor: Redactor;
  /** The validated `instrumentations` option. */
  instrumentations: InstrumentationList;
}

/** The environment as a plain object (`process.env` or a test fixture). */
export type Env = Readonly<Record<string, string | undefined>>;
