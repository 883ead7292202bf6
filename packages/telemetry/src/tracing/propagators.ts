import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { PropagatorName } from '../options';

/** The global propagator for the configured names (W3C trace context and/or baggage; none → no-op). */
export function buildPropagator(names: readonly PropagatorName[]): TextMapPropagator {
  const propagators = names.map((name) =>
    name === 'tracecontext' ? new W3CTraceContextPropagator() : new W3CBaggagePropagator(),
  );
  return new CompositePropagator({ propagators });
}
