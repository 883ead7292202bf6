import { TelemetryConfigError } from '../errors';
import type {
  KeepErrorsOptions,
  LogsOptions,
  MetricsOptions,
  SlowSpanThresholds,
  TelemetryOptions,
  TracesOptions,
} from '../options';

// Records (not arrays) so the compiler fails when an option is added to a type but not here.
const TOP: Record<keyof TelemetryOptions, true> = {
  serviceName: true,
  serviceVersion: true,
  serviceNamespace: true,
  environment: true,
  resourceAttributes: true,
  disabled: true,
  traces: true,
  logs: true,
  metrics: true,
  otelLogLevel: true,
  redact: true,
  instrumentations: true,
  shutdownTimeoutMs: true,
  warnIntervalMs: true,
};
const TRACES: Record<keyof TracesOptions, true> = {
  sampler: true,
  sampleRatio: true,
  keepErrors: true,
  exporter: true,
  endpoint: true,
  headers: true,
  timeoutMs: true,
  maxQueueSize: true,
  maxExportBatchSize: true,
  scheduledDelayMs: true,
  exportTimeoutMs: true,
  propagators: true,
  slowSpans: true,
};
const LOGS: Record<keyof LogsOptions, true> = {
  level: true,
  format: true,
  transports: true,
  stream: true,
  exporter: true,
  endpoint: true,
  headers: true,
  timeoutMs: true,
};
const METRICS: Record<keyof MetricsOptions, true> = {
  enabled: true,
  seriesLimit: true,
  port: true,
  host: true,
  runtimeMetrics: true,
  longBuckets: true,
  exporter: true,
  endpoint: true,
  headers: true,
  timeoutMs: true,
  exportIntervalMs: true,
  exportTimeoutMs: true,
};
const KEEP_ERRORS: Record<keyof KeepErrorsOptions, true> = {
  enabled: true,
  keepSlowerThanMs: true,
  maxTraces: true,
  maxSpansPerTrace: true,
};
const SLOW_SPANS: Record<keyof SlowSpanThresholds, true> = {
  server: true,
  client: true,
  internal: true,
  producer: true,
  consumer: true,
  database: true,
};

/** Known keys per option group; `''` is the top level. */
export const KNOWN_KEYS = {
  '': TOP,
  traces: TRACES,
  logs: LOGS,
  metrics: METRICS,
  'traces.keepErrors': KEEP_ERRORS,
  'traces.slowSpans': SLOW_SPANS,
} as const;

/** Throw `TelemetryConfigError` for the first key of `value` that `group` does not know (a typo). */
export function rejectUnknownKeys(group: keyof typeof KNOWN_KEYS, value: object): void {
  const known: Record<string, true> = KNOWN_KEYS[group];
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(known, key)) continue;
    const option = group ? `${group}.${key}` : key;
    throw new TelemetryConfigError(option, `a known option (${Object.keys(known).join(', ')})`, key);
  }
}
