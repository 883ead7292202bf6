/** Thrown when `DATABASE_URL` or `REDIS_URL` is not a usable URL; the message never shows a password. */
export class StorageConfigError extends TypeError {
  /** Stable error code for programmatic handling. */
  readonly code = 'FASTTODO_STORAGE_INVALID_URL' as const;
  /** The environment variable that holds the bad value, e.g. `DATABASE_URL`. */
  readonly variable: string;

  constructor(variable: string, expected: string, received: unknown) {
    super(`@fasttodo/todo-domain: ${variable} must be ${expected}, received ${describeUrl(received)}`);
    this.name = 'StorageConfigError';
    this.variable = variable;
  }
}

const MAX_QUOTE = 200;

/**
 * The URL as it may appear in a message: the password replaced by `***`. A string that does not parse as a
 * URL is not quoted at all, since where its password starts cannot be told.
 */
export function describeUrl(raw: unknown): string {
  if (typeof raw !== 'string') return raw === undefined ? 'nothing' : `a ${typeof raw}`;
  if (raw === '') return 'an empty string';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `a string that is not a URL (${raw.length} characters, not shown: it may hold a password)`;
  }
  if (url.password !== '') url.password = '***';
  const shown = url.href;
  return JSON.stringify(shown.length > MAX_QUOTE ? `${shown.slice(0, MAX_QUOTE)}…` : shown);
}

/**
 * Parses a connection URL from the environment variable `variable`: it must be absolute, use one of
 * `protocols` (e.g. `['postgres:', 'postgresql:']`) and name a host.
 */
export function parseConnectionUrl(variable: string, raw: unknown, protocols: readonly string[]): URL {
  const expected = `a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host`;
  if (typeof raw !== 'string' || raw === '') throw new StorageConfigError(variable, expected, raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not kept as `cause`: Node's invalid-URL error carries the whole input, password included.
    throw new StorageConfigError(variable, expected, raw);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '') {
    throw new StorageConfigError(variable, expected, raw);
  }
  return url;
}
