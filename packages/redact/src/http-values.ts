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

/**
 * True for a flat `[name, value, name, value, ...]` list of strings (Node's `rawHeaders`, undici's header
 * arrays) holding at least one credential header or sensitive key; its values go through the header redactor.
 */
export function isFlatHeaderList(items: ArrayLike<unknown>, c: WalkConfig): boolean {
  const n = items.length;
  if (n < 2 || n % 2 !== 0 || n > 2 * c.maxItems || typeof items[0] !== 'string') return false;
  let sensitive = false;
  for (let i = 0; i < n; i += 2) {
    const name = items[i];
    if (typeof name !== 'string' || typeof items[i + 1] !== 'string' || !TOKEN.test(name)) return false;
    sensitive ||= CREDENTIAL_HEADERS.has(name.toLowerCase()) || c.isSensitiveKey(name) !== undefined;
  }
  return sensitive;
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
