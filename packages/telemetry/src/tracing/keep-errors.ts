import { type Context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan, Sampler, SamplingResult } from '@opentelemetry/sdk-trace-base';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { ATTR_HTTP_STATUS_CODE } from '@opentelemetry/semantic-conventions/incubating';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ResolvedKeepErrors } from '../config/types';

/**
 * Wraps a ratio sampler: where the ratio says "drop" for a local root, the span is still
 * recorded (decision RECORD: recorded, sampled flag 0) so it can be kept if it fails; children of such a
 * span are recorded too. Remote parents are honoured as the base sampler decides, except for
 * plain `traceidratio`, which ignores the parent by definition.
 */
export class KeepErrorsSampler implements Sampler {
  constructor(
    private readonly base: Sampler,
    private readonly ratioDecidesRemoteChildren: boolean,
  ) {}

  shouldSample(...args: Parameters<Sampler['shouldSample']>): SamplingResult {
    const result = this.base.shouldSample(...args);
    if (result.decision !== SamplingDecision.NOT_RECORD) return result;
    return this.recordsUnsampled(args[0]) ? { ...result, decision: SamplingDecision.RECORD } : result;
  }

  private recordsUnsampled(parentContext: Context): boolean {
    const parent = trace.getSpan(parentContext);
    if (!parent) return true;
    if (parent.spanContext().isRemote) return this.ratioDecidesRemoteChildren;
    return parent.isRecording();
  }

  toString(): string {
    return `KeepErrorsSampler{${this.base.toString()}}`;
  }
}

/** `true` when a finished local root asks for its trace to be kept. */
export function shouldKeep(root: ReadableSpan, config: ResolvedKeepErrors): boolean {
  if (root.status.code === SpanStatusCode.ERROR) return true;
  const status = root.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] ?? root.attributes[ATTR_HTTP_STATUS_CODE];
  if (Number(status) >= 500) return true;
  const slow = config.keepSlowerThanMs;
  return slow !== undefined && hrTimeToMilliseconds(root.duration) > slow;
}

/**
 * Ended spans of undecided traces, grouped per trace id. Bounded twice: at most `maxTraces`
 * traces (least recently touched evicted first) and `maxSpansPerTrace` spans per trace.
 */
export class TraceBuffer {
  private readonly traces = new Map<string, ReadableSpan[]>();
  /** Spans discarded because a bound was hit. */
  evicted = 0;

  constructor(private readonly config: ResolvedKeepErrors) {}

  add(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    let spans = this.traces.get(traceId);
    if (spans) this.traces.delete(traceId);
    else {
      spans = [];
      this.evictOldest();
    }
    this.traces.set(traceId, spans);
    if (spans.length < this.config.maxSpansPerTrace) spans.push(span);
    else this.evicted += 1;
  }

  /** Remove and return the buffered spans of a trace. */
  take(traceId: string): ReadableSpan[] {
    const spans = this.traces.get(traceId) ?? [];
    this.traces.delete(traceId);
    return spans;
  }

  get size(): number {
    return this.traces.size;
  }

  clear(): void {
    this.traces.clear();
  }

  private evictOldest(): void {
    if (this.traces.size < this.config.maxTraces) return;
    const oldest = this.traces.keys().next().value;
    if (oldest === undefined) return;
    this.evicted += this.traces.get(oldest)?.length ?? 0;
    this.traces.delete(oldest);
  }
}
