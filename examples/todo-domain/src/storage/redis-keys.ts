import { createHash } from 'node:crypto';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Key of a session: the SHA-256 of the bearer token, so a key listing (`SCAN`, `MONITOR`, a dump) never
 * shows a usable token, and a client-chosen string of any length maps to a fixed-size key.
 */
export function sessionKey(token: string): string {
  return `session:${sha256(token)}`;
}

/** Key of a cached reply: hashed too, since the cache key is derived from a prompt that may hold PII. */
export function replyKey(key: string): string {
  return `reply:${sha256(key)}`;
}

/** A TTL in whole milliseconds for `SET ... PX`; Redis refuses 0 and fractions. */
export function ttlMilliseconds(option: string, seconds: number): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new RangeError(
      `@fasttodo/todo-domain: ${option} must be a positive number of seconds, received ${String(seconds)}`,
    );
  }
  return Math.max(1, Math.round(seconds * 1000));
}
