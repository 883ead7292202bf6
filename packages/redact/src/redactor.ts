import type { Redactor, RedactorOptions } from './types';

// TEMPORARY SKELETON: a minimal working redactor so dependent packages can build; replaced by the full one.
const KEYS = new Set(['password', 'secret', 'token', 'apikey', 'authorization', 'cookie', 'setcookie', 'xapikey']);
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Compiles a redactor once; reuse it for every value. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const censor = typeof options.censor === 'string' ? options.censor : '[REDACTED]';
  const text = (s: string) => s.replace(EMAIL, censor);
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return text(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth > 10) return '[Truncated]';
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = KEYS.has(norm(k)) ? censor : walk(x, depth + 1);
    return out;
  };
  return {
    redact: <T>(v: T) => walk(v, 0) as T,
    redactText: text,
    redactHeaders: <T extends Record<string, unknown>>(h: T) => walk(h, 0) as T,
    redactUrl: (u: string) => text(u),
  };
}
