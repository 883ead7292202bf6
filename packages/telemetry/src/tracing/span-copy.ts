import { type SpanContext, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Fields that may be replaced in a span copy. */
export type SpanPatch = Partial<Omit<ReadableSpan, 'spanContext'>> & { spanContext?: SpanContext };

/**
 * A plain `ReadableSpan` with the same data as `span` and `patch` applied. SDK spans are
 * read-only once ended, so the export path works on copies.
 */
export function copySpan(span: ReadableSpan, patch: SpanPatch = {}): ReadableSpan {
  const context = patch.spanContext ?? span.spanContext();
  return {
    name: patch.name ?? span.name,
    kind: span.kind,
    spanContext: () => context,
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: patch.status ?? span.status,
    attributes: patch.attributes ?? span.attributes,
    links: patch.links ?? span.links,
    events: patch.events ?? span.events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** A copy of a recorded-but-unsampled span marked sampled, so the batch processor accepts it (keep-errors). */
export function asSampled(span: ReadableSpan): ReadableSpan {
  const context = span.spanContext();
  return copySpan(span, { spanContext: { ...context, traceFlags: context.traceFlags | TraceFlags.SAMPLED } });
}

/** `true` when the span has no parent in this process (a root, or a child of a remote parent). */
export function isLocalRoot(span: ReadableSpan): boolean {
  return span.parentSpanContext === undefined || span.parentSpanContext.isRemote === true;
}
