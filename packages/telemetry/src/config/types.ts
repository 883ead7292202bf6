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
} from '../options';
import type { MetricsConfig } from '../metrics/types';
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

/** Metrics, resolved: exactly what the metrics part is built from. */
export type ResolvedMetrics = MetricsConfig;

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
