import { createNoopMeter } from '@opentelemetry/api';
import type { MeterProvider as ApiMeterProvider } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { type MetricReader, MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Redactor } from '@fasttodo/redact';
import { createAttributeBounder } from './bounded-attributes';
import { LONG_LATENCY_BUCKETS } from './buckets';
import { capMeterProvider } from './capped-meter';
import { createMetricDefiner } from './define';
import { createLabelBounder } from './labels';
import { startMetricsServer } from './metrics-server';
import type { MetricsServer } from './metrics-server';
import { createOtlpPushReader } from './otlp-push';
import { PrometheusTextReader } from './prometheus-reader';
import { startRuntimeMetrics } from './runtime-metrics';
import type { StopRuntimeMetrics } from './runtime-metrics';
import type { ResolvedMetrics } from '../config/types';
import type { Metrics } from './types';
import type { Warn } from '../shared/warn';
import { buildViews } from './views';

/** Instrumentation scope of the SDK's own meter (business metrics, process metrics). */
export const METER_SCOPE = '@fasttodo/telemetry';
const DEFAULT_HOST = '0.0.0.0';

function disabledMetrics(warn: Warn, longBuckets: readonly number[]): Metrics {
  const meter = createNoopMeter();
  const meterProvider: ApiMeterProvider = { getMeter: () => meter };
  return {
    meterProvider,
    meter,
    metricsText: async () => '',
    ...createMetricDefiner(meter, warn, longBuckets),
    metricsServerAddress: async () => undefined,
    shutdown: async () => {},
  };
}

interface Readers {
  prometheus?: PrometheusTextReader;
  all: MetricReader[];
}

function buildReaders(config: ResolvedMetrics, warn: Warn): Readers {
  const exporters = config.exporters ?? ['prometheus'];
  const prometheus = exporters.includes('prometheus')
    ? new PrometheusTextReader(config.seriesLimit, warn)
    : undefined;
  const push =
    exporters.includes('otlp') && config.otlp
      ? createOtlpPushReader(config.otlp, config.seriesLimit, warn)
      : undefined;
  const all: MetricReader[] = [];
  if (prometheus) all.push(prometheus);
  if (push) all.push(push);
  return prometheus ? { prometheus, all } : { all };
}

function startListener(
  config: ResolvedMetrics,
  prometheus: PrometheusTextReader | undefined,
  render: () => Promise<string>,
  warn: Warn,
): MetricsServer | undefined {
  if (config.port === undefined) return undefined;
  if (!prometheus) {
    warn('metrics listener not started: the prometheus exporter is off', { port: config.port });
    return undefined;
  }
  return startMetricsServer(config.port, config.host ?? DEFAULT_HOST, render, warn);
}

/**
 * Builds the metrics pipeline: a MeterProvider read by the Prometheus text reader and/or pushed over
 * OTLP/HTTP (series cap, views, label bounding on every synchronous instrument), runtime metrics,
 * business-metric definers and the optional internal listener. No exporter → no-op meter.
 * @example
 * const metrics = createMetrics({ enabled: true, seriesLimit: 2000, runtimeMetrics: true }, resource, console.warn);
 * const text = await metrics.metricsText();
 */
export function createMetrics(
  config: ResolvedMetrics,
  resource: Resource,
  warn: Warn,
  redactor?: Redactor,
): Metrics {
  const longBuckets = config.longBuckets ?? LONG_LATENCY_BUCKETS;
  if (!config.enabled || config.exporters?.length === 0) return disabledMetrics(warn, longBuckets);
  const readers = buildReaders(config, warn);
  const sdkProvider = new MeterProvider({ resource, readers: readers.all, views: buildViews(config) });
  const bound = createAttributeBounder(createLabelBounder(redactor), warn);
  const meterProvider = capMeterProvider(sdkProvider, config.seriesLimit, bound);
  const meter = meterProvider.getMeter(METER_SCOPE);
  const stopRuntime: StopRuntimeMetrics | undefined = config.runtimeMetrics
    ? startRuntimeMetrics(meterProvider, METER_SCOPE)
    : undefined;
  let closed = false;
  const metricsText = async (): Promise<string> => {
    if (closed || !readers.prometheus) return '';
    try {
      return await readers.prometheus.render();
    } catch (error) {
      warn('metrics collection failed', { error: error instanceof Error ? error.message : String(error) });
      return '';
    }
  };
  const server = startListener(config, readers.prometheus, metricsText, warn);
  return {
    meterProvider,
    meter,
    metricsText,
    ...createMetricDefiner(meter, warn, longBuckets),
    metricsServerAddress: async () => server?.address,
    async shutdown() {
      if (closed) return;
      closed = true;
      stopRuntime?.();
      await server?.close();
      // Flushes the last OTLP push (bounded by its export timeout); never rejects.
      await sdkProvider.shutdown().catch((error: unknown) => {
        warn('meter provider shutdown failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      });
    },
  };
}
