import { TelemetryConfigError } from '../errors';
import type { LogLevel, LogsOptions, MetricsOptions } from '../options';
import { DEFAULTS, isDevelopment } from './defaults';
import type { EnvReader } from './env';
import { rejectUnknownKeys } from './known-keys';
import { resolveOtlpExport } from './otlp-export';
import { resolveMetricExporters, resolveOtlpMetrics } from './resolve-metrics-export';
import type { ResolvedLogs, ResolvedMetrics } from './types';
import { optArray, optBool, optBuckets, optInt, optObject, optOneOf, optString } from './validate';

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];
const LOG_FORMATS = ['json', 'pretty'] as const;
const LOG_EXPORTERS = ['otlp', 'none'] as const;

const LOCAL_COLLECTOR = 'http://localhost:4318/v1/logs';

function isTransport(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { on?: unknown }).on === 'function' &&
    (typeof (value as { log?: unknown }).log === 'function' ||
      typeof (value as { write?: unknown }).write === 'function')
  );
}

function optTransports(value: unknown): ResolvedLogs['transports'] {
  const list = optArray('logs.transports', value);
  list?.forEach((item, i) => {
    if (!isTransport(item))
      throw new TelemetryConfigError(`logs.transports[${i}]`, 'a winston transport', item);
  });
  return list as ResolvedLogs['transports'];
}

function optStream(value: unknown): NodeJS.WritableStream | undefined {
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'object' && value !== null && typeof (value as { write?: unknown }).write === 'function';
  if (ok) return value as NodeJS.WritableStream;
  throw new TelemetryConfigError('logs.stream', 'a writable stream', value);
}

/**
 * Logger settings from `options.logs` over `LOG_LEVEL`, `LOG_FORMAT`, `OTEL_LOGS_EXPORTER` and
 * `OTEL_EXPORTER_OTLP_LOGS_*` over defaults.
 */
export function resolveLogs(value: unknown, env: EnvReader, environment: string): ResolvedLogs {
  const o = (optObject('logs', value) ?? {}) as LogsOptions;
  rejectUnknownKeys('logs', o);
  const dev = isDevelopment(environment);
  const levelDefault: LogLevel = dev ? 'debug' : 'info';
  const formatDefault = dev ? 'pretty' : 'json';
  const exporter =
    optOneOf('logs.exporter', o.exporter, LOG_EXPORTERS) ??
    env.oneOf('OTEL_LOGS_EXPORTER', LOG_EXPORTERS, 'none');
  const resolved: ResolvedLogs = {
    level:
      optOneOf('logs.level', o.level, LOG_LEVELS) ??
      env.oneOf('LOG_LEVEL', LOG_LEVELS, levelDefault) ??
      levelDefault,
    format:
      optOneOf('logs.format', o.format, LOG_FORMATS) ??
      env.oneOf('LOG_FORMAT', LOG_FORMATS, formatDefault) ??
      formatDefault,
    exporter: exporter ?? 'none',
  };
  // Resolved (and validated) even when logs stay local, as the traces' export settings are.
  const otlp = resolveOtlpExport('logs', o, env);
  if (resolved.exporter === 'otlp') {
    resolved.endpoint = otlp.endpoint ?? LOCAL_COLLECTOR;
    resolved.headers = otlp.headers;
    resolved.timeoutMs = otlp.timeoutMs;
  }
  const transports = optTransports(o.transports);
  if (transports) resolved.transports = transports;
  const stream = optStream(o.stream);
  if (stream) resolved.stream = stream;
  return resolved;
}

/** Metrics settings from `options.metrics` over `ENABLE_METRICS` and `OTEL_METRIC*` variables over defaults. */
export function resolveMetrics(value: unknown, env: EnvReader): ResolvedMetrics {
  const o = (optObject('metrics', value) ?? {}) as MetricsOptions;
  rejectUnknownKeys('metrics', o);
  const resolved: ResolvedMetrics = {
    enabled: optBool('metrics.enabled', o.enabled) ?? env.bool('ENABLE_METRICS', 'true') ?? true,
    seriesLimit: optInt('metrics.seriesLimit', o.seriesLimit, 1) ?? DEFAULTS.seriesLimit,
    runtimeMetrics: optBool('metrics.runtimeMetrics', o.runtimeMetrics) ?? true,
  };
  const port = optInt('metrics.port', o.port, 0, 65535);
  if (port !== undefined) resolved.port = port;
  const host = optString('metrics.host', o.host);
  if (host !== undefined) resolved.host = host;
  const longBuckets = optBuckets('metrics.longBuckets', o.longBuckets);
  if (longBuckets) resolved.longBuckets = longBuckets;
  resolved.exporters = resolveMetricExporters(o, env);
  if (resolved.exporters.includes('otlp')) resolved.otlp = resolveOtlpMetrics(o, env);
  return resolved;
}
