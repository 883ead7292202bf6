import { assign } from './assign';
import type { ValueCensor } from './censor';
import { escapeControlChars } from './escape';
import { MARKERS } from './markers';

/** Headers whose value is always a credential. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
]);

/** Headers whose value is a URL, scrubbed with `redactUrl`. */
const URL_HEADERS: ReadonlySet<string> = new Set(['referer', 'location', 'content-location', 'refresh']);

/**
 * Headers in any of the shapes Node and the fetch API hand out: `IncomingHttpHeaders` / `OutgoingHttpHeaders`
 * records, a fetch `Headers`, a `Map`, or `req.rawHeaders` (a flat `[name, value, name, value, ...]` list).
 */
export type HeadersInput =
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | { entries(): IterableIterator<[string, string]>; forEach(...args: never[]): void }
  | ReadonlyMap<string, unknown>
  | readonly string[];

/** Redacted headers: a plain record of strings (a header sent several times keeps its list). */
export type RedactedHeaders = Record<string, string | string[]>;

/** What {@link createHeaderRedactor} needs from the redactor. */
export interface HeaderDeps {
  readonly isSensitiveKey: (key: string) => string | undefined;
  readonly scanString: (text: string) => string;
  readonly redactUrl: (url: string) => string;
  readonly censor: ValueCensor;
  /** At most this many headers, and values per header, are copied; the rest are dropped. */
  readonly maxItems: number;
}

/**
 * Compiles `redactHeaders`: credential headers censored, URL headers through `redactUrl`, other values through
 * the text scanner. Bounded by `maxItems` (headers and values per header), so a hostile object (a sparse array of
 * length 1e9, a huge Map) costs at most `maxItems²` values. Never throws.
 */
export function createHeaderRedactor(deps: HeaderDeps): (headers: HeadersInput) => RedactedHeaders {
  const text = (value: unknown): string => (typeof value === 'string' ? value : scalarText(value));
  const censorText = (value: unknown, rule: string): string => text(deps.censor(value, 'key', rule));
  const one = (name: string, value: unknown): string | string[] | undefined => {
    if (value === undefined || value === null) return undefined;
    const lower = name.toLowerCase();
    const rule = CREDENTIAL_HEADERS.has(lower) ? lower : deps.isSensitiveKey(name);
    const scrub =
      rule !== undefined
        ? (v: unknown) => censorText(v, rule)
        : (v: unknown) => (URL_HEADERS.has(lower) ? deps.redactUrl : deps.scanString)(text(v));
    return Array.isArray(value) ? boundedMap(value, deps.maxItems, scrub) : scrub(value);
  };
  return (headers) => {
    const out: RedactedHeaders = {};
    if (headers === null || typeof headers !== 'object') return out;
    try {
      for (const [name, value] of headerEntries(headers, deps.maxItems)) {
        const redacted = one(name, value);
        if (redacted !== undefined) add(out, name, redacted);
      }
    } catch {
      // A hostile headers object (throwing iterator or proxy trap): return what was copied so far.
    }
    return out;
  };
}

/** The first `max` [name, value] pairs of any accepted headers shape; reading a value never throws. */
function* headerEntries(headers: object, max: number): Generator<[string, unknown]> {
  let count = 0;
  if (Array.isArray(headers)) {
    const end = Math.min(headers.length - (headers.length % 2), max * 2);
    for (let i = 0; i < end; i += 2) yield [String(headers[i]), headers[i + 1]];
    return;
  }
  if (isEntryIterable(headers)) {
    for (const [name, value] of headers.entries()) {
      if (count++ >= max) return;
      yield [String(name), value];
    }
    return;
  }
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    if (count++ >= max) return;
    yield [name, read(headers as Record<string, unknown>, name)];
  }
}

/** Adds a header; a name seen before (raw headers repeat them) keeps every value as a list. */
function add(out: RedactedHeaders, name: string, value: string | string[]): void {
  const before = Object.hasOwn(out, name) ? out[name] : undefined;
  if (before === undefined) assign(out, name, value);
  else
    assign(out, name, [
      ...(Array.isArray(before) ? before : [before]),
      ...(Array.isArray(value) ? value : [value]),
    ]);
}

function boundedMap(values: readonly unknown[], max: number, f: (v: unknown) => string): string[] {
  const out: string[] = [];
  const end = Math.min(values.length, max);
  for (let i = 0; i < end; i++) {
    const v = values[i];
    if (v !== undefined && v !== null) out.push(f(v));
  }
  return out;
}

/** A header value that is not a string: numbers and booleans as text, anything else as a marker. */
function scalarText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return MARKERS.unreadable;
}

function isEntryIterable(headers: object): headers is Map<unknown, unknown> {
  const h = headers as { entries?: unknown; forEach?: unknown };
  return headers instanceof Map || (typeof h.entries === 'function' && typeof h.forEach === 'function');
}

function read(headers: Record<string, unknown>, name: string): unknown {
  try {
    return headers[name];
  } catch {
    return MARKERS.unreadable;
  }
}

/** Redacted headers with control characters escaped in names and values (for log lines). */
export function escapeHeaders(headers: RedactedHeaders): RedactedHeaders {
  const out: RedactedHeaders = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name] as string | string[];
    assign(
      out,
      escapeControlChars(name),
      Array.isArray(value) ? value.map(escapeControlChars) : escapeControlChars(value),
    );
  }
  return out;
}
