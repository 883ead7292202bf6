import { MetricDefinitionError } from '../errors';
import { forbiddenLabel } from './forbidden-labels';
import { rejectUnknownDefinitionKeys } from './known-keys';
import type { MetricDefinition, MetricUnit } from './types';

/** snake_case: lower-case letters and digits in `_`-separated words, starting with a letter. */
export const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Prometheus unit word → OpenTelemetry (UCUM) unit set on the instrument. */
const UNITS: Readonly<Record<MetricUnit, string>> = {
  seconds: 's',
  bytes: 'By',
  ratio: '1',
  meters: 'm',
  grams: 'g',
  celsius: 'Cel',
  volts: 'V',
  amperes: 'A',
  joules: 'J',
};

const NON_BASE_UNITS: Readonly<Record<string, string>> = {
  milliseconds: 'seconds',
  ms: 'seconds',
  microseconds: 'seconds',
  nanoseconds: 'seconds',
  minutes: 'seconds',
  hours: 'seconds',
  kilobytes: 'bytes',
  megabytes: 'bytes',
  gigabytes: 'bytes',
  percent: 'ratio',
  kilometers: 'meters',
  kilograms: 'grams',
};

const RESERVED_LABELS = new Set([
  'le',
  'quantile',
  'job',
  'instance',
  'otel_scope_name',
  'otel_scope_version',
]);
const DEFINITION_KEYS = ['namespace', 'subsystem', 'name', 'unit', 'help', 'labelNames'] as const;
const HISTOGRAM_KEYS = [...DEFINITION_KEYS, 'buckets'] as const;
const MAX_NAME_LENGTH = 200;
const MAX_LABELS = 10;
const MAX_HELP_LENGTH = 500;

/** Kind of instrument a definition creates; counters get `_total`. */
export type MetricKind = 'counter' | 'histogram' | 'gauge';

/** A validated definition: full Prometheus name, OpenTelemetry instrument name and unit, label names. */
export interface ResolvedMetricName {
  /** Name as scraped, e.g. `fasttodo_cache_hits_total`. */
  prometheusName: string;
  /** Instrument name (the Prometheus name without `_total`; the exporter appends it). */
  instrumentName: string;
  /** UCUM unit for the instrument, '' when unitless. */
  otelUnit: string;
  labelNames: readonly string[];
  help: string;
}

function fail(metric: string, reason: string): never {
  throw new MetricDefinitionError(metric, reason);
}

function checkSegment(display: string, field: string, value: unknown, required: boolean): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || !SNAKE_CASE.test(value)) {
    fail(display, `${field} ${JSON.stringify(value)} must be snake_case (${SNAKE_CASE.source})`);
  }
  return value;
}

function checkUnit(display: string, unit: unknown): string {
  if (unit === undefined) return '';
  if (typeof unit === 'string' && Object.hasOwn(UNITS, unit)) return unit;
  const base = typeof unit === 'string' ? NON_BASE_UNITS[unit] : undefined;
  const hint = base ? `; Prometheus uses base units, use unit "${base}" and record ${base}` : '';
  return fail(display, `unit ${JSON.stringify(unit)} is not one of ${Object.keys(UNITS).join(', ')}${hint}`);
}

function checkNameSuffix(display: string, name: string, kind: MetricKind): void {
  if (name === 'total' || name.endsWith('_total')) {
    const why = kind === 'counter' ? 'counters get "_total" appended' : `a ${kind} is not a counter`;
    fail(display, `name must not end with "_total": ${why}`);
  }
  const unitSuffix = [...Object.keys(UNITS), ...Object.keys(NON_BASE_UNITS)].find((u) =>
    name.endsWith(`_${u}`),
  );
  if (unitSuffix) {
    fail(
      display,
      `name must not end with the unit "_${unitSuffix}"; set unit: "${NON_BASE_UNITS[unitSuffix] ?? unitSuffix}"`,
    );
  }
}

function checkHelp(display: string, help: unknown): string {
  if (typeof help !== 'string' || help.trim() === '') {
    fail(display, 'help must be a non-empty string (it becomes the "# HELP" line)');
  }
  if (help.length > MAX_HELP_LENGTH) fail(display, `help is longer than ${MAX_HELP_LENGTH} characters`);
  return help;
}

function checkLabelName(display: string, label: unknown): void {
  // The cardinality rule comes first: it is the more useful message for `userId` or `User-ID`.
  const found = typeof label === 'string' ? forbiddenLabel(label) : undefined;
  if (found) {
    fail(
      display,
      `label "${label}" is forbidden: it names "${found.term}" (${found.reason}); put it in log fields or span attributes instead`,
    );
  }
  if (typeof label !== 'string' || !/^[a-z][a-z0-9_]*$/.test(label)) {
    fail(
      display,
      `label ${JSON.stringify(label)} must be snake_case (letters, digits, "_", starting with a letter)`,
    );
  }
  if (RESERVED_LABELS.has(label)) fail(display, `label "${label}" is reserved by Prometheus or the exporter`);
}

/** Validates declared label names: snake_case, not reserved, not unbounded (user ids, URLs, ...). */
export function checkLabelNames(display: string, labelNames: unknown): readonly string[] {
  if (labelNames === undefined) return [];
  if (!Array.isArray(labelNames)) fail(display, 'labelNames must be an array of strings');
  if (labelNames.length > MAX_LABELS)
    fail(display, `at most ${MAX_LABELS} labels; every label multiplies series`);
  const seen = new Set<string>();
  for (const label of labelNames as unknown[]) {
    checkLabelName(display, label);
    if (seen.has(label as string)) fail(display, `label "${label}" is declared twice`);
    seen.add(label as string);
  }
  return Object.freeze([...seen]);
}

/**
 * Validates a definition and builds `<namespace>_<subsystem>_<name>_<unit>` (+ `_total` for counters).
 * @throws MetricDefinitionError explaining which rule was broken.
 */
export function resolveMetricName(kind: MetricKind, def: MetricDefinition): ResolvedMetricName {
  if (typeof def !== 'object' || def === null) fail(String(def), 'the definition must be an object');
  const display = [def.namespace, def.subsystem, def.name].filter((p) => p !== undefined).join('_');
  rejectUnknownDefinitionKeys(display, def, kind === 'histogram' ? HISTOGRAM_KEYS : DEFINITION_KEYS);
  const namespace = checkSegment(display, 'namespace', def.namespace, true);
  const subsystem = checkSegment(display, 'subsystem', def.subsystem, false);
  const name = checkSegment(display, 'name', def.name, true);
  checkNameSuffix(display, name, kind);
  const unit = checkUnit(display, def.unit);
  const instrumentName = [namespace, subsystem, name, unit].filter((p) => p !== '').join('_');
  const prometheusName = kind === 'counter' ? `${instrumentName}_total` : instrumentName;
  if (prometheusName.length > MAX_NAME_LENGTH)
    fail(display, `name is longer than ${MAX_NAME_LENGTH} characters`);
  const otelUnit = unit === '' ? '' : UNITS[unit as MetricUnit];
  const labelNames = checkLabelNames(display, def.labelNames);
  return { prometheusName, instrumentName, otelUnit, labelNames, help: checkHelp(display, def.help) };
}
