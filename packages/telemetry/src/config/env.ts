import type { Env } from './types';

const SHOWN_VALUE_MAX = 60;

function show(value: string): string {
  return JSON.stringify(value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value);
}

/**
 * Reads environment variables with one warning per invalid value (collected, logged later once the
 * logger exists). Every getter returns `undefined` when the variable is unset, empty or invalid.
 * `scrub` (the redactor's `redactText`) runs on each quoted value on its own, before it is cut, and
 * again on the whole warning.
 */
export class EnvReader {
  readonly warnings: string[] = [];

  constructor(
    private readonly env: Env,
    private readonly scrub: (text: string) => string = (text) => text,
  ) {}

  /** Record a warning for `name` quoting its value, redacted then shortened. */
  warn(name: string, value: string, expected: string, fallback: string): void {
    this.note(`invalid ${name}=${show(this.scrub(value))}: expected ${expected}; using ${fallback}`);
  }

  /** Record a configuration warning once, redacted. */
  note(message: string): void {
    const scrubbed = this.scrub(message);
    if (!this.warnings.includes(scrubbed)) this.warnings.push(scrubbed);
  }

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  bool(name: string, fallback: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = raw.toLowerCase();
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.warn(name, raw, '"true" or "false"', fallback);
    return undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: string): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = raw.toLowerCase() as T;
    if (allowed.includes(value)) return value;
    this.warn(name, raw, `one of ${allowed.join(', ')}`, fallback);
    return undefined;
  }

  ratio(name: string, fallback: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (value >= 0 && value <= 1) return value;
    this.warn(name, raw, 'a number from 0 to 1', fallback);
    return undefined;
  }

  integer(name: string, min: number, fallback: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isSafeInteger(value) && value >= min) return value;
    this.warn(name, raw, `an integer >= ${min}`, fallback);
    return undefined;
  }

  url(name: string, fallback: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (isHttpUrl(raw)) return raw;
    this.warn(name, raw, 'an http:// or https:// URL', fallback);
    return undefined;
  }

  /** Comma-separated list; unknown entries are skipped with one warning; `undefined` when nothing valid remains. */
  list<T extends string>(name: string, allowed: readonly T[], fallback: string): T[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const out: T[] = [];
    const unknown: string[] = [];
    for (const entry of raw.split(',').map((e) => e.trim().toLowerCase())) {
      if (!allowed.includes(entry as T)) unknown.push(entry);
      else if (!out.includes(entry as T)) out.push(entry as T);
    }
    const expected = `entries from ${allowed.join(', ')}`;
    if (out.length === 0) this.warn(name, raw, expected, fallback);
    else if (unknown.length > 0) this.warn(name, raw, expected, out.join(','));
    return out.length === 0 ? undefined : out;
  }

  /**
   * `key1=value1,key2=value2` with percent-encoded values (W3C Baggage octets). Any malformed entry
   * discards the whole variable, as the OpenTelemetry specification asks. The warning names the
   * malformed entry by its key only: these lists carry credentials (headers) and free-form values.
   */
  keyValues(name: string, fallback: string, how: KeyValueRules = {}): Record<string, string> | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const parsed = parseKeyValues(raw, how);
    if (!('problem' in parsed)) return parsed.values;
    this.note(
      `invalid ${name}: ${parsed.problem}; expected comma-separated key=value pairs (values percent-encoded); using ${fallback}`,
    );
    return undefined;
  }
}

/** How strictly {@link parseKeyValues} reads a list. */
export interface KeyValueRules {
  /** Reject an unencoded `=` inside a value and keys or values over 255 characters (`OTEL_RESOURCE_ATTRIBUTES`). */
  strict?: boolean;
}

const MAX_ATTRIBUTE_LENGTH = 255;

function entryKey(entry: string): string {
  return show(entry.slice(0, entry.indexOf('=')).trim());
}

/** Parse `k=v,k2=v2` with percent-decoding; a `problem` (naming the entry's key, never its value) if any entry is malformed. */
export function parseKeyValues(
  raw: string,
  how: KeyValueRules = {},
): { values: Record<string, string> } | { problem: string } {
  const values: Record<string, string> = {};
  for (const entry of raw.split(',')) {
    if (!entry.trim()) continue;
    const eq = entry.indexOf('=');
    if (eq <= 0 || !entry.slice(0, eq).trim()) return { problem: 'an entry has no key=value form' };
    if (how.strict && entry.indexOf('=', eq + 1) !== -1)
      return { problem: `the value of entry ${entryKey(entry)} has an unencoded "="` };
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(entry.slice(0, eq).trim());
      value = decodeURIComponent(entry.slice(eq + 1).trim());
    } catch {
      return { problem: `entry ${entryKey(entry)} is not valid percent-encoding` };
    }
    if (how.strict && (key.length > MAX_ATTRIBUTE_LENGTH || value.length > MAX_ATTRIBUTE_LENGTH))
      return { problem: `entry ${entryKey(entry)} is longer than ${MAX_ATTRIBUTE_LENGTH} characters` };
    values[key] = value;
  }
  return { values };
}

/** `true` for absolute http(s) URLs. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
