import type { Span } from '@opentelemetry/api';

// A Symbol.for key on the span itself, so the ESM and the CJS build loaded in one process (the lifecycle in one,
// the export pipeline in the other) still meet.
const DEFERRED = Symbol.for('@fasttodo/telemetry.deferred-attributes');

/** Whoever can still write the attributes it skipped on a recorded-but-unsampled span. */
export interface DeferredAttributes {
  applyDeferredAttributes(): void;
}

type Holder = { [DEFERRED]?: DeferredAttributes | undefined };

/**
 * Marks a recorded-but-unsampled span (keep-errors) whose attributes were not computed: most such spans are
 * dropped, so the work waits until the export pipeline decides to keep the trace.
 */
export function deferAttributes(span: Span, owner: DeferredAttributes): void {
  (span as unknown as Holder)[DEFERRED] = owner;
}

/** Writes the deferred attributes of a span that is about to be kept (once; never throws). */
export function applyDeferredAttributes(span: object): void {
  const holder = span as Holder;
  const owner = holder[DEFERRED];
  if (owner === undefined) return;
  holder[DEFERRED] = undefined;
  try {
    owner.applyDeferredAttributes();
  } catch {
    // Never throw into span.end().
  }
}
