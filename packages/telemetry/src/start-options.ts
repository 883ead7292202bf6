import { createRedactor, type Redactor } from '@fasttodo/redact';
import type { ResolvedConfig } from './config/types';
import { optArray, optObject } from './config/validate';
import { TelemetryConfigError } from './errors';
import type { TelemetryOptions } from './options';

/** The `redact` option as a compiled redactor (a given Redactor is used as is). */
export function buildRedactor(value: unknown): Redactor {
  const given = optObject('redact', value);
  if (!given) return createRedactor();
  if (typeof given.redact === 'function' && typeof given.redactUrl === 'function')
    return given as unknown as Redactor;
  try {
    return createRedactor(given);
  } catch (error) {
    throw new TelemetryConfigError('redact', 'a Redactor or valid RedactorOptions', value, error);
  }
}

/** The validated `instrumentations` option. */
export type InstrumentationList = NonNullable<TelemetryOptions['instrumentations']>;

/** Validate the `instrumentations` option: every entry must look like an OpenTelemetry Instrumentation. */
export function checkInstrumentations(value: unknown): InstrumentationList {
  const list = optArray('instrumentations', value) ?? [];
  list.forEach((item, i) => {
    const ok =
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { enable?: unknown }).enable === 'function';
    if (!ok)
      throw new TelemetryConfigError(`instrumentations[${i}]`, 'an OpenTelemetry Instrumentation', item);
  });
  return list as InstrumentationList;
}

/** Freeze the resolved config and its nested plain objects (streams and transports stay usable). */
export function freeze(config: ResolvedConfig): Readonly<ResolvedConfig> {
  for (const part of [
    config.traces,
    config.traces.keepErrors,
    config.logs,
    config.metrics,
    config.resourceAttributes,
  ])
    Object.freeze(part);
  if (config.traces.slowSpans) Object.freeze(config.traces.slowSpans);
  return Object.freeze(config);
}
