import type { TelemetryOptions } from '../options';
import { resolveConfig as resolveInternal } from './resolve-config';
import { type TelemetrySettings, toSettings } from './settings';
import type { Env } from './types';

/** Result of {@link resolveConfig}. */
export interface ConfigPreview {
  /** The settings `startTelemetry` would run with (header values hidden). */
  config: TelemetrySettings;
  /** One redacted warning per invalid environment value, as `startTelemetry` would log them. */
  warnings: string[];
}

/**
 * Resolve options over `OTEL_*` variables over defaults without starting anything: invalid options throw
 * `TelemetryConfigError`, invalid variables become warnings. Reads only `env`.
 *
 * @example
 * const { config, warnings } = resolveConfig({ serviceName: 'todo' }, process.env);
 */
export function resolveConfig(options: TelemetryOptions = {}, env: Env = process.env): ConfigPreview {
  const { config, warnings, redactor } = resolveInternal(options, env);
  return { config: toSettings(config, redactor), warnings };
}
