import type { WalkConfig } from './copier';
import { CREDENTIAL_HEADERS } from './headers';

// Node's http objects (IncomingMessage, ServerResponse, ClientRequest) and sockets are recognised by shape, so
// redact needs no import of node:http and works with look-alikes (undici, light-my-request). Their internals
// (socket, parser, buffered body) are never copied; only what a log reader needs, with headers redacted.

type Summary = Record<string, unknown>;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A bounded summary of an HTTP message, `[Socket]` for a socket, or `undefined` for anything else. */
export function httpSummary(o: object, c: WalkConfig): Summary | string | undefined {
  const m = o as Record<string, unknown>;
  if (typeof m['setNoDelay'] === 'function' && typeof m['setKeepAlive'] === 'function') return '[Socket]';
  if (typeof m['httpVersion'] === 'string' && isObject(m['headers'])) return incoming(m, c);
  if (typeof m['getHeaders'] === 'function' && typeof m['setHeader'] === 'function') return outgoing(m, c);
  return undefined;
}

function incoming(m: Record<string, unknown>, c: WalkConfig): Summary {
  const out: Summary = {};
  if (typeof m['method'] === 'string') out['method'] = m['method'];
  if (typeof m['url'] === 'string') out['url'] = c.url(m['url']);
  if (typeof m['statusCode'] === 'number') out['statusCode'] = m['statusCode'];
  out['httpVersion'] = m['httpVersion'];
  out['headers'] = c.headers(m['headers'] as object);
  return out;
}

function outgoing(m: Record<string, unknown>, c: WalkConfig): Summary {
  const out: Summary = {};
  if (typeof m['method'] === 'string') out['method'] = m['method'];
  if (typeof m['host'] === 'string') out['host'] = m['host'];
  if (typeof m['path'] === 'string') out['path'] = c.url(m['path']);
  if (typeof m['statusCode'] === 'number') out['statusCode'] = m['statusCode'];
  out['headers'] = c.headers((m['getHeaders'] as () => object).call(m) ?? {});
  return out;
}

// Real header lists always hold one of these: a request its Host, a response its Date or Content-Type.
const COMMON_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'content-type',
  'content-length',
  'connection',
  'date',
  'server',
  'cache-control',
  'transfer-encoding',
  'authorization',
  'cookie',
  'set-cookie',
]);

/**
 * True for a flat `[name, value, name, value, ...]` list of strings (Node's `rawHeaders`, undici's header
 * arrays): names are HTTP tokens, and one of them is a header every real list holds, a credential header, or an
 * `x-` header with a sensitive name. Its values then go through the header redactor. Decided by set lookups
 * (the key rules only for `x-` names), so ordinary string lists such as tags cost little and never fill the
 * key cache with their values.
 */
export function isFlatHeaderList(items: ArrayLike<unknown>, c: WalkConfig): boolean {
  const n = items.length;
  if (n < 2 || n % 2 !== 0 || n > 2 * c.maxItems || typeof items[0] !== 'string') return false;
  let common = false;
  for (let i = 0; i < n; i += 2) {
    const name = items[i];
    if (typeof name !== 'string' || typeof items[i + 1] !== 'string' || !TOKEN.test(name)) return false;
    common ||= isHeaderName(name.toLowerCase(), c);
  }
  return common;
}

function isHeaderName(lower: string, c: WalkConfig): boolean {
  if (COMMON_HEADERS.has(lower) || CREDENTIAL_HEADERS.has(lower)) return true;
  return lower.startsWith('x-') && c.isSensitiveKey(lower) !== undefined;
}

/** The flat list with names kept (escaped) and each value as the header redactor returns it. */
export function flatHeaderList(items: ArrayLike<unknown>, c: WalkConfig): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const name = items[i] as string;
    const value = c.headers(new Map([[name, items[i + 1]]]))[name];
    out.push(c.escape(name), typeof value === 'string' ? c.escape(value) : value);
  }
  return out;
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}
