import type { Redactor } from '@fasttodo/redact';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { DropReporter } from './drop-reporter';
import { SpanRedactor } from './redact-span';

/** Options of {@link ResilientSpanExporter}. */
export interface ResilientExporterOptions {
  redactor: Redactor;
  /** A batch not acknowledged within this many ms counts as dropped. */
  timeoutMs: number;
  drops: DropReporter;
  /** Called with the batch size when the batch processor hands a batch over. */
  onBatch?: (count: number) => void;
}

function errorReason(result: ExportResult): string {
  const error = result.error as (Error & { code?: string }) | undefined;
  return `export failed: ${error?.code ?? error?.message ?? 'unknown error'}`.slice(0, 200);
}

/**
 * Wraps a span exporter so that export never throws, never hangs past `timeoutMs`, and never
 * sends an unredacted span. Failed batches are counted by the drop reporter (one rate-limited
 * warning) and acknowledged as handled, so the batch processor does not log each failure again
 * and simply carries on with the next batch — which is how export resumes once the collector is back.
 */
export class ResilientSpanExporter implements SpanExporter {
  private readonly spanRedactor: SpanRedactor;

  constructor(
    private readonly inner: SpanExporter,
    private readonly options: ResilientExporterOptions,
  ) {
    this.spanRedactor = new SpanRedactor(options.redactor);
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.options.onBatch?.(spans.length);
    let settled = false;
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (failure) this.options.drops.add(spans.length, failure);
      resultCallback({ code: ExportResultCode.SUCCESS });
    };
    const timer = setTimeout(() => finish('export timed out'), this.options.timeoutMs);
    timer.unref();
    try {
      const redacted = spans.map((span) => this.spanRedactor.redact(span));
      this.inner.export(redacted, (result) =>
        finish(result.code === ExportResultCode.SUCCESS ? undefined : errorReason(result)),
      );
    } catch (error) {
      finish(`export threw: ${(error as Error)?.message ?? String(error)}`.slice(0, 200));
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.inner.shutdown();
    } catch {
      // The stock OTLP exporter rejects on ECONNREFUSED; shutdown must not.
    }
  }

  async forceFlush(): Promise<void> {
    try {
      await this.inner.forceFlush?.();
    } catch {
      // Same as shutdown: a dead collector is not the caller's problem.
    }
  }
}
