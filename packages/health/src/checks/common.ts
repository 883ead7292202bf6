import { performance } from 'node:perf_hooks';
import { HealthConfigError } from '../errors';
import type { HealthCheck, HealthStatus } from '../types';
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
export function statusFor(value: number, warn: number, fail: number): HealthStatus {
  if (value >= fail) return 'fail';
  return value >= warn ? 'warn' : 'pass';
}

/** Rounds to one decimal for display. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Elapsed whole milliseconds since `start` (from `performance.now()`). */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start);
}
