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

/**
 * The URL as it may appear in a message: scheme, host and port only, with `***` for any user info; the path
 * and query are left out (`?password=` is valid, and a password holding `/` or `:` can shift into them).
 * A string that is not a URL with a host is not quoted at all, since where its password is cannot be told.
 */
export function describeUrl(raw: unknown): string {
  if (typeof raw !== 'string') return raw === undefined ? 'nothing' : `a ${typeof raw}`;
  if (raw === '') return 'an empty string';
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || url.host === '') {
    return `a string that is not a URL with a host (${raw.length} characters, not shown: it may hold a password)`;
  }
  const userInfo = url.username !== '' || url.password !== '' ? '***@' : '';
  const rest = url.pathname.length > 1 || url.search !== '' ? '/…' : '';
  return JSON.stringify(`${url.protocol}//${userInfo}${url.host}${rest}`);
}

/**
 * Parses a connection URL from the environment variable `variable`: it must be absolute, use one of
 * `protocols` (e.g. `['postgres:', 'postgresql:']`) and name a host.
 */
export function parseConnectionUrl(variable: string, raw: unknown, protocols: readonly string[]): URL {
  const expected = `a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host`;
  // `canParse`, not a caught `new URL()`: Node's invalid-URL error carries the whole input, password included.
  if (typeof raw !== 'string' || !URL.canParse(raw)) throw new StorageConfigError(variable, expected, raw);
  const url = new URL(raw);
  if (!protocols.includes(url.protocol) || url.hostname === '') {
    throw new StorageConfigError(variable, expected, raw);
  }
  return url;
}
