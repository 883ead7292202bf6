import type { Redactor } from '@fasttodo/redact';
import { globalState } from '../global-state';
import { setOwn } from './own-property';
import type { LogContext } from './types';

// On globalThis, so the ESM and the CJS build loaded in one process share one context.
const storage = globalState().logContext;
const MAX_FIELDS = 32;

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
    copyFields(context, storage.getStore());
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
  const context = storage.getStore();
  if (!context) return;
  try {
    copyFields(context, fields);
  } catch {
    // Same as above: never throw into the request.
  }
  safeContexts.delete(context);
}

/** The current log context, or `undefined` outside any `withLogContext`. */
export function currentLogContext(): Readonly<LogContext> | undefined {
  return storage.getStore();
}

/** A context's fields as the redactor made them safe (redacted, escaped), with the redactor that did it. */
interface SafeContext {
  readonly redactor: Redactor;
  readonly fields: Readonly<Record<string, unknown>>;
}

// Keyed by the stored context object, so a context is made safe once for all the lines written inside it;
// bindLogContext drops the entry of the context it changed.
const safeContexts = new WeakMap<LogContext, SafeContext>();

/**
 * The current context's fields redacted and escaped by `redactor` (the logger's), or `undefined` outside any
 * context. Computed on the first line written in a context and reused by every later line of it.
 */
export function safeLogContext(redactor: Redactor): Readonly<Record<string, unknown>> | undefined {
  const context = storage.getStore();
  if (!context) return undefined;
  const known = safeContexts.get(context);
  if (known?.redactor === redactor) return known.fields;
  const safe = redactor.redact(context);
  const fields = typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? safe : {};
  safeContexts.set(context, { redactor, fields });
  return fields;
}
