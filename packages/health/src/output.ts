import { createRedactor, escapeControlChars } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
import { errorMessageParts } from './error-message';
import type { CheckDetail, CheckResult, DetailValue } from './types';

// Only a prefix is scanned so a huge message cannot make redaction slow; the served text is shorter still.
// A secret cut in half at the scan limit might escape the patterns, so that tail is never served.
const SCAN_FACTOR = 4;
const CUT_MARGIN = 256;
const MAX_DETAIL_KEYS = 32;
const RESERVED = new Set(['status', 'response_ms', 'output']);
// The redactor handles connection strings (`url` detector, unencoded passwords included) and `password=…`
// pairs (`keyValue`). Its URL detector stops at quotes, `<`, `>`, backticks and `…`, which end a URL in JSON or
// HTML; check output is short free text where over-censoring costs nothing, so a userinfo holding those
// characters is censored here first, up to the last `@` of the word.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#]{0,512}@/gi;
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s:/?#@]{0,256}:[^\s]{0,512}@/gi;
const CENSOR = '[REDACTED]';

/** Turns untrusted text into something safe to serve or log: scrubbed, one line, bounded. */
export interface OutputSanitizer {
  text(value: string): string;
  /** The message of a thrown value and of its cause, each scrubbed on its own, then joined. */
  error(error: unknown): string;
  /** Flat primitive details: values under sensitive keys censored (redactor key rules), strings scrubbed. */
  detail(detail: CheckDetail): Omit<CheckResult, 'status' | 'response_ms'>;
}

/** Builds the sanitizer used for every `output`, detail and log message health writes. */
export function createOutputSanitizer(
  maxLength: number,
  redactor: Redactor = createRedactor(),
): OutputSanitizer {
  const scanLimit = Math.max(1024, maxLength * SCAN_FACTOR);
  const scrub = (value: string): string => {
    const cut = value.length > scanLimit;
    const scrubbed = redactor.redactText(
      value.slice(0, scanLimit).replace(URL_PASSWORD, `$1${CENSOR}@`).replace(URL_USERINFO, `$1${CENSOR}@`),
    );
    return cut ? `${scrubbed.slice(0, Math.max(0, scrubbed.length - CUT_MARGIN))}…` : scrubbed;
  };
  const finish = (scrubbed: string): string => truncate(escapeControlChars(scrubbed), maxLength);
  const text = (value: string): string => finish(scrub(value));
  return {
    text,
    // Scrubbed apart: joined first, `connect failed: password=x` would hide the pair behind `failed:`.
    error: (error) => finish(errorMessageParts(error).map(scrub).join(': ')),
    detail: (detail) => sanitizeDetail(detail, text, redactor),
  };
}

function truncate(value: string, maxLength: number): string {
  return value.length <= maxLength ? value : `${value.slice(0, maxLength - 1)}…`;
}

function sanitizeDetail(
  detail: CheckDetail,
  text: (value: string) => string,
  redactor: Redactor,
): Record<string, DetailValue> {
  const kept: Record<string, DetailValue> = Object.create(null);
  let count = 0;
  for (const [key, value] of Object.entries(detail)) {
    if (count >= MAX_DETAIL_KEYS) break;
    if (RESERVED.has(key) || !isPrimitive(value)) continue;
    kept[key] = value;
    count++;
  }
  // The redactor censors by key with the same rules as for objects (`db_password`, `session.id`, ...).
  const byKey = redactor.redact(kept) as Record<string, unknown>;
  const out: Record<string, DetailValue> = Object.create(null);
  for (const [key, value] of Object.entries(byKey)) {
    if (!isPrimitive(value)) continue;
    out[text(key)] = typeof value === 'string' ? text(value) : value;
  }
  return out;
}

function isPrimitive(value: unknown): value is DetailValue {
  if (typeof value === 'number') return Number.isFinite(value);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}
