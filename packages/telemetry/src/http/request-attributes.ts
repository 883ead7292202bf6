import type { Redactor } from '@fasttodo/redact';
import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_HEADER,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
} from '@opentelemetry/semantic-conventions';
import { memoize } from '../shared/memo';
import type { RequestHeaders, RequestInfo } from './types';

const MAX_URL_PART = 2048;
const MAX_USER_AGENT = 512;
const MAX_HEADER_VALUE = 1024;
const MAX_METHOD = 32;
// Linear: anchored alternatives of single character classes with bounded repetition.
const HOST = /^(\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9.-]{1,253})(?::(\d{1,5}))?$/;
const VERSION = /^\d(\.\d)?$/;
// A service sees few distinct user agents; their redacted form is remembered per redactor.
const AGENTS_REMEMBERED = 256;
const agentMemos = new WeakMap<Redactor, (agent: string) => string>();

function redactedAgent(redactor: Redactor, agent: string): string {
  let memo = agentMemos.get(redactor);
  if (memo === undefined) {
    memo = memoize((text) => redactor.redactText(text), AGENTS_REMEMBERED);
    agentMemos.set(redactor, memo);
  }
  return memo(cut(agent, MAX_USER_AGENT));
}

/** `text` cut to `max` characters with a visible marker. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[truncated]`;
}

function headerText(value: RequestHeaders[string]): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value[0];
  return value === undefined ? undefined : String(value);
}

/** The redacted path of a raw request target, bounded. */
export function scrubPath(redactor: Redactor, path: string): string {
  return cut(redactor.redactUrl(path), MAX_URL_PART);
}

/** The redacted query of a raw request target, bounded (`undefined` when absent). */
export function scrubQuery(redactor: Redactor, query: string | undefined): string | undefined {
  return query === undefined ? undefined : cut(redactor.redactUrl(`?${query}`).slice(1), MAX_URL_PART);
}

function serverAttributes(info: RequestInfo, out: Attributes): void {
  if (info.serverAddress !== undefined) {
    out[ATTR_SERVER_ADDRESS] = cut(info.serverAddress, 256);
    if (info.serverPort !== undefined) out[ATTR_SERVER_PORT] = info.serverPort;
    return;
  }
  const host = HOST.exec(headerText(info.headers['host']) ?? '');
  if (!host) return;
  out[ATTR_SERVER_ADDRESS] = host[1] ?? '';
  if (host[2] !== undefined) out[ATTR_SERVER_PORT] = Number(host[2]);
}

/** Captured request headers (allow-listed names only), each value redacted. */
export function headerAttributes(
  redactor: Redactor,
  names: readonly string[],
  headers: RequestHeaders | undefined,
  key: (name: string) => string,
  out: Attributes,
): void {
  if (!headers) return;
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) continue;
    const redacted = redactor.redactHeaders({ [name]: Array.isArray(value) ? value : String(value) })[name];
    const list = Array.isArray(redacted) ? redacted : [String(redacted)];
    out[key(name)] = list.map((v) => cut(v, MAX_HEADER_VALUE));
  }
}

/** Start attributes of a recorded SERVER span: semconv names, request data scrubbed and bounded. */
export function requestAttributes(
  redactor: Redactor,
  info: RequestInfo,
  method: string,
  target: { path: string; query: string | undefined },
  scheme: string,
  client: string | undefined,
  captured: readonly string[],
): Attributes {
  const out: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: method,
    [ATTR_URL_PATH]: target.path,
    [ATTR_URL_SCHEME]: scheme,
  };
  if (method === HTTP_REQUEST_METHOD_VALUE_OTHER)
    out[ATTR_HTTP_REQUEST_METHOD_ORIGINAL] = redactor.redactText(cut(info.method, MAX_METHOD));
  if (target.query !== undefined) out[ATTR_URL_QUERY] = target.query;
  if (client !== undefined) out[ATTR_CLIENT_ADDRESS] = client;
  if (info.httpVersion !== undefined && VERSION.test(info.httpVersion))
    out[ATTR_NETWORK_PROTOCOL_VERSION] = info.httpVersion;
  const agent = headerText(info.headers['user-agent']);
  if (agent !== undefined) out[ATTR_USER_AGENT_ORIGINAL] = redactedAgent(redactor, agent);
  serverAttributes(info, out);
  headerAttributes(redactor, captured, info.headers, ATTR_HTTP_REQUEST_HEADER, out);
  return out;
}
