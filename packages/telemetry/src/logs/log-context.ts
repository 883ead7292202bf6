import type { Redactor } from '@fasttodo/redact';
import { type Context, context as otelContext, createContextKey } from '@opentelemetry/api';
import { globalState } from '../global-state';
import { setOwn } from './own-property';
import type { LogContext } from './types';

// On globalThis, so the ESM and the CJS build loaded in one process share one context.
const storage = globalState().logContext;
const MAX_FIELDS = 32;
// A request's log context rides in the OpenTelemetry context beside its span, so one AsyncLocalStorage run
// carries both; createContextKey uses Symbol.for, so both builds read the same key.
const LOG_CONTEXT_KEY = createContextKey('@fasttodo/telemetry.log-context');
// Creation order of contexts: when both stores hold one, the newer is the inner (the one in effect). A symbol
// key (skipped by Object.keys, so never logged) instead of a WeakMap: no ephemeron per request for the GC.
const BORN = Symbol('born');
const SAFE = Symbol('safe');
type Born = LogContext & { readonly [BORN]?: number };
let births = 0;

function newContext(): LogContext {
  // Non-enumerable: invisible to equality checks and copies; SAFE is the redacted-fields cache (see below).
  return Object.defineProperties(
    {},
    {
      [BORN]: { value: ++births },
      [SAFE]: { value: undefined, writable: true },
    },
  ) as LogContext;
}

/** The log context in effect: the innermost of `withLogContext`'s store and the one carried by the OTel context. */
function activeLogContext(): LogContext | undefined {
  const own = storage.getStore();
  const carried = otelContext.active().getValue(LOG_CONTEXT_KEY) as LogContext | undefined;
  if (carried === undefined || carried === own) return own;
  if (own === undefined) return carried;
  return ((own as Born)[BORN] ?? 0) > ((carried as Born)[BORN] ?? 0) ? own : carried;
}

/**
 * `parent` carrying a new log context made of the enclosing fields plus `fields`; running with the returned
 * OTel context binds it (used by the HTTP lifecycle to bind span and log context in one run).
 */
export function withCarriedLogContext(parent: Context, fields: LogContext): Context {
  const created = newContext();
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
  (target as Cached)[SAFE] = undefined;
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
  const context = newContext();
  try {
    copyFields(context, activeLogContext());
    copyFields(context, fields);
  } catch {
    // Hostile fields (throwing getters, proxies): keep whatever was copied; logging must not break the caller.
  }
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

/** A context's fields as the redactor made them safe (redacted, escaped), with the redactor that did it. */
interface SafeContext {
  readonly redactor: Redactor;
  readonly fields: Readonly<Record<string, unknown>>;
}

// Stored on the context object, so a context is made safe once for all the lines written inside it;
// bindLogContext drops the entry of the context it changed. A symbol key rather than a WeakMap: no ephemeron
// per request for the GC, and Object.keys (the copy and the redactor walk) never sees it.
type Cached = LogContext & { [SAFE]?: SafeContext | undefined };

/**
 * The current context's fields redacted and escaped by `redactor` (the logger's), or `undefined` outside any
 * context. Computed on the first line written in a context and reused by every later line of it.
 */
export function safeLogContext(redactor: Redactor): Readonly<Record<string, unknown>> | undefined {
  const context = activeLogContext();
  if (!context) return undefined;
  const known = (context as Cached)[SAFE];
  if (known?.redactor === redactor) return known.fields;
  const safe = redactor.redact(context);
  const fields = typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? safe : {};
  (context as Cached)[SAFE] = { redactor, fields };
  return fields;
}

/** Runs `fn` with exactly `logContext` in effect (no copy): the HTTP lifecycle's fallback without a context manager. */
export function runWithLogContext<T>(logContext: LogContext, fn: () => T): T {
  return storage.run(logContext, fn);
}
