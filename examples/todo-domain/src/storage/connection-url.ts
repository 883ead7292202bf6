/** Thrown when `DATABASE_URL` or `REDIS_URL` is not a usable URL; the message never shows a password. */
export class StorageConfigError extends TypeError {
  /** Stable error code for programmatic handling. */
  readonly code = 'FASTTODO_STORAGE_INVALID_URL' as const;
  /** The environment variable that holds the bad value, e.g. `DATABASE_URL`. */
  readonly variable: string;

  /** `problem` reads after the variable's name, e.g. `must be a redis:// URL, received "redis://***@host"`. */
  constructor(variable: string, problem: string) {
    super(`@fasttodo/todo-domain: ${variable} ${problem}`);
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
 * What is wrong with `raw` as a connection URL, or `undefined` when it is absolute, uses one of `protocols`
 * (e.g. `['postgres:', 'postgresql:']`) and names a host. The text never shows a password.
 */
export function connectionUrlProblem(raw: unknown, protocols: readonly string[]): string | undefined {
  // `canParse`, not a caught `new URL()`: Node's invalid-URL error carries the whole input, password included.
  const url = typeof raw === 'string' && URL.canParse(raw) ? new URL(raw) : undefined;
  if (url && protocols.includes(url.protocol) && url.hostname !== '') return undefined;
  return `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host, received ${describeUrl(raw)}`;
}

/** Parses a connection URL from the environment variable `variable` by {@link connectionUrlProblem}'s rule. */
export function parseConnectionUrl(variable: string, raw: unknown, protocols: readonly string[]): URL {
  const problem = connectionUrlProblem(raw, protocols);
  if (problem !== undefined) throw new StorageConfigError(variable, problem);
  return new URL(raw as string);
}
