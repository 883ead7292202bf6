import {
  hrTimeToMicroseconds,
  hrTimeToTimeStamp,
  type ExportResult,
  ExportResultCode,
} from '@opentelemetry/core';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** Writes one log record; the logger makes it one redacted line in the configured format. */
export type SpanLogWriter = (message: string, fields: Record<string, unknown>) => void;

/** The fields of one span as a flat, JSON-ready record (spans reach here already redacted). */
export function spanFields(span: ReadableSpan): Record<string, unknown> {
  const context = span.spanContext();
  return {
    trace_id: context.traceId,
    span_id: context.spanId,
    parent_span_id: span.parentSpanContext?.spanId,
    span_name: span.name,
    span_kind: SpanKind[span.kind],
    start_time: hrTimeToTimeStamp(span.startTime),
    duration_ms: hrTimeToMicroseconds(span.duration) / 1000,
    status: span.status,
    attributes: span.attributes,
    events: span.events.map((e) => ({
      name: e.name,
      time: hrTimeToTimeStamp(e.time),
      attributes: e.attributes,
    })),
    links: span.links.map((l) => ({ ...l.context, attributes: l.attributes })),
  };
}

/**
 * `OTEL_TRACES_EXPORTER=console`: each finished span becomes one `span` record of the logger, so it is
 * one redacted line in the same format and stream as the service's logs (the stock console exporter
 * prints multi-line JavaScript objects between JSON lines).
 */
export class LogSpanExporter implements SpanExporter {
  constructor(private readonly write: SpanLogWriter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    for (const span of spans) this.write('span', spanFields(span));
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}
