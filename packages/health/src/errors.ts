import { createOutputSanitizer } from './output';
import type { OutputSanitizer } from './output';

/** Longest quote of a received value (or of an option name built from user keys) in an error message. */
const QUOTE_MAX = 100;
let quoter: OutputSanitizer | undefined;

/** Thrown at setup when an option is invalid; names the option and the value received. */
export class HealthConfigError extends TypeError {
  /** Stable error code for programmatic handling. */
  readonly code = 'FASTTODO_HEALTH_INVALID_OPTION';
  /** The option that was rejected, e.g. `checks[1].timeoutMs`. */
  readonly option: string;

  constructor(option: string, expected: string, received: unknown, cause?: unknown) {
    // Option names can hold user keys: they are scrubbed like the value, since both end up in logs.
    const name = scrubQuote(option);
    super(`@fasttodo/health: option "${name}" must be ${expected}, received ${describe(received)}`, {
      cause,
    });
    this.name = 'HealthConfigError';
    this.option = name;
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

/**
 * Short description of a received value for error messages: never the whole value, never a secret in it
 * (strings are scrubbed like check output), never a control character. Never throws.
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${scrubQuote(value).replace(/"/g, '\\"')}"`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return scrubQuote(String(value));
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : `an object (${constructorName(value)})`;
}

function constructorName(value: object): string {
  try {
    const maker: unknown = value.constructor;
    if (typeof maker !== 'function')
      return Object.getPrototypeOf(value) === null ? 'null prototype' : 'unknown';
    return typeof maker.name === 'string' && maker.name !== '' ? scrubQuote(maker.name) : 'anonymous';
  } catch {
    return 'unreadable';
  }
}

function scrubQuote(text: string): string {
  quoter ??= createOutputSanitizer(QUOTE_MAX);
  return quoter.text(text);
}
