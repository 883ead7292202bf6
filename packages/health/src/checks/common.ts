import { performance } from 'node:perf_hooks';
import { HealthConfigError } from '../errors';
import type { CheckDetail, DetailValue, HealthCheck, HealthStatus } from '../types';
import {
  booleanOption,
  numberOption,
  objectOption,
  positiveMsOption,
  rejectUnknownKeys,
  stringOption,
} from '../validate';

/** Options every built-in check accepts besides its own. */
export interface CommonCheckOptions {
  /** Name in the response body; each built-in has its own default (`disk`, `memory`, `sql`, ...). */
  name?: string;
  /** Per-check timeout (ms); default 2000. */
  timeoutMs?: number;
  /** Whether a failure fails readiness (default true) or only degrades it to `warn`. */
  critical?: boolean;
}

const COMMON_KEYS = ['name', 'timeoutMs', 'critical'];

/** Validates a built-in's options object: known keys only, common fields typed. */
export function readOptions(
  builtin: string,
  value: unknown,
  ownKeys: readonly string[],
): { raw: Record<string, unknown>; common: Pick<HealthCheck, 'name' | 'timeoutMs' | 'critical'> } {
  const raw = objectOption(`checks.${builtin}`, value);
  rejectUnknownKeys(`checks.${builtin}`, raw, [...COMMON_KEYS, ...ownKeys]);
  const common: Pick<HealthCheck, 'name' | 'timeoutMs' | 'critical'> = {
    name: stringOption(`checks.${builtin}.name`, raw.name, builtin),
  };
  if (raw.timeoutMs !== undefined)
    common.timeoutMs = positiveMsOption(`checks.${builtin}.timeoutMs`, raw.timeoutMs, 0);
  if (raw.critical !== undefined)
    common.critical = booleanOption(`checks.${builtin}.critical`, raw.critical, true);
  return { raw, common };
}

/** Reads a warn/fail pair in [min, max] with warn <= fail. */
export function thresholds(
  builtin: string,
  raw: Record<string, unknown>,
  keys: readonly [string, string],
  defaults: readonly [number, number],
  max: number,
): [number, number] {
  const [warnKey, failKey] = keys;
  const warn = numberOption(`checks.${builtin}.${warnKey}`, raw[warnKey], defaults[0], 0, max);
  const fail = numberOption(`checks.${builtin}.${failKey}`, raw[failKey], defaults[1], 0, max);
  if (warn > fail)
    throw new HealthConfigError(`checks.${builtin}.${warnKey}`, `<= ${failKey} (${fail})`, warn);
  return [warn, fail];
}

/** `fail` at or above `fail`, `warn` at or above `warn`, else `pass`. */
function statusFor(value: number, warn: number, fail: number): HealthStatus {
  if (value >= fail) return 'fail';
  return value >= warn ? 'warn' : 'pass';
}

/** One observed value of a threshold check, with the words that describe it (`disk 42% used`). */
export interface Observation {
  value: number;
  unit: 'percent' | 'ms';
  text: string;
}

/**
 * The result of a check comparing one value with warn/fail thresholds: status, observed value and unit, the
 * check's own details, and (unless it passes) an output naming both thresholds.
 */
export function thresholdResult(
  observed: Observation,
  warn: number,
  fail: number,
  details: Record<string, DetailValue> = {},
): CheckDetail {
  const status = statusFor(observed.value, warn, fail);
  const unit = observed.unit === 'percent' ? '%' : 'ms';
  return {
    status,
    observedValue: observed.value,
    observedUnit: observed.unit,
    ...details,
    ...(status === 'pass' ? {} : { output: `${observed.text} (warn ${warn}${unit}, fail ${fail}${unit})` }),
  };
}

/** Rounds to one decimal for display. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Elapsed whole milliseconds since `start` (from `performance.now()`). */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start);
}
