import type {
  Attributes,
  Context,
  Counter,
  Gauge,
  Histogram,
  Meter,
  MeterOptions,
  MeterProvider,
  MetricOptions,
  UpDownCounter,
} from '@opentelemetry/api';
import type { AttributeBounder } from './bounded-attributes';

/** The attribute set the SDK itself uses for the overflow series (`otel_metric_overflow="true"`). */
const OVERFLOW: Attributes = Object.freeze({ 'otel.metric.overflow': true });

type Guard = (attributes: Attributes | undefined) => Attributes | undefined;

function attributesKey(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  let key = '';
  for (const name of keys) key += `${name}\u0000${JSON.stringify(attributes[name])}\u0001`;
  return key;
}

/**
 * Remembers at most `limit - 1` attribute sets of one instrument for the process lifetime; later new sets
 * are recorded as the overflow series. The SDK applies `aggregationCardinalityLimit` per collection only,
 * so with cumulative temporality (Prometheus) new series would otherwise keep accumulating scrape after scrape.
 */
function createGuard(limit: number): Guard {
  const seen = new Set<string>();
  return (attributes) => {
    if (attributes === undefined) return attributes;
    let key: string;
    try {
      key = attributesKey(attributes);
    } catch {
      return OVERFLOW;
    }
    if (seen.has(key)) return attributes;
    if (seen.size >= limit - 1) return OVERFLOW;
    seen.add(key);
    return attributes;
  };
}

/** True when `attributes` can never change: frozen, own data properties only, no (mutable) array value. */
function immutable(attributes: Attributes): boolean {
  try {
    if (!Object.isFrozen(attributes)) return false;
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(attributes))) {
      if (!('value' in descriptor) || (typeof descriptor.value === 'object' && descriptor.value !== null))
        return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * `guard` answered once per immutable attribute object: a caller that reuses one frozen object per series (the
 * HTTP lifecycle does) pays one WeakMap lookup per recording. The answer cannot change: bounding is
 * deterministic and a set, once admitted or refused, stays so.
 */
function rememberImmutable(guard: Guard): Guard {
  const known = new WeakMap<Attributes, Attributes | undefined>();
  return (attributes) => {
    if (attributes === undefined || typeof attributes !== 'object') return guard(attributes);
    if (known.has(attributes)) return known.get(attributes);
    const out = guard(attributes);
    if (immutable(attributes)) known.set(attributes, out);
    return out;
  };
}

interface CapSettings {
  limit: number;
  bound: AttributeBounder;
  guards: Map<string, Guard>;
}

function capMeter(meter: Meter, settings: CapSettings, scope: string): Meter {
  const { limit, bound, guards } = settings;
  const guardFor = (name: string): Guard => {
    const id = `${scope}\u0000${name}`;
    let guard = guards.get(id);
    if (!guard) {
      const cap = createGuard(limit);
      // Bound first: values that redact to the same string share one series.
      guard = rememberImmutable((attributes) => cap(bound(attributes)));
      guards.set(id, guard);
    }
    return guard;
  };
  const adding = <T extends Counter | UpDownCounter>(inner: T, guard: Guard): T =>
    ({ add: (value: number, a?: Attributes, c?: Context) => inner.add(value, guard(a), c) }) as T;
  const recording = <T extends Histogram | Gauge>(inner: T, guard: Guard): T =>
    ({ record: (value: number, a?: Attributes, c?: Context) => inner.record(value, guard(a), c) }) as T;
  return {
    createCounter: (name: string, options?: MetricOptions) =>
      adding(meter.createCounter(name, options), guardFor(name)),
    createUpDownCounter: (name: string, options?: MetricOptions) =>
      adding(meter.createUpDownCounter(name, options), guardFor(name)),
    createHistogram: (name: string, options?: MetricOptions) =>
      recording(meter.createHistogram(name, options), guardFor(name)),
    createGauge: (name: string, options?: MetricOptions) =>
      recording(meter.createGauge(name, options), guardFor(name)),
    // Asynchronous instruments are capped by the SDK over their whole lifetime already.
    createObservableCounter: (name, options) => meter.createObservableCounter(name, options),
    createObservableUpDownCounter: (name, options) => meter.createObservableUpDownCounter(name, options),
    createObservableGauge: (name, options) => meter.createObservableGauge(name, options),
    addBatchObservableCallback: (callback, observables) =>
      meter.addBatchObservableCallback(callback, observables),
    removeBatchObservableCallback: (callback, observables) =>
      meter.removeBatchObservableCallback(callback, observables),
  };
}

/**
 * Wraps a MeterProvider so every synchronous instrument passes its attributes through `bound` (redaction,
 * escaping, cut, dropped keys) and keeps at most `limit` series (one being the overflow series) for the
 * life of the process, whatever the number of scrapes or pushes.
 */
export function capMeterProvider(
  provider: MeterProvider,
  limit: number,
  bound: AttributeBounder,
): MeterProvider {
  const settings: CapSettings = { limit, bound, guards: new Map<string, Guard>() };
  return {
    getMeter(name: string, version?: string, options?: MeterOptions): Meter {
      const scope = `${name}\u0000${version ?? ''}\u0000${options?.schemaUrl ?? ''}`;
      return capMeter(provider.getMeter(name, version, options), settings, scope);
    },
  };
}
