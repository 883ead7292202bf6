import { performance } from 'node:perf_hooks';
import { createRedactor } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
import { HealthConfigError } from '../errors';
import type { HealthCheck } from '../types';
import type { CommonCheckOptions } from './common';
import { elapsedMs, readOptions } from './common';

/** Options of {@link http}. */
export interface HttpCheckOptions extends CommonCheckOptions {
  /** Accepted status code(s); default any 2xx. */
  expectStatus?: number | readonly number[];
  /** Request method; default `GET`. */
  method?: string;
  /** Extra request headers (string values); checked at setup, never shown in output. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * HTTP check: `fetch(url)` with the check's abort signal (redirects not followed); fails on an unexpected
 * status. Reports the time to response headers in ms and the status code; the body is discarded.
 * @example createHealth({ checks: [checks.http('http://payments.internal/health', { expectStatus: 200 })] })
 */
export function http(url: string | URL, options?: HttpCheckOptions): HealthCheck {
  const target = parseUrl(url);
  const { raw, common } = readOptions('http', options, ['expectStatus', 'method', 'headers']);
  const accepts = statusMatcher(raw.expectStatus);
  const method = typeof raw.method === 'string' ? raw.method : 'GET';
  if (raw.method !== undefined && typeof raw.method !== 'string') {
    throw new HealthConfigError('checks.http.method', 'a string', raw.method);
  }
  const headers = headersOption(raw.headers);
  return {
    ...common,
    check: async (signal) => {
      const start = performance.now();
      const response = await fetch(target, { method, headers, signal, redirect: 'manual' });
      const observedValue = elapsedMs(start);
      await response.body?.cancel().catch(() => undefined);
      const detail = { observedValue, observedUnit: 'ms', status_code: response.status };
      if (accepts(response.status)) return detail;
      return { ...detail, status: 'fail', output: `unexpected status ${response.status}` };
    },
  };
}

function parseUrl(url: unknown): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url as string);
  } catch {
    // reported below
  }
  if (parsed?.username || parsed?.password) {
    // This message ends up in logs: the received URL is shown with its credentials (and tokens) censored.
    throw new HealthConfigError(
      'checks.http(url)',
      'a URL without credentials (pass them in headers)',
      urlRedactor().redactUrl(parsed.href),
    );
  }
  if (parsed?.protocol === 'http:' || parsed?.protocol === 'https:') return parsed;
  // A parsed URL is shown without path and query; an unparsable one through the URL scrubber, which finds
  // userinfo even where the URL parser gives up (`http://user:pa ss@[bad/`).
  const shown = parsed
    ? `${parsed.protocol}//${parsed.host}`
    : typeof url === 'string'
      ? urlRedactor().redactUrl(url)
      : url;
  throw new HealthConfigError('checks.http(url)', 'an absolute http(s) URL', shown);
}

let redactor: Redactor | undefined;
function urlRedactor(): Redactor {
  redactor ??= createRedactor();
  return redactor;
}

function statusMatcher(expect: unknown): (status: number) => boolean {
  if (expect === undefined) return (status) => status >= 200 && status < 300;
  const list = Array.isArray(expect) ? expect : [expect];
  if (list.length === 0 || !list.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) {
    throw new HealthConfigError(
      'checks.http.expectStatus',
      'an HTTP status code or a non-empty array of them',
      expect,
    );
  }
  return (status) => list.includes(status);
}

// Checked at setup: a bad value would otherwise fail every run, and fetch's message would quote the
// header value (often a token) into the served output. The error names the option, never the values.
function headersOption(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const expected = 'an object of valid header names and string values';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HealthConfigError('checks.http.headers', expected, value);
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (!Object.values(copy).every((v) => typeof v === 'string')) {
    throw new HealthConfigError('checks.http.headers', expected, value);
  }
  try {
    new Headers(copy as Record<string, string>);
  } catch {
    throw new HealthConfigError('checks.http.headers', expected, value);
  }
  return copy as Record<string, string>;
}
