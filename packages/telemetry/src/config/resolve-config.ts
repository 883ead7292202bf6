import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { TelemetryConfigError } from '../errors';
import type { OtelLogLevel, TelemetryOptions } from '../options';
import { DEFAULTS } from './defaults';
import { EnvReader } from './env';
import { buildRedactor, checkInstrumentations } from './runtime-options';
import { rejectUnknownKeys } from './known-keys';
import { resolveLogs, resolveMetrics } from './resolve-signals';
import { resolveTraces } from './resolve-traces';
import type { ConfigResolution, Env } from './types';
import { optBool, optInt, optObject, optOneOf, optString } from './validate';

const OTEL_LOG_LEVELS: readonly OtelLogLevel[] = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];

function resourceFromEnv(env: EnvReader): Attributes {
  const fallback = 'no resource attributes from the environment';
  return env.keyValues('OTEL_RESOURCE_ATTRIBUTES', fallback, { strict: true }) ?? {};
}

function optAttributes(value: unknown): Attributes | undefined {
  const record = optObject('resourceAttributes', value);
  if (!record) return undefined;
  for (const [key, v] of Object.entries(record)) {
    const ok = ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v);
    if (!ok)
      throw new TelemetryConfigError(`resourceAttributes.${key}`, 'a string, number, boolean or array', v);
  }
  return record as Attributes;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Merge options (validated; invalid ones throw `TelemetryConfigError`) over environment variables
 * (invalid ones produce one warning each and fall back) over defaults. Pure: reads only `env`.
 * Warnings are passed through the configured redactor, since they may quote what a variable held.
 *
 * @example
 * const { config, warnings } = resolveConfig({ serviceName: 'todo' }, process.env);
 */
export function resolveConfig(options: TelemetryOptions = {}, env: Env = process.env): ConfigResolution {
  const o = (optObject('options', options) ?? {}) as TelemetryOptions;
  rejectUnknownKeys('', o);
  const redactor = buildRedactor(o.redact);
  const reader = new EnvReader(env, (text) => redactor.redactText(text));
  const resourceAttributes = { ...resourceFromEnv(reader), ...optAttributes(o.resourceAttributes) };
  const environment =
    optString('environment', o.environment) ??
    reader.string('ENVIRONMENT') ??
    reader.string('NODE_ENV') ??
    DEFAULTS.environment;
  const serviceName =
    optString('serviceName', o.serviceName) ??
    reader.string('OTEL_SERVICE_NAME') ??
    asString(resourceAttributes[ATTR_SERVICE_NAME]) ??
    DEFAULTS.serviceName;
  const serviceVersion =
    optString('serviceVersion', o.serviceVersion) ??
    asString(resourceAttributes[ATTR_SERVICE_VERSION]) ??
    reader.string('npm_package_version');
  const config = {
    disabled: optBool('disabled', o.disabled) ?? reader.bool('OTEL_SDK_DISABLED', 'false') ?? false,
    serviceName,
    serviceVersion,
    serviceNamespace:
      optString('serviceNamespace', o.serviceNamespace) ??
      asString(resourceAttributes[ATTR_SERVICE_NAMESPACE]),
    environment,
    resourceAttributes,
    traces: resolveTraces(o.traces, reader, environment),
    logs: resolveLogs(o.logs, reader, environment),
    metrics: resolveMetrics(o.metrics, reader),
    otelLogLevel:
      optOneOf('otelLogLevel', o.otelLogLevel, OTEL_LOG_LEVELS) ??
      reader.oneOf('OTEL_LOG_LEVEL', OTEL_LOG_LEVELS, DEFAULTS.otelLogLevel) ??
      DEFAULTS.otelLogLevel,
    shutdownTimeoutMs: optInt('shutdownTimeoutMs', o.shutdownTimeoutMs, 1) ?? DEFAULTS.shutdownTimeoutMs,
    warnIntervalMs: optInt('warnIntervalMs', o.warnIntervalMs, 0) ?? DEFAULTS.warnIntervalMs,
  };
  const instrumentations = checkInstrumentations(o.instrumentations);
  return { config, warnings: reader.warnings, redactor, instrumentations };
}
