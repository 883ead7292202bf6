import type { Attributes } from '@opentelemetry/api';
import type { Redactor, RedactorOptions } from '@fasttodo/redact';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { transport as TransportStream } from 'winston';

/** Trace samplers, named as in `OTEL_TRACES_SAMPLER`. */
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** Where finished spans go, named as in `OTEL_TRACES_EXPORTER`. */
export type TraceExporterName = 'otlp' | 'console' | 'none';

/** Where metrics go, named as in `OTEL_METRICS_EXPORTER`. */
export type MetricsExporterName = 'prometheus' | 'otlp' | 'none';

/** Context propagators, named as in `OTEL_PROPAGATORS`. */
export type PropagatorName = 'tracecontext' | 'baggage';

/** OpenTelemetry internal (diag) log level, named as in `OTEL_LOG_LEVEL`. */
export type OtelLogLevel = 'none' | 'error' | 'warn' | 'info' | 'debug' | 'verbose' | 'all';

/** winston npm log levels. */
export type LogLevel = 'error' | 'warn' | 'info' | 'http' | 'verbose' | 'debug' | 'silly';

/** Keep-errors sampling: export traces the ratio rejected when their local root failed. */
export interface KeepErrorsOptions {
  /** Default `true`. */
  enabled?: boolean;
  /** Also keep traces whose local root took longer than this many milliseconds; default off. */
  keepSlowerThanMs?: number;
  /** At most this many undecided traces are buffered (least recently used evicted); default 256. */
  maxTraces?: number;
  /** At most this many spans are buffered per undecided trace (later ones dropped); default 64. */
  maxSpansPerTrace?: number;
}

/** Thresholds (milliseconds) above which a finished span writes one `slow operation` warning. */
export interface SlowSpanThresholds {
  /** SERVER spans (incoming requests); default 1000. */
  server?: number;
  /** CLIENT spans (outgoing calls); default 1000. */
  client?: number;
  /** INTERNAL spans; default off. */
  internal?: number;
  /** PRODUCER spans; default off. */
  producer?: number;
  /** CONSUMER spans; default 5000. */
  consumer?: number;
  /** Spans carrying `db.system.name` / `db.system` (any kind); default 500. */
  database?: number;
}

/** Trace pipeline options; each falls back to its `OTEL_*` variable, then to the default. */
export interface TracesOptions {
  /** `OTEL_TRACES_SAMPLER`; default `parentbased_traceidratio`. */
  sampler?: SamplerName;
  /** `OTEL_TRACES_SAMPLER_ARG`, 0..1; default 1.0 in development, 0.1 in production. */
  sampleRatio?: number;
  /** Keep error / 5xx (and optionally slow) traces the ratio rejected; `false` turns it off. */
  keepErrors?: boolean | KeepErrorsOptions;
  /** `OTEL_TRACES_EXPORTER`; default `otlp` when an endpoint is configured, else `none`. */
  exporter?: TraceExporterName;
  /** Full traces URL (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`). */
  endpoint?: string;
  /** Extra request headers for the collector (`OTEL_EXPORTER_OTLP_TRACES_HEADERS`, then `OTEL_EXPORTER_OTLP_HEADERS`); names must be HTTP tokens, values without CR/LF. */
  headers?: Record<string, string>;
  /** Per-export request timeout in ms (`OTEL_EXPORTER_OTLP_TRACES_TIMEOUT`, then `OTEL_EXPORTER_OTLP_TIMEOUT`); default 10000. */
  timeoutMs?: number;
  /** Bounded span queue (`OTEL_BSP_MAX_QUEUE_SIZE`); default 2048. Spans beyond it are dropped and counted. */
  maxQueueSize?: number;
  /** Spans per export request (`OTEL_BSP_MAX_EXPORT_BATCH_SIZE`); default 512, at most `maxQueueSize`. */
  maxExportBatchSize?: number;
  /** Delay between exports in ms (`OTEL_BSP_SCHEDULE_DELAY`); default 5000. */
  scheduledDelayMs?: number;
  /** Upper bound of one export in ms (`OTEL_BSP_EXPORT_TIMEOUT`); default 30000 (the request timeout applies first). */
  exportTimeoutMs?: number;
  /** `OTEL_PROPAGATORS`; default `['tracecontext', 'baggage']`. */
  propagators?: readonly PropagatorName[];
  /** Slow-operation warnings per span kind; `false` turns them off. */
  slowSpans?: false | SlowSpanThresholds;
}

