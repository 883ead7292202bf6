import { TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ResolvedKeepErrors } from '../config/types';
import { applyDeferredAttributes } from './deferred-attributes';
import type { DropReporter } from './drop-reporter';
import { shouldKeep, TraceBuffer } from './keep-errors';
import { asSampled, isLocalRoot } from './span-copy';

/**
 * Front of the batch span processor: forwards sampled spans, holds the recorded-but-unsampled
 * spans of keep-errors candidates until their local root ends (then forwards or drops them),
 * and enforces the queue bound itself so every span dropped for a full queue is counted.
 */
export class ExportPipelineProcessor implements SpanProcessor {
  private queued = 0;
  private readonly buffer: TraceBuffer | undefined;

  constructor(
    private readonly batch: SpanProcessor,
    private readonly maxQueueSize: number,
    private readonly drops: DropReporter,
    private readonly keepErrors: ResolvedKeepErrors,
  ) {
    this.buffer = keepErrors.enabled ? new TraceBuffer(keepErrors) : undefined;
  }

  /** The exporter took `count` spans off the batch queue. */
  taken(count: number): void {
    this.queued = Math.max(0, this.queued - count);
  }

  onStart(): void {}

  /** A local root about to be kept gets the attributes whose computation was deferred until now. */
  onEnding(span: Span): void {
    if (!this.buffer || span.spanContext().traceFlags & TraceFlags.SAMPLED) return;
    try {
      if (isLocalRoot(span) && shouldKeep(span, this.keepErrors)) applyDeferredAttributes(span);
    } catch {
      // Never throw into span.end() in the user's request.
    }
  }

  onEnd(span: ReadableSpan): void {
    try {
      if (span.spanContext().traceFlags & TraceFlags.SAMPLED) this.enqueue(span);
      else this.handleUnsampled(span);
    } catch {
      // Never throw into span.end() in the user's request.
    }
  }

  forceFlush(): Promise<void> {
    return this.batch.forceFlush();
  }

  shutdown(): Promise<void> {
    this.buffer?.clear();
    return this.batch.shutdown();
  }

  private handleUnsampled(span: ReadableSpan): void {
    if (!this.buffer) return;
    if (!isLocalRoot(span)) {
      this.buffer.add(span);
      return;
    }
    const children = this.buffer.take(span.spanContext().traceId);
    if (!shouldKeep(span, this.keepErrors)) return;
    for (const child of children) this.enqueue(asSampled(child));
    this.enqueue(asSampled(span));
  }

  private enqueue(span: ReadableSpan): void {
    if (this.queued >= this.maxQueueSize) {
      this.drops.add(1, 'queue full');
      return;
    }
    this.queued += 1;
    this.batch.onEnd(span);
  }
}
