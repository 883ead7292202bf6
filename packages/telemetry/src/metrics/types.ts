import type { AddressInfo } from 'node:net';
import type { Meter, MeterProvider } from '@opentelemetry/api';

/** Units a business metric may carry; each becomes the Prometheus name suffix (`_seconds`, `_bytes`, ...). */
export type MetricUnit =
  | 'seconds'
  | 'bytes'
  | 'ratio'
  | 'meters'
  | 'grams'
  | 'celsius'
  | 'volts'
  | 'amperes'
  | 'joules';

/** A label value as recorded; other types are dropped, strings are cut to 128 characters. */
export type LabelValue = string | number | boolean;

/** Labels of one recording: only the declared names are kept. */
export type Labels<L extends string = string> = Partial<Record<L, LabelValue>>;

/** Shared fields of every business metric definition; the name is `<namespace>_<subsystem>_<name>_<unit>`. */
export interface MetricDefinition<L extends string = string> {
  /** First name segment, usually the product or service (`fasttodo`); snake_case. */
  namespace: string;
  /** Optional middle segment, the component (`cache`, `http`, `llm`); snake_case. */
  subsystem?: string;
  /** The metric itself (`hits`, `request_duration`); snake_case, without unit or `_total`. */
  name: string;
  /** Base unit appended as the name suffix; omit for plain counts. */
  unit?: MetricUnit;
  /** One-line description rendered as `# HELP`. */
  help: string;
  /** The only label names recordings may use; bounded-cardinality names only. */
  labelNames?: readonly L[];
}

/** Definition of a monotonic counter; its Prometheus name ends with `_total`. */
export type CounterDefinition<L extends string = string> = MetricDefinition<L>;

/** Definition of a histogram; buckets default to the HTTP semantic-convention buckets. */
export interface HistogramDefinition<L extends string = string> extends MetricDefinition<L> {
  /**
   * Strictly increasing finite upper bounds, or `'long'` for `metrics.longBuckets` (default
   * `LONG_LATENCY_BUCKETS`); see also `HTTP_SERVER_DURATION_BUCKETS`.
   */
  buckets?: readonly number[] | 'long';
}

/** Definition of a gauge (a value that goes up and down, set to its current value). */
export type GaugeDefinition<L extends string = string> = MetricDefinition<L>;

/** A counter that only keeps declared labels and never throws at record time. */
export interface BoundedCounter<L extends string = string> {
  /** Prometheus name, e.g. `fasttodo_cache_hits_total`. */
  readonly name: string;
  /** Adds `value` (default 1) — value first, like OpenTelemetry's `add`; negative or non-finite values are dropped. */
  inc(value?: number, labels?: Labels<L>): void;
}

/** A histogram that only keeps declared labels and never throws at record time. */
export interface BoundedHistogram<L extends string = string> {
  /** Prometheus name, e.g. `fasttodo_llm_request_duration_seconds`. */
  readonly name: string;
  /** Records one observation; non-finite values are dropped. */
  observe(value: number, labels?: Labels<L>): void;
  /** Starts a timer; calling the result records the elapsed seconds (labels merged) and returns them. */
  startTimer(labels?: Labels<L>): (endLabels?: Labels<L>) => number;
}

/** A gauge that only keeps declared labels and never throws at record time. */
export interface BoundedGauge<L extends string = string> {
  /** Prometheus name, e.g. `fasttodo_circuit_breaker_state`. */
  readonly name: string;
  /** Sets the current value; non-finite values are dropped. */
  set(value: number, labels?: Labels<L>): void;
}

/** Something that defines business metrics: the `Telemetry` object or {@link Metrics}. */
export interface MetricDefiner {
  /** Defines `<namespace>_<subsystem>_<name>_<unit>_total`; throws `MetricDefinitionError` on a broken rule. */
  defineCounter<L extends string>(def: CounterDefinition<L>): BoundedCounter<L>;
  /** Defines `<namespace>_<subsystem>_<name>_<unit>`; throws `MetricDefinitionError` on a broken rule. */
  defineHistogram<L extends string>(def: HistogramDefinition<L>): BoundedHistogram<L>;
  /** Defines `<namespace>_<subsystem>_<name>_<unit>`; throws `MetricDefinitionError` on a broken rule. */
  defineGauge<L extends string>(def: GaugeDefinition<L>): BoundedGauge<L>;
}

/** The metrics pipeline returned by `createMetrics`. */
export interface Metrics extends MetricDefiner {
  /** Meter provider for instrumentations; every synchronous instrument it creates keeps the series cap. */
  meterProvider: MeterProvider;
  /** The SDK's own meter (scope `@fasttodo/telemetry`). */
  meter: Meter;
  /** Prometheus text exposition (format 0.0.4) with the compatibility fixes; `''` without the `prometheus` exporter. */
  metricsText(): Promise<string>;
  /** Address of the separate `metrics.port` listener once listening; `undefined` without one or when it failed. */
  metricsServerAddress(): Promise<AddressInfo | undefined>;
  /** Stops runtime collectors, closes the listener and the meter provider; never rejects. */
  shutdown(): Promise<void>;
}
