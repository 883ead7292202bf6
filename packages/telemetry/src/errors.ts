/** A received value that must not be quoted (a header value may be a credential); only its description is shown. */
export class HiddenValue {
  constructor(readonly description: string) {}
}

/** Describe a received value for an error message without dumping large objects. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof HiddenValue) return value.description;
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array (length ${value.length})`;
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Thrown by `startTelemetry` when an option passed in code is invalid.
 *
 * @example
 * try { startTelemetry({ traces: { sampleRatio: 2 } }); } catch (e) { if (e instanceof TelemetryConfigError) console.error(e.option); }
 */
export class TelemetryConfigError extends TypeError {
  readonly code = 'FASTTODO_TELEMETRY_INVALID_OPTION' as const;
  /** Name of the offending option, e.g. `sampleRatio` or `export.timeoutMs`. */
  readonly option: string;

  constructor(option: string, expected: string, received: unknown, cause?: unknown) {
    super(
      `@fasttodo/telemetry: option "${option}" must be ${expected}, instead got ${describe(received)}`,
      cause === undefined ? undefined : { cause },
    );
    this.name = 'TelemetryConfigError';
    this.option = option;
  }

  /**
   * Wrap an error thrown while checking a nested option group (e.g. `redact`): the message names the
   * nested option (`redact.maxdepth`) and repeats the reason, which is also kept as `cause`.
   */
  static nested(group: string, cause: unknown): TelemetryConfigError {
    const inner = cause as { option?: unknown; message?: unknown };
    const option = typeof inner?.option === 'string' ? `${group}.${inner.option}` : group;
    const reason = String(inner?.message ?? cause).replace(/^@fasttodo\/[a-z-]+: /, '');
    const error = new TelemetryConfigError(option, 'valid', undefined, cause);
    error.message = `@fasttodo/telemetry: option "${option}" is invalid: ${reason}`;
    return error;
  }
}

/**
 * Thrown when a business metric definition breaks the naming or label-cardinality rules;
 * the message explains why the definition is rejected.
 */
export class MetricDefinitionError extends TypeError {
  readonly code = 'FASTTODO_TELEMETRY_INVALID_METRIC' as const;
  /** Name of the offending metric as given in the definition. */
  readonly metric: string;

  constructor(metric: string, reason: string) {
    super(`@fasttodo/telemetry: metric "${metric}" is invalid: ${reason}`);
    this.name = 'MetricDefinitionError';
    this.metric = metric;
  }
}

/** Thrown by `startTelemetry` when another instance is still running in this process. */
export class TelemetryAlreadyStartedError extends Error {
  readonly code = 'FASTTODO_TELEMETRY_ALREADY_STARTED' as const;

  constructor() {
    super(
      '@fasttodo/telemetry: startTelemetry() was already called in this process; await telemetry.shutdown() before starting again',
    );
    this.name = 'TelemetryAlreadyStartedError';
  }
}
