import { FALLBACK_CENSOR, textCensor, valueCensor } from './censor';
import { builtInDetectors, type DetectorDeps } from './detectors';
import { customDetector } from './detectors/custom';
import { createHeaderRedactor, escapeHeaders, type HeadersInput } from './headers';
import { createKeyMatcher, type KeyMatcher, URL_QUERY_KEYS } from './keys';
import { type ResolvedOptions, resolveOptions } from './options';
import { compilePaths } from './paths';
import { isCardNumber } from './detectors/card';
import { escapeControlChars } from './escape';
import { createTextScanner, scanBounded } from './text';
import type { Redactor, RedactorOptions } from './types';
import { createUrlRedactor } from './url';
import { Walk, type WalkConfig } from './walk';

const MIN_BUILT_IN_MATCH = 6;
const KEY_CACHE_LIMIT = 4096;
const KEY_CACHE_MAX_LENGTH = 256;

/**
 * Compiles a redactor once (options validated, patterns and paths compiled); reuse it for every value.
 * Throws {@link RedactConfigError} for an invalid option; the returned functions never throw.
 * @example
 * const r = createRedactor({ paths: ['req.body.card'], keys: ['otp'] });
 * r.redact({ password: 'hunter2', note: 'mail bob@example.com' });
 * // → { password: '[REDACTED]', note: 'mail [REDACTED]' }
 * r.redactUrl('https://u:p@host/cb?token=abc'); // 'https://REDACTED:REDACTED@host/cb?token=REDACTED'
 */
export function createRedactor(options?: RedactorOptions): Redactor {
  const o = resolveOptions(options);
  const isSensitiveKey = createKeyMatcher(o.keys);
  const censor = valueCensor(o.censor);
  const minLength = o.patterns.length > 0 ? 1 : MIN_BUILT_IN_MATCH;
  const { scanText, redactUrl } = compileText(o, isSensitiveKey, minLength);
  const censors = [...new Set([o.urlCensor, typeof o.censor === 'string' ? o.censor : FALLBACK_CENSOR])];
  const scanString = (text: string) => scanBounded(text, o.maxStringLength, scanText, censors);
  const scanKey =
    o.detectors.size + o.patterns.length === 0
      ? (key: string) => key
      : cachedKeyScanner(scanString, minLength);
  const escapeText = o.escape ? escapeControlChars : (text: string) => text;
  const paths = compilePaths(o.paths);
  const config: WalkConfig = {
    isSensitiveKey,
    key: o.escape ? cachedKeyScanner((key) => escapeControlChars(scanKey(key)), 0) : scanKey,
    text: o.escape ? rememberClean((text) => escapeControlChars(scanString(text))) : scanString,
    url: o.escape ? (url) => escapeControlChars(redactUrl(url)) : redactUrl,
    escape: escapeText,
    headers: o.escape
      ? (headers) => escapeHeaders(redactHeaders(headers as HeadersInput))
      : (headers) => redactHeaders(headers as HeadersInput),
    isCardNumber: o.detectors.has('creditCard') ? isCardNumber : null,
    censor,
    paths,
    maxDepth: o.maxDepth,
    maxItems: o.maxItems,
    maxNodes: o.maxNodes,
  };
  const redactValue = (value: unknown): unknown => {
    try {
      return new Walk(config).root(value);
    } catch {
      return FALLBACK_CENSOR;
    }
  };
  const redactHeaders = createHeaderRedactor({
    isSensitiveKey,
    scanString,
    redactUrl,
    censor,
    maxItems: o.maxItems,
  });
  return {
    redact: ((value: unknown) => redactValue(value)) as Redactor['redact'],
    redactText: (text: string) => safely(() => scanText(typeof text === 'string' ? text : String(text))),
    redactHeaders,
    redactUrl,
    options: Object.freeze({ ...options }),
  };
}

/** Compiles the detectors twice: for free text (the censor) and for URL parts (the URL censor). */
function compileText(o: ResolvedOptions, isSensitiveKey: KeyMatcher, minLength: number) {
  const isSensitiveParam = createKeyMatcher([...o.keys, ...URL_QUERY_KEYS]);
  const censorUrl = textCensor(o.censor, o.urlCensor);
  const textCensorString = typeof o.censor === 'string' ? o.censor : FALLBACK_CENSOR;
  let redactUrl: (url: string) => string = (url) => url;
  const deps: DetectorDeps = {
    urlCensor: o.urlCensor,
    redactUrl: (url) => redactUrl(url),
    isSensitiveParam,
    isSensitiveKey,
    keyNames: o.keys,
    alreadyCensored: new Set([o.urlCensor, textCensorString]),
    censorUrlValue: censorUrl,
  };
  const detectors = () => [...builtInDetectors(o.detectors, deps), ...o.patterns.map(customDetector)];
  const stable = typeof o.censor === 'string';
  const scanText = createTextScanner(detectors(), textCensor(o.censor, textCensorString), minLength, stable);
  const scanUrlPart = createTextScanner(detectors(), censorUrl, minLength, stable, 1);
  redactUrl = createUrlRedactor({
    isSensitiveParam,
    scan: scanUrlPart,
    censor: censorUrl,
    stableCensor: stable,
  });
  return { scanText, redactUrl };
}

function safely(f: () => string): string {
  try {
    return f();
  } catch {
    return FALLBACK_CENSOR;
  }
}

/**
 * `f` with short inputs it returned unchanged remembered (bounded): log values repeat, and a clean one then costs
 * one Set lookup. Only unchanged inputs are kept, so the memory never holds a secret.
 */
function rememberClean(f: (text: string) => string): (text: string) => string {
  const clean = new Set<string>();
  return (text) => {
    if (text.length > KEY_CACHE_MAX_LENGTH) return f(text);
    if (clean.has(text)) return text;
    const out = f(text);
    if (out === text) {
      if (clean.size >= KEY_CACHE_LIMIT) clean.clear();
      clean.add(text);
    }
    return out;
  };
}

function cachedKeyScanner(scan: (text: string) => string, minLength: number): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    if (key.length < minLength) return key;
    if (key.length > KEY_CACHE_MAX_LENGTH) return scan(key);
    let out = cache.get(key);
    if (out === undefined) {
      out = scan(key);
      if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
      cache.set(key, out);
    }
    return out;
  };
}
