import { trace } from '@opentelemetry/api';
import { escapeControlChars } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
import { currentLogContext } from './log-context';
import { cutString, setOwn, toLogSafe } from './safe-value';

/** winston's info symbols (triple-beam uses these global symbols). */
export const LEVEL = Symbol.for('level');
export const MESSAGE = Symbol.for('message');
export const SPLAT = Symbol.for('splat');

/** Keys the SDK owns; a caller field with one of these names is kept as `_<name>`. */
const RESERVED = new Set(['timestamp', 'level', 'message', 'service', 'environment']);

/** What every record carries besides the call's own data. */
export interface RecordContext {
  redactor: Redactor;
  service: string;
  environment: string;
}

/** A finished log record: plain JSON data, redacted and escaped, keys in output order. */
export type LogRecordFields = Record<string, unknown>;

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeControlChars(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(out, escapeControlChars(key), escapeDeep(item));
  }
  return out;
}

function messageText(message: unknown): string {
  if (typeof message === 'string') return cutString(message);
  if (message === undefined) return '';
  const safe = toLogSafe(message);
  return typeof safe === 'string' ? safe : JSON.stringify(safe);
}

function correlation(): LogRecordFields {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: traceFlags.toString(16).padStart(2, '0') };
}

/** The caller's fields: own enumerable string keys of `info` plus objects passed as extra arguments. */
function callerFields(info: Record<PropertyKey, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message') continue;
    setOwn(fields, key, info[key]);
  }
  const splat = info[SPLAT];
  const error =
    info instanceof Error ? info : Array.isArray(splat) ? splat.find((i) => i instanceof Error) : undefined;
  if (error instanceof Error) {
    // winston copies only `message` and `stack` of an Error argument; keep its name (and code, cause) too.
    if (fields['stack'] === error.stack) delete fields['stack'];
    if (!Object.hasOwn(fields, 'error')) setOwn(fields, 'error', error);
  }
  if (Array.isArray(splat)) {
    const extra = splat.filter((item) => typeof item !== 'object' || item === null);
    for (const item of splat) {
      if (typeof item !== 'object' || item === null || item instanceof Error) continue;
      for (const key of Object.keys(item)) {
        if (!Object.hasOwn(fields, key)) setOwn(fields, key, (item as Record<string, unknown>)[key]);
      }
    }
    if (extra.length > 0) setOwn(fields, 'args', extra);
  }
  return fields;
}

function redactTree(redactor: Redactor, tree: unknown): Record<string, unknown> {
  try {
    const redacted = redactor.redact(tree);
    return typeof redacted === 'object' && redacted !== null ? (redacted as Record<string, unknown>) : {};
  } catch {
    return { fields: { redaction_failed: true } };
  }
}

/**
 * Builds the record of one log call: timestamp, level, message, service, environment, trace correlation of
 * the active span, the request log context, then the caller's fields; everything made JSON-safe, redacted,
 * and with control characters escaped.
 */
export function buildRecord(info: Record<PropertyKey, unknown>, ctx: RecordContext): LogRecordFields {
  const level = String(info[LEVEL] ?? info['level'] ?? 'info');
  let message: string;
  try {
    message = ctx.redactor.redactText(messageText(info['message']));
  } catch {
    message = '[unloggable message]';
  }
  const safe = toLogSafe({ context: currentLogContext() ?? {}, fields: callerFields(info) }) as Record<
    string,
    unknown
  >;
  const { context = {}, fields = {} } = escapeDeep(redactTree(ctx.redactor, safe)) as Record<string, object>;
  const record: LogRecordFields = {
    timestamp: new Date().toISOString(),
    level,
    message: escapeControlChars(message),
    service: ctx.service,
    environment: ctx.environment,
    ...correlation(),
  };
  appendFields(record, context);
  appendFields(record, fields);
  return record;
}

function appendFields(record: LogRecordFields, fields: object): void {
  for (const [key, value] of Object.entries(fields)) {
    const name = RESERVED.has(key) ? `_${key}` : key;
    setOwn(record, name, value);
  }
}
