import { TelemetryConfigError } from '../errors';
import type { MetricsOptions, MetricsExporterName } from '../options';
import type { ResolvedOtlpMetrics } from './types';
import { DEFAULTS } from './defaults';
import type { EnvReader } from './env';
import { resolveOtlpExport } from './otlp-export';
import { optArray, optInt, optOneOf } from './validate';

type Pushing = Exclude<MetricsExporterName, 'none'>;
const NAMES: readonly MetricsExporterName[] = ['prometheus', 'otlp', 'none'];
const LOCAL_COLLECTOR = 'http://localhost:4318/v1/metrics';

function fromOption(value: unknown): Pushing[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : optArray('metrics.exporter', value);
  const names = (list ?? []).map((v, i) =>
    optOneOf(Array.isArray(value) ? `metrics.exporter[${i}]` : 'metrics.exporter', v, NAMES),
  );
  if (names.includes('none') && names.length > 1)
    throw new TelemetryConfigError('metrics.exporter', '"none" alone or a list without "none"', value);
  return [...new Set(names.filter((n): n is Pushing => n !== 'none'))];
}

/** `metrics.exporter` over `OTEL_METRICS_EXPORTER` (comma-separated; `none` = no reader) over `prometheus`. */
export function resolveMetricExporters(o: MetricsOptions, env: EnvReader): Pushing[] {
  const option = fromOption(o.exporter);
  if (option) return option;
  const fallback = DEFAULTS.metricExporters.join(',');
  const fromEnv = env.list('OTEL_METRICS_EXPORTER', NAMES, fallback);
  if (!fromEnv) return [...DEFAULTS.metricExporters];
  return fromEnv.filter((n): n is Pushing => n !== 'none');
}

function resolveExportTimeout(o: MetricsOptions, env: EnvReader, intervalMs: number): number {
  const option = optInt('metrics.exportTimeoutMs', o.exportTimeoutMs, 1);
  if (option !== undefined && option > intervalMs)
    throw new TelemetryConfigError(
      'metrics.exportTimeoutMs',
      `at most exportIntervalMs (${intervalMs})`,
      option,
    );
  const fallback = DEFAULTS.metricExportTimeoutMs;
  const fromEnv = env.integer('OTEL_METRIC_EXPORT_TIMEOUT', 1, String(fallback));
  // The SDK rejects a push timeout longer than the interval; clamp what the environment asks for.
  return option ?? Math.min(fromEnv ?? fallback, intervalMs);
}

/** OTLP/HTTP metrics push settings from `options.metrics` over the `OTEL_*` metrics variables over defaults. */
export function resolveOtlpMetrics(o: MetricsOptions, env: EnvReader): ResolvedOtlpMetrics {
  const intervalMs =
    optInt('metrics.exportIntervalMs', o.exportIntervalMs, 1) ??
    env.integer('OTEL_METRIC_EXPORT_INTERVAL', 1, String(DEFAULTS.metricExportIntervalMs)) ??
    DEFAULTS.metricExportIntervalMs;
  const { endpoint = LOCAL_COLLECTOR, headers, timeoutMs } = resolveOtlpExport('metrics', o, env);
  return {
    endpoint,
    headers,
    timeoutMs,
    intervalMs,
    exportTimeoutMs: resolveExportTimeout(o, env, intervalMs),
  };
}
