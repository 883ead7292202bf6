import type { MeterProvider, ObservableResult } from '@opentelemetry/api';
import { METER_SCOPE } from './setup';

/**
 * OpenTelemetry name of the dropped-spans counter; Prometheus renders it `fasttodo_telemetry_spans_dropped_total`.
 * Not an `otel.sdk.*` name: those split successful and failed work by `error.type` (`otel.sdk.processor.span.processed`,
 * `otel.sdk.exporter.span.exported`), while the SDK keeps one total of spans lost for any reason.
 */
export const DROPPED_SPANS_METRIC = 'fasttodo.telemetry.spans.dropped';

/**
 * Expose `droppedSpans()` (queue full, failed or timed-out exports) as an observable counter on the SDK's meter,
 * so an alert can watch the exporter. Returns a function that stops observing.
 */
export function observeDroppedSpans(meterProvider: MeterProvider, droppedSpans: () => number): () => void {
  const counter = meterProvider.getMeter(METER_SCOPE).createObservableCounter(DROPPED_SPANS_METRIC, {
    description:
      'Spans this process dropped before a collector acknowledged them (queue full, failed or timed-out export).',
    unit: '{span}',
  });
  const observe = (result: ObservableResult): void => result.observe(droppedSpans());
  counter.addCallback(observe);
  return () => counter.removeCallback(observe);
}
