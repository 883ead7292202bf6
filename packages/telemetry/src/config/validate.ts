import { TelemetryConfigError } from '../errors';
import { isHttpUrl } from './env';

/** Option validators: each returns the value when valid or absent and throws `TelemetryConfigError` otherwise. */

export function optString(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new TelemetryConfigError(option, 'a non-empty string', value);
}

export function optBool(option: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new TelemetryConfigError(option, 'a boolean', value);
}

export function optRatio(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  throw new TelemetryConfigError(option, 'a number from 0 to 1', value);
}

export function optInt(option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new TelemetryConfigError(option, `an integer from ${min} to ${max}`, value);
}

export function optOneOf<T extends string>(
  option: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
  throw new TelemetryConfigError(option, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
}

export function optUrl(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isHttpUrl(value)) return value;
  throw new TelemetryConfigError(option, 'an absolute http:// or https:// URL', value);
}

export function optObject(option: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw new TelemetryConfigError(option, 'an object', value);
}

export function optStringRecord(option: string, value: unknown): Record<string, string> | undefined {
  const record = optObject(option, value);
  if (!record) return undefined;
  for (const [key, v] of Object.entries(record))
    if (typeof v !== 'string') throw new TelemetryConfigError(`${option}.${key}`, 'a string', v);
  return record as Record<string, string>;
}

export function optArray(option: string, value: unknown): readonly unknown[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  throw new TelemetryConfigError(option, 'an array', value);
}

export function optList<T extends string>(
  option: string,
  value: unknown,
  allowed: readonly T[],
): T[] | undefined {
  const list = optArray(option, value);
  return list?.map((v, i) => optOneOf(`${option}[${i}]`, v, allowed) as T);
}

export function optBuckets(option: string, value: unknown): readonly number[] | undefined {
  const list = optArray(option, value);
  if (!list) return undefined;
  if (list.length === 0) throw new TelemetryConfigError(option, 'a non-empty list of bucket bounds', list);
  list.forEach((v, i) => {
    const prev = list[i - 1];
    const ok = typeof v === 'number' && Number.isFinite(v) && (typeof prev !== 'number' || v > prev);
    if (!ok)
      throw new TelemetryConfigError(
        `${option}[${i}]`,
        'a finite number greater than the previous bucket',
        v,
      );
  });
  return list as number[];
}

export function optNumber(option: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
  throw new TelemetryConfigError(option, `a finite number >= ${min}`, value);
}
