// Options whose values are objects used at runtime (a redactor, instrumentations), checked with the rest.
import { createRedactor, type Redactor } from '@fasttodo/redact';
import { TelemetryConfigError } from '../errors';
import type { TelemetryOptions } from '../options';
import { optArray, optObject } from './validate';

/** The `redact` option as a compiled redactor (a given Redactor is used as is). */
export function buildRedactor(value: unknown): Redactor {
  const given = optObject('redact', value);
  if (!given) return createRedactor();
  if (typeof given.redact === 'function' && typeof given.redactUrl === 'function')
    return given as unknown as Redactor;
  try {
    return createRedactor(given);
  } catch (error) {
    throw TelemetryConfigError.nested('redact', error);
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
