import { createRedactor, escapeControlChars } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
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

/** Turns untrusted text into something safe to serve: scrubbed, one line, bounded. */
export interface OutputSanitizer {
  text(value: string): string;
  error(error: unknown): string;
  detail(detail: CheckDetail): Omit<CheckResult, 'status' | 'response_ms'>;
}

/** Builds the sanitizer used for every `output` and detail string. */
export function createOutputSanitizer(
  maxLength: number,
  redactor: Redactor = createRedactor(),
): OutputSanitizer {
  const scanLimit = Math.max(1024, maxLength * SCAN_FACTOR);
  const text = (value: string): string => {
    const cut = value.length > scanLimit;
    let scrubbed = redactor.redactText(
      value.slice(0, scanLimit).replace(URL_PASSWORD, `$1${CENSOR}@`).replace(URL_USERINFO, `$1${CENSOR}@`),
    );
    if (cut) scrubbed = `${scrubbed.slice(0, Math.max(0, scrubbed.length - CUT_MARGIN))}…`;
    return truncate(escapeControlChars(scrubbed), maxLength);
  };
  return {
    text,
    error: (error) => text(errorMessage(error)),
    detail: (detail) => sanitizeDetail(detail, text),
  };
}

function truncate(value: string, maxLength: number): string {
  return value.length <= maxLength ? value : `${value.slice(0, maxLength - 1)}…`;
}

/** The message of a thrown value, with its cause; never the stack. Never throws (hostile getters, proxies). */
export function errorMessage(error: unknown): string {
  try {
    return messageOf(error);
  } catch {
    return 'unreadable error';
  }
}

function messageOf(error: unknown): string {
  if (!isErrorLike(error)) return typeof error === 'string' ? error : 'check failed';
  const own = error.message || firstAggregated(error) || codeOf(error) || nameOf(error) || 'Error';
  const cause = isErrorLike(error.cause) ? error.cause.message || codeOf(error.cause) : '';
  return cause && cause !== own ? `${own}: ${cause}` : own;
}

interface ErrorLike {
  message: string;
  name?: string;
  cause?: unknown;
  code?: unknown;
  errors?: unknown;
}

// Duck-typed rather than `instanceof Error`: errors from another realm (vm contexts, workers) count too.
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';
}

function firstAggregated(error: ErrorLike): string {
  if (!Array.isArray(error.errors)) return '';
  const first: unknown = error.errors[0];
  return isErrorLike(first) ? first.message : '';
}

function nameOf(error: ErrorLike): string {
  return typeof error.name === 'string' ? error.name : '';
}

function codeOf(error: ErrorLike): string {
  return typeof error.code === 'string' ? error.code : '';
}

function sanitizeDetail(detail: CheckDetail, text: (value: string) => string): Record<string, DetailValue> {
  const out: Record<string, DetailValue> = {};
  let kept = 0;
  for (const [key, value] of Object.entries(detail)) {
    if (RESERVED.has(key) || kept >= MAX_DETAIL_KEYS || !isPrimitive(value)) continue;
    out[text(key)] = typeof value === 'string' ? text(value) : value;
    kept++;
  }
  return out;
}

function isPrimitive(value: unknown): value is DetailValue {
  if (typeof value === 'number') return Number.isFinite(value);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}
