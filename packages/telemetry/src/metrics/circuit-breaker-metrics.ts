import { rejectUnknownDefinitionKeys } from './known-keys';
import type { BoundedCounter, BoundedGauge, MetricDefiner } from './types';

/** Gauge values of the circuit-breaker state. */
export const CIRCUIT_STATE_VALUES = Object.freeze({ closed: 0, half_open: 1, open: 2 } as const);

/** A circuit-breaker state; `half-open` is accepted as an alias of `half_open`. */
export type CircuitState = keyof typeof CIRCUIT_STATE_VALUES | 'half-open';

/** Options of {@link defineCircuitBreakerMetrics}. */
export interface CircuitBreakerMetricsOptions {
  namespace: string;
  /** Middle segment; default `circuit_breaker`. */
  subsystem?: string;
}

/** State gauge (0 closed, 1 half-open, 2 open) and transitions counter, labelled by breaker name. */
export interface CircuitBreakerMetrics {
  /** Sets the state gauge; a change from the last state seen for this breaker also counts a transition. */
  setState(breaker: string, state: CircuitState): void;
  readonly state: BoundedGauge<'breaker'>;
  readonly transitions: BoundedCounter<'breaker' | 'from' | 'to'>;
}

const MAX_TRACKED_BREAKERS = 1000;

function normalise(state: unknown): keyof typeof CIRCUIT_STATE_VALUES | undefined {
  if (state === 'half-open') return 'half_open';
  return typeof state === 'string' && Object.hasOwn(CIRCUIT_STATE_VALUES, state)
    ? (state as keyof typeof CIRCUIT_STATE_VALUES)
    : undefined;
}

/**
 * Defines `<namespace>_circuit_breaker_state` and `<namespace>_circuit_breaker_transitions_total`.
 * @example
 * const breakers = defineCircuitBreakerMetrics(telemetry, { namespace: 'fasttodo' });
 * breakers.setState('payments', 'open');
 */
export function defineCircuitBreakerMetrics(
  definer: MetricDefiner,
  options: CircuitBreakerMetricsOptions,
): CircuitBreakerMetrics {
  rejectUnknownDefinitionKeys('defineCircuitBreakerMetrics', options, ['namespace', 'subsystem']);
  const subsystem = options.subsystem ?? 'circuit_breaker';
  const state = definer.defineGauge({
    namespace: options.namespace,
    subsystem,
    name: 'state',
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open.',
    labelNames: ['breaker'],
  });
  const transitions = definer.defineCounter({
    namespace: options.namespace,
    subsystem,
    name: 'transitions',
    help: 'Circuit breaker state changes.',
    labelNames: ['breaker', 'from', 'to'],
  });
  const last = new Map<string, keyof typeof CIRCUIT_STATE_VALUES>();
  return {
    state,
    transitions,
    setState(breaker, next) {
      const to = normalise(next);
      if (to === undefined || typeof breaker !== 'string') return;
      state.set(CIRCUIT_STATE_VALUES[to], { breaker });
      const from = last.get(breaker);
      if (from !== undefined && from !== to) transitions.inc(1, { breaker, from, to });
      if (from === undefined && last.size >= MAX_TRACKED_BREAKERS) return;
      last.set(breaker, to);
    },
  };
}
