import { HealthConfigError } from './errors';

/** Largest delay `setTimeout` honours (about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

/** `value` if it is a plain object (or undefined → `{}`), else a typed error naming `option`. */
export function objectOption(option: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HealthConfigError(option, 'an object', value);
  }
  return value as Record<string, unknown>;
}

/** Throws when `value` has a key outside `known` (catches typos such as `timeout` for `timeoutMs`). */
export function rejectUnknownKeys(
  option: string,
  value: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      throw new HealthConfigError(`${option}.${key}`, `one of ${known.join(', ')}`, key);
  }
}

/** A finite number in [min, max], or `fallback` when undefined. */
export function numberOption(
  option: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new HealthConfigError(option, `a finite number between ${min} and ${max}`, value);
  }
  return value;
}

/** A finite number > 0 and <= {@link MAX_TIMER_MS} (a timeout), or `fallback` when undefined. */
export function positiveMsOption(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new HealthConfigError(
      option,
      `a positive finite number of milliseconds (<= ${MAX_TIMER_MS})`,
      value,
    );
  }
  return value;
}

/** A boolean, or `fallback` when undefined. */
export function booleanOption(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new HealthConfigError(option, 'a boolean', value);
  return value;
}

/** A non-empty string, or `fallback` when undefined. */
export function stringOption(option: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.length === 0)
    throw new HealthConfigError(option, 'a non-empty string', value);
  return value;
}
