/** Thrown by {@link createRedactor} when an option is invalid; names the option and the value received. */
export class RedactConfigError extends TypeError {
  /** Stable error code for programmatic handling. */
  readonly code = 'FASTTODO_REDACT_INVALID_OPTION';
  /** The option that was rejected. */
  readonly option: string;

  constructor(option: string, expected: string, received: unknown, cause?: unknown) {
    super(`@fasttodo/redact: option "${option}" must be ${expected}, received ${describe(received)}`, {
      cause,
    });
    this.name = 'RedactConfigError';
    this.option = option;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : `an object (${value.constructor?.name ?? 'null prototype'})`;
}