/** Log pipeline options (winston); resolved here, built by the logging module. */
export interface LogsOptions {
  /** `LOG_LEVEL`; default `debug` in development, else `info`. */
  level?: LogLevel;
  /** `LOG_FORMAT`; default `pretty` in development, else `json`. */
  format?: 'json' | 'pretty';
  /** Replace the default stdout transport. */
  transports?: TransportStream[];
  /** Write records to this stream instead of stdout (tests, benchmarks). */
  stream?: NodeJS.WritableStream;
  /** `OTEL_LOGS_EXPORTER`: `otlp` also sends records to the collector; default `none`. */
  exporter?: 'otlp' | 'none';
  /** Logs URL (`OTEL_EXPORTER_OTLP_LOGS_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/logs`). */
  endpoint?: string;
  /** Extra request headers for the collector (`OTEL_EXPORTER_OTLP_LOGS_HEADERS`, then `OTEL_EXPORTER_OTLP_HEADERS`). */
  headers?: Record<string, string>;
  /** Per-export request timeout in ms (`OTEL_EXPORTER_OTLP_LOGS_TIMEOUT`, then `OTEL_EXPORTER_OTLP_TIMEOUT`); default 10000. */
  timeoutMs?: number;
}

/** Metrics options; resolved here, built by the metrics module. */
export interface MetricsOptions {
  /** `ENABLE_METRICS`; default `true`. */
  enabled?: boolean;
  /** Series cap per metric; default 2000. */
  seriesLimit?: number;
  /** Serve `GET /metrics` on a separate internal listener on this port (0 = any free port). */
  port?: number;
  /** Host of that listener; default `0.0.0.0`. */
  host?: string;
  /** Runtime gauges (event loop, GC, heap, CPU, RSS); default `true`. */
  runtimeMetrics?: boolean;
  /** Histogram buckets (seconds) for long operations: the LLM metric set, `buckets: 'long'`, `gen_ai.client.operation.duration`. */
  longBuckets?: readonly number[];
  /** `OTEL_METRICS_EXPORTER`: `prometheus` (default), `otlp`, both (`['prometheus', 'otlp']`) or `none`. */
  exporter?: MetricsExporterName | readonly MetricsExporterName[];
  /** OTLP metrics URL (`OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/metrics`). */
  endpoint?: string;
  /** Extra request headers for the collector (`OTEL_EXPORTER_OTLP_METRICS_HEADERS`, then `OTEL_EXPORTER_OTLP_HEADERS`). */
  headers?: Record<string, string>;
  /** Per-request timeout in ms (`OTEL_EXPORTER_OTLP_METRICS_TIMEOUT`, then `OTEL_EXPORTER_OTLP_TIMEOUT`); default 10000. */
  timeoutMs?: number;
  /** Time between pushes in ms (`OTEL_METRIC_EXPORT_INTERVAL`); default 60000. */
  exportIntervalMs?: number;
  /** Upper bound of one push in ms (`OTEL_METRIC_EXPORT_TIMEOUT`); default 30000, at most `exportIntervalMs`. */
  exportTimeoutMs?: number;
}

/**
 * Options of `startTelemetry`. Every field is optional; an option passed in code wins over its
 * environment variable, and an invalid option throws `TelemetryConfigError` naming it.
 */
export interface TelemetryOptions {
  /** `service.name` (`OTEL_SERVICE_NAME`); default `unknown_service:node`. */
  serviceName?: string;
  /** `service.version`; default the `service.version` resource attribute or `npm_package_version`. */
  serviceVersion?: string;
  /** `service.namespace`. */
  serviceNamespace?: string;
  /** `deployment.environment.name` (`ENVIRONMENT`, then `NODE_ENV`); default `development`. */
  environment?: string;
  /** Extra resource attributes, merged over `OTEL_RESOURCE_ATTRIBUTES`. */
  resourceAttributes?: Attributes;
  /** `OTEL_SDK_DISABLED`: no-op tracer and meter; the logger still writes. Default `false`. */
  disabled?: boolean;
  /** Trace pipeline. */
  traces?: TracesOptions;
  /** Logger. */
  logs?: LogsOptions;
  /** Metrics. */
  metrics?: MetricsOptions;
  /** `OTEL_LOG_LEVEL`: OpenTelemetry's own diagnostics, written to the logger; default `warn`. */
  otelLogLevel?: OtelLogLevel;
  /** A redactor or its options; used for spans and logs. Default `createRedactor()`. */
  redact?: Redactor | RedactorOptions;
  /** Instrumentations to register with the tracer and meter providers (pg, ioredis, undici, ...). */
  instrumentations?: readonly Instrumentation[];
  /** Upper bound of `shutdown()` in ms; default 5000. */
  shutdownTimeoutMs?: number;
  /** At most one dropped-spans warning per this many ms; default 60000. */
  warnIntervalMs?: number;
}
