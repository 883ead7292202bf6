import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { AggregationTemporality, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { InstrumentType, PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ResolvedOtlpMetrics } from '../config/types';
import type { Warn } from '../shared/warn';

/** At most one "metrics push failed" warning per this many ms. */
export const PUSH_WARN_INTERVAL_MS = 60_000;

/** Counts failed pushes and warns at most once per interval with the count since the last warning. */
function failureWarner(warn: Warn, intervalMs: number): (reason: string) => void {
  let lastWarnAt = Number.NEGATIVE_INFINITY;
  let failedSinceWarning = 0;
  return (reason) => {
    failedSinceWarning++;
    if (Date.now() - lastWarnAt < intervalMs) return;
    lastWarnAt = Date.now();
    const failed = failedSinceWarning;
    failedSinceWarning = 0;
    try {
      warn('telemetry: metrics push failed (collector unreachable, slow or failing)', {
        failed_pushes: failed,
        reason: reason.slice(0, 200),
        next_warning_in_ms: intervalMs,
      });
    } catch {
      // A failing logger must never break the push path.
    }
  };
}

function failureReason(result: ExportResult): string {
  const error = result.error as (Error & { code?: string }) | undefined;
  return error?.code ?? error?.message ?? 'unknown error';
}

/**
 * Wraps the OTLP exporter so a push never throws, never outlives `deadlineMs`, and a failure is counted
 * and warned (rate-limited) instead of reaching OpenTelemetry's error handler on every interval. Values are
 * cumulative, so the next successful push carries whatever a failed one missed.
 */
class QuietPushExporter implements PushMetricExporter {
  constructor(
    private readonly inner: PushMetricExporter,
    private readonly deadlineMs: number,
    private readonly onFailure: (reason: string) => void,
  ) {}

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    let settled = false;
    const finish = (failure?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (failure !== undefined) this.onFailure(failure);
      resultCallback({ code: ExportResultCode.SUCCESS });
    };
    const timer = setTimeout(() => finish('push timed out'), this.deadlineMs).unref();
    try {
      this.inner.export(metrics, (result) =>
        finish(result.code === ExportResultCode.SUCCESS ? undefined : failureReason(result)),
      );
    } catch (error) {
      finish(error instanceof Error ? error.message : String(error));
    }
  }

  selectAggregationTemporality(type: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality?.(type) ?? AggregationTemporality.CUMULATIVE;
  }

  async forceFlush(): Promise<void> {
    await this.inner.forceFlush().catch(() => {});
  }

  async shutdown(): Promise<void> {
    await this.inner.shutdown().catch(() => {});
  }
}

/**
 * A periodic reader pushing OTLP/HTTP JSON metrics to `config.endpoint`, with the per-metric series cap.
 * @example new MeterProvider({ readers: [createOtlpPushReader(config.otlp, 2000, warn)] })
 */
export function createOtlpPushReader(
  config: ResolvedOtlpMetrics,
  seriesLimit: number,
  warn: Warn,
): PeriodicExportingMetricReader {
  const requestTimeoutMs = Math.min(config.timeoutMs, config.exportTimeoutMs);
  const otlp = new OTLPMetricExporter({
    url: config.endpoint,
    headers: config.headers,
    timeoutMillis: requestTimeoutMs,
  });
  const exporter = new QuietPushExporter(
    otlp,
    config.exportTimeoutMs,
    failureWarner(warn, PUSH_WARN_INTERVAL_MS),
  );
  return new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: config.intervalMs,
    exportTimeoutMillis: config.exportTimeoutMs,
    cardinalityLimits: { default: seriesLimit },
  });
}
