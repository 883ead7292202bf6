import { ERROR_TYPE_VALUE_OTHER } from '@opentelemetry/semantic-conventions';

/** `error.type` of a request the client abandoned before the response was sent. */
export const ERROR_TYPE_ABORTED = 'aborted';

// Class names only: bounded, no request data can reach a label through it.
const CLASS_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;

/** A bounded `error.type` for a thrown value: its class name when it looks like one, else `_OTHER`. */
export function errorTypeOf(error: unknown): string {
  const name = error instanceof Error ? error.constructor?.name : undefined;
  return typeof name === 'string' && CLASS_NAME.test(name) ? name : ERROR_TYPE_VALUE_OTHER;
}

/**
 * An error that carries a 4xx `status`/`statusCode` (body-parser's 400, `createError(404)`, `ctx.throw(422)`): an
 * answer the framework sends with that status, not a failure of the request.
 */
export function isClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = status ?? statusCode;
  return typeof code === 'number' && code >= 400 && code < 500;
}

/** A copy of a thrown value that is safe to record: message and stack redacted, nothing else kept. */
export function safeException(error: unknown, redactText: (text: string) => string) {
  const e = error instanceof Error ? error : undefined;
  const message = e ? e.message : typeof error === 'string' ? error : '[non-error thrown]';
  return {
    name: errorTypeOf(error),
    message: redactText(String(message).slice(0, 4096)),
    ...(typeof e?.stack === 'string' ? { stack: redactText(e.stack.slice(0, 8192)) } : {}),
  };
}
