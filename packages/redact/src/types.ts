import type { HeadersInput, RedactedHeaders } from './headers';

/** Names of the built-in free-text detectors. */
export type DetectorName =
  | 'email'
  | 'creditCard'
  | 'ssn'
  | 'iban'
  | 'jwt'
  | 'bearer'
  | 'apiKey'
  | 'privateKey'
  | 'phone'
  | 'url'
  | 'keyValue'
  | 'ip';

/** Where a value was found when the censor is called. */
export interface CensorContext {
  /** Why the value is censored: a sensitive key, a configured path, or a text detector. */
  readonly reason: 'key' | 'path' | 'detector';
  /** Key name or detector name that matched. */
  readonly rule: string;
}

/** Replacement for a sensitive value: a fixed string or a function of the original value. */
export type Censor = string | ((value: unknown, context: CensorContext) => unknown);

/** A user-supplied free-text detector. */
export interface CustomPattern {
  /** Name reported to a censor function. */
  name: string;
  /** Pattern to replace; compiled once with the `g` flag added when missing. */
  pattern: RegExp;
}

/** Options of {@link createRedactor}; every field is optional and the defaults are safe. */
export interface RedactorOptions {
  /** Extra key names treated as sensitive, matched like the built-in denylist (case and naming style insensitive). */
  keys?: readonly string[];
  /** Use the built-in key denylist (`password`, `token`, `apiKey`, ...); default `true`. */
  defaultKeys?: boolean;
  /** Exact paths to censor, in pino `redact.paths` syntax: `a.b`, `a["b-c"]`, `a[0]`, `a.*.b`; `**.key` matches `key` at any depth. */
  paths?: readonly string[];
  /**
   * Detectors switched on or off by name; unspecified ones keep their default (all on except `ip`).
   * `false` switches every built-in detector off, `true` keeps the defaults.
   */
  detectors?: Partial<Record<DetectorName, boolean>> | boolean;
  /** Extra free-text patterns. */
  patterns?: readonly CustomPattern[];
  /** Replacement value; default `"[REDACTED]"`. */
  censor?: Censor;
  /** Replacement used inside URLs (userinfo, query values, path segments) when `censor` is a string; default `"REDACTED"`. */
  urlCensor?: string;
  /** Objects nested deeper than this become `"[Truncated]"`; default 10, at most 100. */
  maxDepth?: number;
  /**
   * Strings inside `redact`/`redactHeaders` longer than this are scanned up to this length plus a 4 KB look-ahead,
   * then cut to at most this many characters ending in `…[truncated N chars]`; default 16384, at most 16777216 (16 MiB).
   * `redactText` never cuts.
   */
  maxStringLength?: number;
  /**
   * Arrays, Sets, Maps and objects with more entries than this keep the first `maxItems - 1` plus a marker;
   * default 1000, at most 100000.
   */
  maxItems?: number;
  /**
   * Budget of values copied by one `redact` call; once spent, the rest of each list or object becomes a
   * `[…N more items]` / `[N more keys]` marker. Default 10000, at most 1000000.
   */
  maxNodes?: number;
  /**
   * Escape control characters in every key and string of `redact`'s output with {@link escapeControlChars}
   * (log lines: one record is always one line); default `false`. Escaping runs after the cut, so an escaped
   * string can be up to six times `maxStringLength`.
   */
  escape?: boolean;
}

/** JSON data: what `redact` returns, so `JSON.stringify` of it never throws and round-trips. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A compiled redactor; create once with {@link createRedactor} and reuse. */
export interface Redactor {
  /**
   * JSON-safe deep copy of `value` with secrets replaced; never mutates, never throws. Exotic values take the
   * documented output form (Map → object, Set → array, Error → object, BigInt → string, ...); object entries
   * holding `undefined` are left out and list entries become `null`, as `JSON.stringify` does. Only an
   * `undefined` input gives `undefined`.
   */
  redact<T>(value: T): undefined extends T ? JsonValue | undefined : JsonValue;
  /** Free text with PII and secrets replaced. */
  redactText(text: string): string;
  /**
   * Plain-record copy of HTTP headers (Node's `IncomingHttpHeaders`, a fetch `Headers`, a `Map`, or a flat
   * `req.rawHeaders` list) with credential headers censored, URL headers scrubbed and other values scanned.
   */
  redactHeaders(headers: HeadersInput): RedactedHeaders;
  /** URL (absolute or relative, even malformed) with userinfo, sensitive query values and PII in the path replaced. */
  redactUrl(url: string): string;
  /** The options this redactor was compiled from (a frozen copy), to derive another: `createRedactor({ ...r.options, escape: true })`. */
  readonly options: Readonly<RedactorOptions>;
}
