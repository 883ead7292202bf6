import { type Context, trace } from '@opentelemetry/api';
import type { Redactor } from '@fasttodo/redact';
import { detach } from './detach';
import { safeLogContext } from './log-context';
import { setOwn } from './own-property';

/** winston's info symbols (triple-beam uses these global symbols). */
export const LEVEL = Symbol.for('level');
export const MESSAGE = Symbol.for('message');
export const SPLAT = Symbol.for('splat');
/**
 * Where a caller hands the OpenTelemetry context its record belongs to (span and log context), instead of
 * running the log call inside it: the HTTP lifecycle's closing lines. Symbol.for, so both builds agree; winston
 * copies symbol keys into the record, the walk ignores them.
 */
export const RECORD_CONTEXT = Symbol.for('@fasttodo/telemetry.record-context');

/** Keys the SDK owns; a caller field with one of these names is kept as `_<name>`. */
const RESERVED = new Set(['timestamp', 'level', 'message', 'service', 'environment']);
// The message has its place in the record; so has winston's own `level` when the walk read `info` itself.
const SKIP_NONE: ReadonlySet<string> = new Set();
const SKIP_MESSAGE: ReadonlySet<string> = new Set(['message']);
const SKIP_MESSAGE_LEVEL: ReadonlySet<string> = new Set(['message', 'level']);

/** What every record carries besides the call's own data. */
export interface RecordContext {
  /** The log redactor: the user's options with `escape: true` and the log bounds. */
  redactor: Redactor;
  /** Already escaped. */
  service: string;
  /** Already escaped. */
  environment: string;
}

/** A finished log record: plain JSON data, redacted and escaped, keys in output order. */
export type LogRecordFields = Record<string, unknown>;

/** The message as the walk made it (scanned, cut, escaped); a non-string message is written as its JSON. */
function messageText(safe: unknown): string {
  if (safe === undefined) return '';
  return typeof safe === 'string' ? safe : JSON.stringify(safe);
}

/** The context a caller attached to the record, when it is one. */
function recordContext(info: Record<PropertyKey, unknown>): Context | undefined {
  const given = info[RECORD_CONTEXT] as Context | undefined;
  return typeof given?.getValue === 'function' ? given : undefined;
}

/** Adds trace_id, span_id and trace_flags of the record's span (the active one unless a context was given). */
function addCorrelation(record: LogRecordFields, given: Context | undefined): void {
  const span = given === undefined ? trace.getActiveSpan() : trace.getSpan(given);
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

/**
 * True when `info` already holds every field of the call: winston merged the one metadata object into it (or
 * there was none), so the walk can read `info` itself instead of a copy.
 */
function holdsAllFields(info: Record<PropertyKey, unknown>): boolean {
  if (info instanceof Error) return false;
  const splat = info[SPLAT];
  if (splat === undefined) return true;
  if (!Array.isArray(splat) || splat.length !== 1) return false;
  const meta = splat[0] as object;
  if (typeof meta !== 'object' || meta === null || meta instanceof Error || Array.isArray(meta)) return false;
  // winston overwrites these on `info` (and `__proto__` is lost by its Object.assign): read them from a copy.
  return (
    !Object.hasOwn(meta, 'level') && !Object.hasOwn(meta, 'message') && !Object.hasOwn(meta, '__proto__')
  );
}

/** A copy of an Error logged as the whole record, without the `level` winston wrote into it. */
function withoutLevel(error: Error): object {
  const copy = detach(error) as Record<string, unknown>;
  delete copy['level'];
  return copy;
}

/**
 * The message and the caller's fields, to be copied by one walk: `message` first, then the own enumerable
 * string keys of `info` and the objects passed as extra arguments.
 */
function callerFields(info: Record<PropertyKey, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = { message: info['message'] };
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
    if (!Object.hasOwn(fields, 'error'))
      setOwn(fields, 'error', (error as unknown) === info ? withoutLevel(error) : error);
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

/**
 * Builds the record of one log call: timestamp, level, message, service, environment, trace correlation of
 * the active span, the request log context (made safe once per context), then the caller's fields. Message and
 * fields are copied by ONE walk of the log redactor, which makes them JSON-safe, redacts, cuts and escapes at
 * once; the caller then only needs `JSON.stringify`.
 */
export function buildRecord(info: Record<PropertyKey, unknown>, ctx: RecordContext): LogRecordFields {
  const { redactor } = ctx;
  const direct = holdsAllFields(info);
  const safe = redactor.redact(direct ? info : callerFields(info));
  const fields = typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? safe : {};
  const level = String(info[LEVEL] ?? info['level'] ?? 'info');
  // A call whose fields spent the node budget before `message` was reached still gets its message.
  const message = messageText(fields['message'] ?? redactor.redact(info['message']));
  const record = recordHead(level, message, recordContext(info), ctx);
  append(record, fields, direct ? SKIP_MESSAGE_LEVEL : SKIP_MESSAGE);
  return record;
}

/**
 * The record of a line whose message and fields the caller already made safe (JSON data, redacted and escaped
 * by `ctx.redactor`'s rules), for the SDK's own hot lines: the same head, correlation and log context as
 * {@link buildRecord}, without walking the fields again.
 */
export function buildSafeRecord(
  level: string,
  message: string,
  fields: Readonly<Record<string, unknown>>,
  given: Context | undefined,
  ctx: RecordContext,
): LogRecordFields {
  const record = recordHead(level, message, given, ctx);
  append(record, fields, SKIP_NONE);
  return record;
}

/** Timestamp, level, message, service, environment, trace correlation and the (safe) log context. */
function recordHead(
  level: string,
  message: string,
  given: Context | undefined,
  ctx: RecordContext,
): LogRecordFields {
  const record: LogRecordFields = {
    timestamp: timestamp(),
    level,
    message,
    service: ctx.service,
    environment: ctx.environment,
  };
  addCorrelation(record, given);
  const context = safeLogContext(ctx.redactor, given);
  if (context !== undefined) append(record, context, SKIP_NONE);
  return record;
}

/** Appends the entries of a redacted group, except `skip`; SDK-owned names are kept as `_<name>`. */
function append(
  record: LogRecordFields,
  group: Readonly<Record<string, unknown>>,
  skip: ReadonlySet<string>,
): void {
  for (const key of Object.keys(group)) {
    if (skip.has(key)) continue;
    if (RESERVED.has(key)) setOwn(record, `_${key}`, group[key]);
    else if (key === '__proto__') setOwn(record, key, group[key]);
    else record[key] = group[key];
  }
}
