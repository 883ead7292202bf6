import type { Censor, CensorContext } from './types';

/** The censor used when a censor function throws. */
export const FALLBACK_CENSOR = '[REDACTED]';

/** Replaces a value found by key or path; `null` and `undefined` pass through (they hold no secret). */
export type ValueCensor = (value: unknown, reason: CensorContext['reason'], rule: string) => unknown;

/** Replaces a matched piece of text. */
export type TextCensor = (match: string, rule: string) => string;

/** Compiles the censor for whole values. */
export function valueCensor(censor: Censor): ValueCensor {
  if (typeof censor === 'string') return (value) => (value === null || value === undefined ? value : censor);
  return (value, reason, rule) => {
    if (value === null || value === undefined) return value;
    try {
      return censor(value, { reason, rule });
    } catch {
      return FALLBACK_CENSOR;
    }
  };
}

/** Compiles the censor for text matches: `fixed` when the censor is a string, else the function's result as text. */
export function textCensor(censor: Censor, fixed: string): TextCensor {
  if (typeof censor === 'string') return () => fixed;
  return (match, rule) => {
    try {
      return String(censor(match, { reason: 'detector', rule }));
    } catch {
      return FALLBACK_CENSOR;
    }
  };
}
