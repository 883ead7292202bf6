import { assign } from './assign';
import type { ValueCensor } from './censor';
import { MARKERS } from './markers';

/** Headers whose value is always a credential. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
]);

/** Headers whose value is a URL, scrubbed with `redactUrl`. */
const URL_HEADERS: ReadonlySet<string> = new Set(['referer', 'location', 'content-location', 'refresh']);

/** What {@link createHeaderRedactor} needs from the redactor. */
export interface HeaderDeps {
  readonly isSensitiveKey: (key: string) => string | undefined;
  readonly scanString: (text: string) => string;
  readonly redactUrl: (url: string) => string;
  readonly censor: ValueCensor;
  readonly redactValue: (value: unknown) => unknown;
}

/** Compiles `redactHeaders`: accepts a plain record, a `Map` or a fetch `Headers`; multi-value arrays kept. */
export function createHeaderRedactor(deps: HeaderDeps) {
  const each = (value: unknown, f: (s: string) => unknown): unknown => {
    if (typeof value === 'string') return f(value);
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? f(v) : deps.redactValue(v)));
    return deps.redactValue(value);
  };
  const one = (name: string, value: unknown): unknown => {
    const lower = name.toLowerCase();
    const rule = CREDENTIAL_HEADERS.has(lower) ? lower : deps.isSensitiveKey(name);
    if (rule !== undefined) {
      return Array.isArray(value)
        ? value.map((v) => deps.censor(v, 'key', rule))
        : deps.censor(value, 'key', rule);
    }
    return each(value, URL_HEADERS.has(lower) ? deps.redactUrl : deps.scanString);
  };
  return <T extends Record<string, unknown>>(headers: T): T => {
    const out: Record<string, unknown> = {};
    if (headers === null || typeof headers !== 'object') return out as T;
    try {
      if (isEntryIterable(headers)) {
        for (const [name, value] of headers.entries()) assign(out, String(name), one(String(name), value));
      } else {
        for (const name of Object.keys(headers)) assign(out, name, one(name, read(headers, name)));
      }
    } catch {
      // A hostile headers object (throwing iterator or proxy trap): return what was copied so far.
    }
    return out as T;
  };
}

function isEntryIterable(headers: object): headers is Map<unknown, unknown> {
  const h = headers as { entries?: unknown; forEach?: unknown };
  return headers instanceof Map || (typeof h.entries === 'function' && typeof h.forEach === 'function');
}

function read(headers: Record<string, unknown>, name: string): unknown {
  try {
    return headers[name];
  } catch {
    return MARKERS.unreadable;
  }
}
