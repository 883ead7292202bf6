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
  /** Objects nested deeper than this become `"[Truncated]"`; default 10. */
  maxDepth?: number;
  /**
   * Strings inside `redact`/`redactHeaders` longer than this are scanned up to this length plus a 4 KB look-ahead,
   * then cut to at most this many characters ending in `…[truncated N chars]`; default 16384. `redactText` never cuts.
   */
  maxStringLength?: number;
  /** Arrays, Sets, Maps and objects with more entries than this keep the first `maxItems - 1` plus a marker; default 1000. */
  maxItems?: number;
}

/** A compiled redactor; create once with {@link createRedactor} and reuse. */
export interface Redactor {
  /** Deep copy of `value` with secrets replaced; never mutates, never throws. */
  redact<T = unknown>(value: T): T;
  /** Free text with PII and secrets replaced. */
  redactText(text: string): string;
  /**
   * Plain-record copy of HTTP headers (Node's `IncomingHttpHeaders`, a fetch `Headers`, a `Map`, or a flat
   * `req.rawHeaders` list) with credential headers censored, URL headers scrubbed and other values scanned.
   */
  redactHeaders(headers: HeadersInput): RedactedHeaders;
  /** URL (absolute or relative, even malformed) with userinfo, sensitive query values and PII in the path replaced. */
  redactUrl(url: string): string;
}
