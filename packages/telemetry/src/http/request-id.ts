import { randomUUID } from 'node:crypto';

// Anchored, one character class, bounded repetition: linear on any input.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id of an incoming request: the client's `x-request-id` when it is 1-128 characters of
 * `[A-Za-z0-9._:-]`, otherwise (missing, repeated, too long, unsafe characters) a new random UUID.
 */
export function resolveRequestId(incoming: string | string[] | number | undefined): string {
  if (typeof incoming === 'string' && incoming.length <= 128 && SAFE_REQUEST_ID.test(incoming))
    return incoming;
  return randomUUID();
}
