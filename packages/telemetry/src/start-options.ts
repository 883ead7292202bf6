import type { ResolvedConfig } from './config/types';

export type { InstrumentationList } from './config/redactor-option';

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
