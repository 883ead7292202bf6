import { trace } from '@opentelemetry/api';
import { escapeControlChars } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
import { currentLogContext } from './log-context';
import { escapeTree } from './escape-tree';
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

function messageText(message: unknown): string {
  if (typeof message === 'string') return cutString(message);
  if (message === undefined) return '';
  const safe = toLogSafe(message);
  return typeof safe === 'string' ? safe : JSON.stringify(safe);
}

/** Adds trace_id, span_id and trace_flags of the active span, if any. */
function addCorrelation(record: LogRecordFields): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  const { traceId, spanId, traceFlags } = span.spanContext();
  record['trace_id'] = traceId;
  record['span_id'] = spanId;
  record['trace_flags'] = (traceFlags < 16 ? '0' : '') + traceFlags.toString(16);
}

let lastMillis = Number.NaN;
let lastTimestamp = '';

/** ISO timestamp of now; many records share a millisecond, so the last string is reused. */
function timestamp(): string {
  const now = Date.now();
  if (now !== lastMillis) {
    lastMillis = now;
    lastTimestamp = new Date(now).toISOString();
  }
  return lastTimestamp;
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
 * and with control characters escaped. Only the redactor copies the fields (the JSON-safe pass shares what is
 * safe already); escaping then copies only what it changes, while the fields are appended.
 */
export function buildRecord(info: Record<PropertyKey, unknown>, ctx: RecordContext): LogRecordFields {
  const level = String(info[LEVEL] ?? info['level'] ?? 'info');
  let message: string;
  try {
    message = ctx.redactor.redactText(messageText(info['message']));
  } catch {
    message = '[unloggable message]';
  }
  const safe = toLogSafe({ context: currentLogContext() ?? {}, fields: callerFields(info) });
  const { context, fields } = redactTree(ctx.redactor, safe);
  const record: LogRecordFields = {
    timestamp: timestamp(),
    level,
    message: escapeControlChars(message),
    service: ctx.service,
    environment: ctx.environment,
  };
  addCorrelation(record);
  appendEscaped(record, context);
  appendEscaped(record, fields);
  return record;
}

/** Appends the escaped entries of a redacted group; SDK-owned names are kept as `_<name>`. */
function appendEscaped(record: LogRecordFields, group: unknown): void {
  if (typeof group !== 'object' || group === null) return;
  const source = group as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const name = escapeControlChars(key);
    setOwn(record, RESERVED.has(name) ? `_${name}` : name, escapeTree(source[key]));
  }
}
