import { DETECTOR_DEFAULTS } from './detectors';
import { RedactConfigError } from './errors';
import { DEFAULT_KEYS } from './keys';
import { parsePath, type Segment } from './paths';
import type { Censor, CustomPattern, DetectorName, RedactorOptions } from './types';

/** Options after validation, with every default filled in. */
export interface ResolvedOptions {
  readonly keys: readonly string[];
  readonly paths: readonly { source: string; segments: Segment[] }[];
  readonly detectors: ReadonlySet<DetectorName>;
  readonly patterns: readonly CustomPattern[];
  readonly censor: Censor;
  readonly urlCensor: string;
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly maxItems: number;
  readonly maxNodes: number;
  readonly escape: boolean;
}

/** The defaults, in one place. */
export const DEFAULTS = {
  censor: '[REDACTED]',
  urlCensor: 'REDACTED',
  maxDepth: 10,
  maxStringLength: 16_384,
  maxItems: 1000,
  maxNodes: 10_000,
} as const;

/**
 * The largest accepted value of each numeric bound: beyond these a single call could allocate gigabytes or
 * overflow the stack (a sparse array of length 2**32 with `maxItems: 2**32`), so they are configuration errors.
 */
export const LIMITS = {
  maxDepth: 100,
  maxStringLength: 16_777_216,
  maxItems: 100_000,
  maxNodes: 1_000_000,
} as const;

const KNOWN = new Set([
  'keys',
  'defaultKeys',
  'paths',
  'detectors',
  'patterns',
  'censor',
  'urlCensor',
  'maxDepth',
  'maxStringLength',
  'maxItems',
  'maxNodes',
  'escape',
]);

/** Validates options once at setup; throws {@link RedactConfigError} naming the option and the value received. */
export function resolveOptions(options: RedactorOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new RedactConfigError('options', 'an object', options);
  }
  for (const name of Object.keys(options)) {
    if (!KNOWN.has(name))
      throw new RedactConfigError(
        name,
        `a known option (${[...KNOWN].join(', ')})`,
        (options as Record<string, unknown>)[name],
      );
  }
  const o = options as Record<string, unknown>;
  const defaultKeys = optionalBoolean(o, 'defaultKeys') ?? true;
  return {
    keys: [...(defaultKeys ? DEFAULT_KEYS : []), ...stringList(o, 'keys')],
    paths: stringList(o, 'paths').map((source, i) => ({ source, segments: pathSegments(source, i) })),
    detectors: detectorSet(o['detectors']),
    patterns: patternList(o['patterns']),
    censor: censorOption(o['censor']),
    urlCensor: optionalString(o, 'urlCensor') ?? DEFAULTS.urlCensor,
    maxDepth: integer(o, 'maxDepth', 0) ?? DEFAULTS.maxDepth,
    maxStringLength: integer(o, 'maxStringLength', 1) ?? DEFAULTS.maxStringLength,
    maxItems: integer(o, 'maxItems', 1) ?? DEFAULTS.maxItems,
    maxNodes: integer(o, 'maxNodes', 1) ?? DEFAULTS.maxNodes,
    escape: optionalBoolean(o, 'escape') ?? false,
  };
}

function stringList(o: Record<string, unknown>, name: string): string[] {
  const value = o[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RedactConfigError(name, 'an array of strings', value);
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.length === 0) {
      throw new RedactConfigError(`${name}[${i}]`, 'a non-empty string', item);
    }
  });
  return value as string[];
}

function pathSegments(source: string, i: number): Segment[] {
  const segments = parsePath(source);
  if (!segments) {
    throw new RedactConfigError(`paths[${i}]`, 'a path like a.b, a["b-c"], a[0], a.*, *.b or **.b', source);
  }
  return segments;
}

function detectorSet(value: unknown): Set<DetectorName> {
  const names = Object.keys(DETECTOR_DEFAULTS) as DetectorName[];
  if (value === undefined || value === true) return new Set(names.filter((n) => DETECTOR_DEFAULTS[n]));
  if (value === false) return new Set();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RedactConfigError('detectors', 'a boolean or an object of detector names to booleans', value);
  }
  const chosen = value as Record<string, unknown>;
  for (const [name, on] of Object.entries(chosen)) {
    if (!(name in DETECTOR_DEFAULTS)) {
      throw new RedactConfigError(`detectors.${name}`, `a detector name (${names.join(', ')})`, name);
    }
    if (typeof on !== 'boolean') throw new RedactConfigError(`detectors.${name}`, 'a boolean', on);
  }
  return new Set(names.filter((n) => (chosen[n] as boolean | undefined) ?? DETECTOR_DEFAULTS[n]));
}

function patternList(value: unknown): CustomPattern[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RedactConfigError('patterns', 'an array of { name, pattern }', value);
  return value.map((item: unknown, i) => {
    const p = (item ?? {}) as Record<string, unknown>;
    if (typeof p['name'] !== 'string' || p['name'].length === 0) {
      throw new RedactConfigError(`patterns[${i}].name`, 'a non-empty string', p['name']);
    }
    if (!(p['pattern'] instanceof RegExp)) {
      throw new RedactConfigError(`patterns[${i}].pattern`, 'a RegExp', p['pattern']);
    }
    return { name: p['name'], pattern: p['pattern'] };
  });
}

function censorOption(value: unknown): Censor {
  if (value === undefined) return DEFAULTS.censor;
  if (typeof value === 'string' || typeof value === 'function') return value as Censor;
  throw new RedactConfigError('censor', 'a string or a function', value);
}

function optionalBoolean(o: Record<string, unknown>, name: string): boolean | undefined {
  const value = o[name];
  if (value === undefined || typeof value === 'boolean') return value;
  throw new RedactConfigError(name, 'a boolean', value);
}

function optionalString(o: Record<string, unknown>, name: string): string | undefined {
  const value = o[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new RedactConfigError(name, 'a string', value);
}

function integer(o: Record<string, unknown>, name: keyof typeof LIMITS, min: number): number | undefined {
  const value = o[name];
  if (value === undefined) return undefined;
  const max = LIMITS[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RedactConfigError(name, `an integer from ${min} to ${max}`, value);
  }
  return value;
}
