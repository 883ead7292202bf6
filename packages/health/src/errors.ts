/** Thrown at setup when an option is invalid; names the option and the value received. */
export class HealthConfigError extends TypeError {
  /** Stable error code for programmatic handling. */
  readonly code = 'FASTTODO_HEALTH_INVALID_OPTION';
  /** The option that was rejected, e.g. `checks[1].timeoutMs`. */
  readonly option: string;

  constructor(option: string, expected: string, received: unknown, cause?: unknown) {
    super(`@fasttodo/health: option "${option}" must be ${expected}, received ${describe(received)}`, {
      cause,
    });
    this.name = 'HealthConfigError';
    this.option = option;
  }
}

/** Rejection reason of a check that exceeded its timeout; its message is what the body shows. */
export class CheckTimeoutError extends Error {
  /** Stable error code for programmatic handling. */
  readonly code = 'FASTTODO_HEALTH_CHECK_TIMEOUT';

  constructor(timeoutMs: number) {
    super(`timeout after ${timeoutMs}ms`);
    this.name = 'CheckTimeoutError';
  }
}

/** Short description of a received value for error messages (never the whole value). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : `an object (${value.constructor?.name ?? 'null prototype'})`;
}
