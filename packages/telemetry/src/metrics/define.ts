import type { Attributes, Meter } from '@opentelemetry/api';
import { MetricDefinitionError } from '../errors';
import { HTTP_SERVER_DURATION_BUCKETS, LONG_LATENCY_BUCKETS, isValidBucketList } from './buckets';
import { createLabelFilter } from './labels';
import { resolveMetricName } from './naming';
import type { MetricKind, ResolvedMetricName } from './naming';
import type {
  BoundedCounter,
  BoundedGauge,
  BoundedHistogram,
  CounterDefinition,
  GaugeDefinition,
  HistogramDefinition,
  Labels,
  MetricDefiner,
} from './types';
import type { Warn } from '../shared/warn';

interface Registered {
  signature: string;
  instance: unknown;
}

/** Runs a recording and reports (never throws) anything that goes wrong inside the SDK. */
function guarded(metric: string, warn: Warn, record: () => void): void {
  try {
    record();
  } catch (error) {
    warn('metric recording failed', {
      metric,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * True when `value` can be recorded. A labels object in the value position (the 0.0.x `inc(labels)` order)
 * is reported once per metric instead of being dropped in silence.
 */
function recordable(value: unknown, warnOrder: () => void): value is number {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'object' && value !== null) warnOrder();
  return false;
}

function orderWarning(metric: string, warn: Warn): () => void {
  let warned = false;
  return () => {
    if (warned) return;
    warned = true;
    warn('metric recording dropped: the value comes first, then the labels', {
      metric,
      expected: 'inc(value?, labels?) / observe(value, labels?) / set(value, labels?)',
    });
  };
}

function histogramBuckets(
  display: string,
  def: HistogramDefinition,
  longBuckets: readonly number[],
): number[] | undefined {
  if (def.buckets === undefined)
    return def.unit === 'seconds' ? [...HTTP_SERVER_DURATION_BUCKETS] : undefined;
  if (def.buckets === 'long') return [...longBuckets];
  if (!Array.isArray(def.buckets) || !isValidBucketList(def.buckets)) {
    throw new MetricDefinitionError(
      display,
      'buckets must be a non-empty, strictly increasing list of finite numbers',
    );
  }
  return [...def.buckets];
}

/**
 * Creates `defineCounter` / `defineHistogram` / `defineGauge` on a meter. Defining the same metric twice
 * with the same definition returns the first instance; a conflicting redefinition throws. Label values are
 * bounded (redacted, escaped, cut) by the meter itself; `longBuckets` is what `buckets: 'long'` means.
 */
export function createMetricDefiner(
  meter: Meter,
  warn: Warn,
  longBuckets: readonly number[] = LONG_LATENCY_BUCKETS,
): MetricDefiner {
  const registry = new Map<string, Registered>();

  function register<T>(
    kind: MetricKind,
    def: object,
    extra: unknown,
    build: (n: ResolvedMetricName) => T,
  ): T {
    const resolved = resolveMetricName(kind, def as CounterDefinition);
    const signature = JSON.stringify([kind, resolved, extra]);
    const existing = registry.get(resolved.instrumentName);
    if (existing) {
      if (existing.signature === signature) return existing.instance as T;
      throw new MetricDefinitionError(
        resolved.prometheusName,
        'already defined with a different kind, help, unit, labels or buckets; one name must mean one thing',
      );
    }
    const instance = build(resolved);
    registry.set(resolved.instrumentName, { signature, instance });
    return instance;
  }

  const filterFor = (n: ResolvedMetricName): ((labels: unknown) => Attributes) =>
    createLabelFilter(n.prometheusName, n.labelNames, warn);

  return {
    defineCounter<L extends string>(def: CounterDefinition<L>): BoundedCounter<L> {
      return register('counter', def, undefined, (n) => {
        const counter = meter.createCounter(n.instrumentName, { description: n.help, unit: n.otelUnit });
        const filter = filterFor(n);
        const warnOrder = orderWarning(n.prometheusName, warn);
        return {
          name: n.prometheusName,
          inc(value: number = 1, labels?: Labels<L>) {
            if (!recordable(value, warnOrder) || value < 0) return;
            guarded(n.prometheusName, warn, () => counter.add(value, filter(labels)));
          },
        };
      });
    },
    defineHistogram<L extends string>(def: HistogramDefinition<L>): BoundedHistogram<L> {
      return register('histogram', def, def?.buckets, (n) => {
        const buckets = histogramBuckets(n.prometheusName, def, longBuckets);
        const histogram = meter.createHistogram(n.instrumentName, {
          description: n.help,
          unit: n.otelUnit,
          ...(buckets ? { advice: { explicitBucketBoundaries: buckets } } : {}),
        });
        const filter = filterFor(n);
        const warnOrder = orderWarning(n.prometheusName, warn);
        const observe = (value: number, labels?: Labels<L>): void => {
          if (!recordable(value, warnOrder)) return;
          guarded(n.prometheusName, warn, () => histogram.record(value, filter(labels)));
        };
        return {
          name: n.prometheusName,
          observe,
          startTimer(labels?: Labels<L>) {
            const start = process.hrtime.bigint();
            return (endLabels?: Labels<L>) => {
              const seconds = Number(process.hrtime.bigint() - start) / 1e9;
              observe(seconds, endLabels ? { ...labels, ...endLabels } : labels);
              return seconds;
            };
          },
        };
      });
    },
    defineGauge<L extends string>(def: GaugeDefinition<L>): BoundedGauge<L> {
      return register('gauge', def, undefined, (n) => {
        const gauge = meter.createGauge(n.instrumentName, { description: n.help, unit: n.otelUnit });
        const filter = filterFor(n);
        const warnOrder = orderWarning(n.prometheusName, warn);
        return {
          name: n.prometheusName,
          set(value: number, labels?: Labels<L>) {
            if (!recordable(value, warnOrder)) return;
            guarded(n.prometheusName, warn, () => gauge.record(value, filter(labels)));
          },
        };
      });
    },
  };
}
