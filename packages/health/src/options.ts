import { HealthConfigError } from './errors';
import type { CheckFunction, HealthOptions } from './types';
import {
  booleanOption,
  numberOption,
  objectOption,
  positiveMsOption,
  rejectUnknownKeys,
  stringOption,
  MAX_TIMER_MS,
} from './validate';

/** Defaults applied by {@link resolveOptions}. */
export const DEFAULTS = {
  version: 'unknown',
  cacheMs: 1000,
  timeoutMs: 2000,
  critical: true,
  maxOutputLength: 300,
  livenessFailForMs: 10_000,
} as const;

/** A check definition after validation, with defaults filled in. */
export interface ResolvedCheck {
  readonly name: string;
  readonly check: CheckFunction;
  readonly timeoutMs: number;
  readonly critical: boolean;
}

/** {@link HealthOptions} after validation, with defaults filled in. */
export interface ResolvedOptions {
  readonly version: string;
  readonly checks: readonly ResolvedCheck[];
  readonly cacheMs: number;
  readonly startupChecks: readonly ResolvedCheck[] | undefined;
  readonly maxEventLoopBlockMs: number | undefined;
  readonly livenessFailForMs: number;
  readonly maxOutputLength: number;
}

const OPTION_KEYS = ['version', 'checks', 'cacheMs', 'startupChecks', 'liveness', 'maxOutputLength'] as const;
const CHECK_KEYS = ['name', 'check', 'timeoutMs', 'critical'] as const;
const LIVENESS_KEYS = ['maxEventLoopBlockMs', 'failForMs'] as const;

/** Validates options once at setup; throws {@link HealthConfigError} naming the first bad option. */
export function resolveOptions(input: HealthOptions | undefined): ResolvedOptions {
  const options = objectOption('options', input);
  rejectUnknownKeys('options', options, OPTION_KEYS);
  const liveness = objectOption('liveness', options.liveness);
  rejectUnknownKeys('liveness', liveness, LIVENESS_KEYS);
  return {
    version: versionOption(options.version),
    checks: checkList('checks', options.checks ?? []),
    cacheMs: numberOption('cacheMs', options.cacheMs, DEFAULTS.cacheMs, 0, MAX_TIMER_MS),
    startupChecks:
      options.startupChecks === undefined ? undefined : checkList('startupChecks', options.startupChecks),
    maxEventLoopBlockMs:
      liveness.maxEventLoopBlockMs === undefined
        ? undefined
        : positiveMsOption('liveness.maxEventLoopBlockMs', liveness.maxEventLoopBlockMs, 0),
    livenessFailForMs: numberOption(
      'liveness.failForMs',
      liveness.failForMs,
      DEFAULTS.livenessFailForMs,
      0,
      MAX_TIMER_MS,
    ),
    maxOutputLength: integerInRange(
      'maxOutputLength',
      options.maxOutputLength,
      DEFAULTS.maxOutputLength,
      16,
      4096,
    ),
  };
}

function versionOption(value: unknown): string {
  if (value === undefined) return DEFAULTS.version;
  if (typeof value !== 'string') throw new HealthConfigError('version', 'a string', value);
  return value;
}

function integerInRange(option: string, value: unknown, fallback: number, min: number, max: number): number {
  const n = numberOption(option, value, fallback, min, max);
  if (!Number.isInteger(n)) throw new HealthConfigError(option, 'an integer', value);
  return n;
}

function checkList(option: string, value: unknown): ResolvedCheck[] {
  if (!Array.isArray(value)) throw new HealthConfigError(option, 'an array of checks', value);
  const seen = new Map<string, number>();
  // Array.from turns holes (`[a, , b]`) into undefined, which is rejected below instead of skipped by map.
  return Array.from(value as unknown[]).map((entry: unknown, index) => {
    const check = resolveCheck(`${option}[${index}]`, entry);
    const previous = seen.get(check.name);
    if (previous !== undefined) {
      throw new HealthConfigError(
        `${option}[${index}].name`,
        `unique (already used by ${option}[${previous}])`,
        check.name,
      );
    }
    seen.set(check.name, index);
    return check;
  });
}

function resolveCheck(option: string, entry: unknown): ResolvedCheck {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new HealthConfigError(option, 'a check object { name, check }', entry);
  }
  const raw = entry as Record<string, unknown>;
  rejectUnknownKeys(option, raw, CHECK_KEYS);
  const name = stringOption(`${option}.name`, raw.name, '');
  if (name === '') throw new HealthConfigError(`${option}.name`, 'a non-empty string', raw.name);
  // It would set the prototype of `body.checks` instead of adding a key: the check would vanish.
  if (name === '__proto__')
    throw new HealthConfigError(`${option}.name`, 'a name other than __proto__', name);
  if (typeof raw.check !== 'function')
    throw new HealthConfigError(`${option}.check`, 'a function', raw.check);
  return {
    name,
    check: raw.check as CheckFunction,
    timeoutMs: positiveMsOption(`${option}.timeoutMs`, raw.timeoutMs, DEFAULTS.timeoutMs),
    critical: booleanOption(`${option}.critical`, raw.critical, DEFAULTS.critical),
  };
}
