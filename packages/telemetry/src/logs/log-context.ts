import type { Redactor } from '@fasttodo/redact';
import { type Context, context as otelContext, createContextKey } from '@opentelemetry/api';
import { globalState } from '../global-state';
import { setOwn } from './own-property';
import type { LogContext, SafeLogContext } from './types';

// On globalThis, so the ESM and the CJS build loaded in one process share one context.
const storage = globalState().logContext;
const MAX_FIELDS = 32;
// A context's safe form is kept on the context object itself (a per-request WeakMap entry costs every garbage
// collection), under a Symbol.for key so both builds read it; bindLogContext clears it on the context it changed.
const SAFE = Symbol.for('@fasttodo/telemetry.safe-log-context');
type Holder = { [SAFE]?: SafeLogContext | undefined };

/** Keeps `safe` on the context as a non-enumerable property: copies and comparisons of the context never see it. */
function keepSafe(context: LogContext, safe: SafeLogContext | undefined): void {
  const holder = context as Holder;
  if (Object.hasOwn(holder, SAFE)) holder[SAFE] = safe;
  else if (safe !== undefined)
    Object.defineProperty(holder, SAFE, { value: safe, writable: true, configurable: true });
}
// A request's log context rides in the OpenTelemetry context beside its span, so one AsyncLocalStorage run
// carries both; createContextKey uses Symbol.for, so both builds read the same key. While such a context is
// active, withLogContext shadows it in the OTel context too, so the carried one is always the innermost.
const LOG_CONTEXT_KEY = createContextKey('@fasttodo/telemetry.log-context');

/** The log context in effect: the one carried by the (given, else active) OTel context, else `withLogContext`'s store. */
function activeLogContext(ctx: Context = otelContext.active()): LogContext | undefined {
  return (ctx.getValue(LOG_CONTEXT_KEY) as LogContext | undefined) ?? storage.getStore();
}

/**
 * `parent` carrying a new log context made of the enclosing fields plus `fields`; running with the returned
 * OTel context binds it (used by the HTTP lifecycle to bind span and log context in one run).
 */
export function withCarriedLogContext(parent: Context, fields: LogContext): Context {
  const created: LogContext = {};
  try {
    copyFields(created, activeLogContext());
    copyFields(created, fields);
  } catch {
    // Same as withLogContext: never throw into the request.
  }
  return parent.setValue(LOG_CONTEXT_KEY, created);
}

/** The log context carried by `ctx` (see {@link withCarriedLogContext}). */
export function carriedLogContext(ctx: Context): LogContext | undefined {
  return ctx.getValue(LOG_CONTEXT_KEY) as LogContext | undefined;
}

/** Adds fields to a given log context (e.g. a request's, from outside its run). */
export function addLogFields(target: LogContext, fields: Partial<LogContext>): void {
  try {
    copyFields(target, fields);
  } catch {
    // Never throw into the request.
  }
  keepSafe(target, undefined);
}

function copyFields(target: LogContext, fields: unknown): void {
  if (typeof fields !== 'object' || fields === null) return;
  let count = Object.keys(target).length;
  for (const key of Object.keys(fields)) {
    if (count >= MAX_FIELDS && !Object.hasOwn(target, key)) break;
    if (!Object.hasOwn(target, key)) count++;
    setOwn(target, key, (fields as Record<string, unknown>)[key]);
  }
}

/**
 * Runs `fn` with `fields` (merged over the enclosing context) added to every log line written inside it,
 * across awaits, timers and callbacks; concurrent contexts never see each other's fields.
 * @example
 * withLogContext({ request_id: req.id }, () => handle(req));
 */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  const context: LogContext = {};
  try {
    copyFields(context, activeLogContext());
    copyFields(context, fields);
  } catch {
    // Hostile fields (throwing getters, proxies): keep whatever was copied; logging must not break the caller.
  }
  const active = otelContext.active();
  if (active.getValue(LOG_CONTEXT_KEY) !== undefined)
    return otelContext.with(active.setValue(LOG_CONTEXT_KEY, context), fn);
  return storage.run(context, fn);
}

/**
 * Adds fields to the current log context, e.g. `user_id` once authentication ran; later log lines of the
 * same request carry them. Outside `withLogContext` it does nothing (there is no request to attach to).
 * @example
 * bindLogContext({ user_id: session.userId });
 */
export function bindLogContext(fields: Partial<LogContext>): void {
  const context = activeLogContext();
  if (context) addLogFields(context, fields);
}

/** The current log context, or `undefined` outside any `withLogContext`. */
export function currentLogContext(): Readonly<LogContext> | undefined {
  return activeLogContext();
}

/**
 * The current context's fields (or those carried by `ctx`) redacted and escaped by `redactor` (the logger's), or
 * `undefined` outside any context. Computed on the first line written in a context and reused by every later
 * line of it.
 */
export function safeLogContext(
  redactor: Redactor,
  ctx?: Context,
): Readonly<Record<string, unknown>> | undefined {
  const context = activeLogContext(ctx);
  if (!context) return undefined;
  const known = (context as Holder)[SAFE];
  if (known?.redactor === redactor) return known.fields;
  const safe = redactor.redact(context);
  const fields = typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? safe : {};
  keepSafe(context, { redactor, fields });
  return fields;
}

/** Records that `fields` is what `redactor` makes of `context` (its creator knows, e.g. a generated request id). */
export function rememberSafeLogContext(
  context: LogContext,
  redactor: Redactor,
  fields: Readonly<Record<string, unknown>>,
): void {
  keepSafe(context, { redactor, fields });
}

/** Runs `fn` with exactly `logContext` in effect (no copy): the HTTP lifecycle's fallback without a context manager. */
export function runWithLogContext<T>(logContext: LogContext, fn: () => T): T {
  return storage.run(logContext, fn);
}
