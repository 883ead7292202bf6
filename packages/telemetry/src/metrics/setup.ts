import { createNoopMeter } from '@opentelemetry/api';
import type { MeterProvider as ApiMeterProvider } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Redactor } from '@fasttodo/redact';
import { TelemetryConfigError } from '../errors';
import { isValidBucketList } from './buckets';
import { capMeterProvider } from './capped-meter';
import { createMetricDefiner } from './define';
import { createLabelBounder } from './labels';
import { startMetricsServer } from './metrics-server';
import type { MetricsServer } from './metrics-server';
import { PrometheusTextReader } from './prometheus-reader';
import { startRuntimeMetrics } from './runtime-metrics';
import type { StopRuntimeMetrics } from './runtime-metrics';
import type { Metrics, MetricsConfig, WarnFn } from './types';
import { buildViews } from './views';

/** Instrumentation scope of the SDK's own meter (business metrics, process metrics). */
export const METER_SCOPE = '@fasttodo/telemetry';
const DEFAULT_HOST = '0.0.0.0';

function validateConfig(config: MetricsConfig): void {
  const { seriesLimit, port, host, longBuckets } = config;
  if (!Number.isInteger(seriesLimit) || seriesLimit < 1) {
    throw new TelemetryConfigError('metrics.seriesLimit', 'an integer >= 1', seriesLimit);
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new TelemetryConfigError('metrics.port', 'an integer port between 0 and 65535', port);
  }
  if (host !== undefined && (typeof host !== 'string' || host === '')) {
    throw new TelemetryConfigError('metrics.host', 'a non-empty host name or address', host);
  }
  if (longBuckets !== undefined && (!Array.isArray(longBuckets) || !isValidBucketList(longBuckets))) {
    throw new TelemetryConfigError(
      'metrics.longBuckets',
      'a strictly increasing list of finite numbers',
      longBuckets,
    );
  }
}

function disabledMetrics(warn: WarnFn, redactor?: Redactor): Metrics {
  const meter = createNoopMeter();
  const meterProvider: ApiMeterProvider = { getMeter: () => meter };
  return {
    meterProvider,
    meter,
    metricsText: async () => '',
    ...createMetricDefiner(meter, createLabelBounder(redactor), warn),
    metricsServerAddress: async () => undefined,
    shutdown: async () => {},
  };
}

/**
 * Builds the metrics pipeline: a MeterProvider read by the Prometheus text reader (series cap, views,
 * compatibility fixes), runtime metrics, business-metric definers and the optional internal listener.
 * @example
 * const metrics = createMetrics({ enabled: true, seriesLimit: 2000, runtimeMetrics: true }, resource, console.warn);
 * const text = await metrics.metricsText();
 */
export function createMetrics(
  config: MetricsConfig,
  resource: Resource,
  warn: WarnFn,
  redactor?: Redactor,
): Metrics {
  validateConfig(config);
  if (!config.enabled) return disabledMetrics(warn, redactor);
  const reader = new PrometheusTextReader(config.seriesLimit, warn);
  const sdkProvider = new MeterProvider({ resource, readers: [reader], views: buildViews(config) });
  const meterProvider = capMeterProvider(sdkProvider, config.seriesLimit);
  const meter = meterProvider.getMeter(METER_SCOPE);
  const stopRuntime: StopRuntimeMetrics | undefined = config.runtimeMetrics
    ? startRuntimeMetrics(sdkProvider, METER_SCOPE)
    : undefined;
  let closed = false;
  const metricsText = async (): Promise<string> => {
    if (closed) return '';
    try {
      return await reader.render();
    } catch (error) {
      warn('metrics collection failed', { error: error instanceof Error ? error.message : String(error) });
      return '';
    }
  };
  const server: MetricsServer | undefined =
    config.port === undefined
      ? undefined
      : startMetricsServer(config.port, config.host ?? DEFAULT_HOST, metricsText, warn);
  return {
    meterProvider,
    meter,
    metricsText,
    ...createMetricDefiner(meter, createLabelBounder(redactor), warn),
    metricsServerAddress: async () => server?.address,
    async shutdown() {
      if (closed) return;
      closed = true;
      stopRuntime?.();
      await server?.close();
      await sdkProvider.shutdown().catch((error: unknown) => {
        warn('meter provider shutdown failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      });
    },
  };
}
