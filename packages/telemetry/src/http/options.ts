import { optArray, optBool, optObject, optOneOf } from '../config/validate';
import { TelemetryConfigError, HiddenValue } from '../errors';
import type { ClientAddressMode } from './client-address';
import type { HealthProbes, HttpObservabilityOptions, HttpTelemetry } from './types';

/** Options checked once at startup; request handling reads only these. */
export interface ResolvedHttpOptions {
  telemetry: HttpTelemetry;
  health: HealthProbes | undefined;
  healthPaths: { combined?: string; live?: string; ready?: string; startup?: string };
  metrics:
    | { path: string; allow: string[] | undefined; trustedProxies: string[]; bearerToken?: string }
    | undefined;
  excludePaths: string[];
  observeEndpoints: boolean;
  requestHeaders: string[];
  responseHeaders: string[];
  clientAddress: ClientAddressMode;
  accessLog: boolean;
  errorResponder: boolean;
}

const PREFIX = 'http';
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;

function fail(option: string, expected: string, value: unknown): never {
  throw new TelemetryConfigError(option ? `${PREFIX}.${option}` : PREFIX, expected, value);
}

function path(option: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && value.startsWith('/') && !/[?#\s]/.test(value)) return value;
  return fail(option, 'a path starting with "/" without query, fragment or spaces', value);
}

function switchable(option: string, value: unknown, fallback: string): string | undefined {
  return value === false ? undefined : path(option, value, fallback);
}

function strings(option: string, value: unknown): string[] | undefined {
  const list = optArray(`${PREFIX}.${option}`, value);
  if (!list) return undefined;
  return list.map((item, i) => (typeof item === 'string' ? item : fail(`${option}[${i}]`, 'a string', item)));
}

function headerNames(option: string, value: unknown): string[] {
  const names = strings(option, value) ?? [];
  names.forEach((name, i) => {
    if (!HEADER_NAME.test(name)) fail(`${option}[${i}]`, 'an HTTP header name', name);
  });
  return names.map((name) => name.toLowerCase());
}

function telemetryOption(value: unknown): HttpTelemetry {
  const t = value as Partial<HttpTelemetry> | undefined;
  const ok =
    typeof t === 'object' &&
    t !== null &&
    typeof t.tracer === 'object' &&
    typeof t.meter === 'object' &&
    typeof t.logger === 'object' &&
    typeof t.redactor === 'object' &&
    typeof t.metricsText === 'function';
  return ok ? (t as HttpTelemetry) : fail('telemetry', 'the value startTelemetry() returned', value);
}

function healthOption(value: unknown): HealthProbes | undefined {
  if (value === undefined) return undefined;
  const h = value as Partial<HealthProbes> | null;
  const ok =
    typeof h === 'object' &&
    h !== null &&
    typeof h.live === 'function' &&
    typeof h.ready === 'function' &&
    typeof h.startup === 'function';
  return ok ? (h as HealthProbes) : fail('health', 'the value createHealth() returned', value);
}

function healthPathsOption(value: unknown): ResolvedHttpOptions['healthPaths'] {
  if (value === false) return {};
  const o = optObject(`${PREFIX}.healthEndpoints`, value) ?? {};
  const out: ResolvedHttpOptions['healthPaths'] = {};
  const combined = switchable('healthEndpoints.combined', o['combined'], '/health');
  const live = switchable('healthEndpoints.live', o['live'], '/health/live');
  const ready = switchable('healthEndpoints.ready', o['ready'], '/health/ready');
  const startup = switchable('healthEndpoints.startup', o['startup'], '/health/startup');
  if (combined) out.combined = combined;
  if (live) out.live = live;
  if (ready) out.ready = ready;
  if (startup) out.startup = startup;
  return out;
}

function metricsEndpoint(value: unknown): ResolvedHttpOptions['metrics'] {
  if (value === false) return undefined;
  const o = optObject(`${PREFIX}.metricsEndpoint`, value) ?? {};
  const token = o['bearerToken'];
  if (token !== undefined && (typeof token !== 'string' || token.length < 16 || /\s/.test(token))) {
    fail(
      'metricsEndpoint.bearerToken',
      'a string of at least 16 characters without spaces',
      new HiddenValue('a hidden value'),
    );
  }
  return {
    path: path('metricsEndpoint.path', o['path'], '/metrics'),
    allow: strings('metricsEndpoint.allow', o['allow']),
    trustedProxies: strings('metricsEndpoint.trustedProxies', o['trustedProxies']) ?? [],
    ...(typeof token === 'string' ? { bearerToken: token } : {}),
  };
}

/** Validates the options once; throws `TelemetryConfigError` naming the option (`http.metricsEndpoint.allow[1]`). */
export function resolveHttpOptions(options: HttpObservabilityOptions): ResolvedHttpOptions {
  const o = optObject(PREFIX, options) ?? fail('', 'an options object', options);
  const capture = optObject(`${PREFIX}.captureHeaders`, o['captureHeaders']) ?? {};
  const excludes = strings('excludePaths', o['excludePaths']) ?? [];
  for (const [i, p] of excludes.entries()) path(`excludePaths[${i}]`, p, p);
  return {
    telemetry: telemetryOption(o['telemetry']),
    health: healthOption(o['health']),
    healthPaths: healthPathsOption(o['healthEndpoints']),
    metrics: metricsEndpoint(o['metricsEndpoint']),
    excludePaths: excludes,
    observeEndpoints: optBool(`${PREFIX}.observeEndpoints`, o['observeEndpoints']) ?? false,
    requestHeaders: headerNames('captureHeaders.request', capture['request']),
    responseHeaders: headerNames('captureHeaders.response', capture['response']),
    clientAddress:
      optOneOf(`${PREFIX}.clientAddress`, o['clientAddress'], ['truncate', 'full', 'omit'] as const) ??
      'truncate',
    accessLog: optBool(`${PREFIX}.accessLog`, o['accessLog']) ?? true,
    errorResponder: optBool(`${PREFIX}.errorResponder`, o['errorResponder']) ?? false,
  };
}
