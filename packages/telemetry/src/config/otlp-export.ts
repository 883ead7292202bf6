import { HiddenValue, TelemetryConfigError } from '../errors';
import { DEFAULTS } from './defaults';
import type { EnvReader } from './env';
import { optInt, optStringRecord, optUrl } from './validate';

/** The signals exported over OTLP/HTTP, named as in `OTEL_EXPORTER_OTLP_<SIGNAL>_*`. */
export type OtlpSignal = 'traces' | 'logs' | 'metrics';

/** Where and how one signal is sent. */
export interface OtlpExport {
  /** Signal URL; `undefined` when neither an option nor a variable names one. */
  endpoint?: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** The options one signal group may carry for its OTLP exporter. */
export interface OtlpExportOptions {
  endpoint?: unknown;
  headers?: unknown;
  timeoutMs?: unknown;
}

// RFC 9110 field name (token) and field value (no CR, LF, NUL or other controls but tab; Latin-1 only, as Node sends).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why a header cannot be sent, or `undefined` when it can. */
export function headerProblem(name: string, value: string): string | undefined {
  if (!HEADER_NAME.test(name)) return 'the name is not an HTTP token';
  if (!HEADER_VALUE.test(value))
    return 'the value contains CR, LF, another control character or a character above U+00FF';
  return undefined;
}

function checkHeaderOption(option: string, value: unknown): Record<string, string> | undefined {
  const headers = optStringRecord(option, value);
  for (const [name, v] of Object.entries(headers ?? {})) {
    const problem = headerProblem(name, v);
    if (problem)
      throw new TelemetryConfigError(
        `${option}[${JSON.stringify(name)}]`,
        'a valid HTTP header (token name, value without control characters)',
        new HiddenValue(`a header that cannot be sent: ${problem}`),
      );
  }
  return headers;
}

function envHeaders(env: EnvReader, name: string, fallback: string): Record<string, string> | undefined {
  const parsed = env.keyValues(name, fallback);
  if (!parsed) return undefined;
  const out: Record<string, string> = {};
  for (const [header, value] of Object.entries(parsed)) {
    const problem = headerProblem(header, value);
    if (problem) env.note(`invalid header ${JSON.stringify(header)} in ${name}: ${problem}; header dropped`);
    else out[header] = value;
  }
  return out;
}

/**
 * `base` with `/v1/<signal>` appended to its path; the query is kept, a fragment (never sent over HTTP)
 * is dropped with a warning.
 */
export function signalUrl(base: string, signal: OtlpSignal, env: EnvReader, source: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/${signal}`;
  return withoutFragment(url, env, source);
}

function withoutFragment(url: URL, env: EnvReader, source: string): string {
  if (url.hash) env.note(`${source} has a #fragment, which HTTP never sends; it was dropped`);
  url.hash = '';
  return url.href;
}

function resolveEndpoint(signal: OtlpSignal, o: OtlpExportOptions, env: EnvReader): string | undefined {
  const upper = signal.toUpperCase();
  const option = optUrl(`${signal}.endpoint`, o.endpoint);
  if (option) return withoutFragment(new URL(option), env, `option ${signal}.endpoint`);
  const base = env.url('OTEL_EXPORTER_OTLP_ENDPOINT', 'no endpoint');
  const specific = `OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`;
  const full = env.url(specific, base ? 'OTEL_EXPORTER_OTLP_ENDPOINT' : 'no endpoint');
  if (full) return withoutFragment(new URL(full), env, specific);
  return base ? signalUrl(base, signal, env, 'OTEL_EXPORTER_OTLP_ENDPOINT') : undefined;
}

/**
 * Endpoint, headers and request timeout of one signal's OTLP exporter: the signal's options over
 * `OTEL_EXPORTER_OTLP_<SIGNAL>_*` over `OTEL_EXPORTER_OTLP_*` over defaults. Invalid options throw;
 * invalid variables (and each invalid header in them) warn and are dropped.
 */
export function resolveOtlpExport(signal: OtlpSignal, o: OtlpExportOptions, env: EnvReader): OtlpExport {
  const upper = signal.toUpperCase();
  const headers =
    checkHeaderOption(`${signal}.headers`, o.headers) ??
    envHeaders(env, `OTEL_EXPORTER_OTLP_${upper}_HEADERS`, 'OTEL_EXPORTER_OTLP_HEADERS') ??
    envHeaders(env, 'OTEL_EXPORTER_OTLP_HEADERS', 'no extra headers') ??
    {};
  const timeoutMs =
    optInt(`${signal}.timeoutMs`, o.timeoutMs, 1) ??
    env.integer(`OTEL_EXPORTER_OTLP_${upper}_TIMEOUT`, 1, 'OTEL_EXPORTER_OTLP_TIMEOUT') ??
    env.integer('OTEL_EXPORTER_OTLP_TIMEOUT', 1, String(DEFAULTS.timeoutMs)) ??
    DEFAULTS.timeoutMs;
  const endpoint = resolveEndpoint(signal, o, env);
  return endpoint === undefined ? { headers, timeoutMs } : { endpoint, headers, timeoutMs };
}
