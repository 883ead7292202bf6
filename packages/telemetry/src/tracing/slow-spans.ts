import { SpanKind } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import { ATTR_DB_SYSTEM } from '@opentelemetry/semantic-conventions/incubating';
import type { ResolvedSlowSpans } from '../config/types';
import type { Warn } from '../shared/warn';

const KIND_NAMES: Record<SpanKind, keyof ResolvedSlowSpans> = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
};

/**
 * Writes one `slow operation` warning for every recorded span slower than the threshold of its
 * kind; spans carrying `db.system.name` (or the older `db.system`) use the `database` threshold.
 */
export class SlowSpanProcessor implements SpanProcessor {
  constructor(
    private readonly thresholds: ResolvedSlowSpans,
    private readonly warn: Warn,
  ) {}

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    try {
      this.check(span);
    } catch {
      // Never throw into span.end().
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private check(span: ReadableSpan): void {
    const dbSystem = span.attributes[ATTR_DB_SYSTEM_NAME] ?? span.attributes[ATTR_DB_SYSTEM];
    const kind = KIND_NAMES[span.kind] ?? 'internal';
    const threshold = dbSystem !== undefined ? this.thresholds.database : this.thresholds[kind];
    if (threshold === undefined) return;
    const durationMs = hrTimeToMilliseconds(span.duration);
    if (durationMs <= threshold) return;
    const context = span.spanContext();
    const fields: Record<string, unknown> = {
      span_name: span.name,
      duration_ms: Math.round(durationMs * 10) / 10,
      kind,
      trace_id: context.traceId,
      span_id: context.spanId,
      threshold_ms: threshold,
    };
    if (dbSystem !== undefined) fields.db_system = dbSystem;
    this.warn('slow operation', fields);
  }
}
