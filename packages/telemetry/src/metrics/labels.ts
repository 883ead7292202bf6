import type { Attributes } from '@opentelemetry/api';
import { escapeControlChars } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
import type { Warn } from '../shared/warn';
import { memoize } from '../shared/memo';

/** Longest label value kept; longer values are cut (Prometheus stores every distinct value). */
export const MAX_LABEL_VALUE_LENGTH = 128;
const CACHE_LIMIT = 1000;
const WARN_LIMIT = 100;

/** Turns label values into redacted, escaped, bounded strings; never throws. */
export interface LabelBounder {
  /** The value redacted, escaped and cut to {@link MAX_LABEL_VALUE_LENGTH} (memoised). */
  bound(raw: string): string;
}

function cut(text: string): string {
  if (text.length <= MAX_LABEL_VALUE_LENGTH) return text;
  const end = MAX_LABEL_VALUE_LENGTH;
  // Do not leave half of a surrogate pair at the end.
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

function redactWhole(redactor: Redactor, raw: string): string {
  // redact() scans the whole string within the redactor's own maxStringLength bound, so a secret that
  // straddles our 128-character cut is already gone when we cut.
  const out: unknown = redactor.redact(raw);
  return typeof out === 'string' ? out : String(out);
}

/**
 * Creates the shared value bounder: redact the whole value, then escape control characters, then cut.
 * Results are memoised because label values repeat by design.
 */
export function createLabelBounder(redactor?: Redactor): LabelBounder {
  const boundString = memoize(
    (raw: string) => cut(escapeControlChars(redactor ? redactWhole(redactor, raw) : cut(raw))),
    CACHE_LIMIT,
    MAX_LABEL_VALUE_LENGTH * 4,
  );
  return { bound: boundString };
}

function labelValue(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/**
 * Builds the attribute filter of one metric: declared names only, string/number/boolean values only,
 * problems warned once. Values are bounded afterwards by the meter (see `bounded-meter.ts`).
 */
export function createLabelFilter(
  metric: string,
  labelNames: readonly string[],
  warn: Warn,
): (labels: unknown) => Attributes {
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string, fields: Record<string, unknown>): void => {
    if (warned.has(key) || warned.size >= WARN_LIMIT) return;
    warned.add(key);
    warn(message, fields);
  };
  return (labels) => {
    const attributes: Attributes = {};
    if (typeof labels !== 'object' || labels === null) return attributes;
    const record = labels as Record<string, unknown>;
    let kept = 0;
    for (const name of labelNames) {
      const raw = record[name];
      if (raw === undefined) continue;
      kept++;
      const value = labelValue(raw);
      if (value === undefined) {
        warnOnce(`type:${name}`, 'metric label value dropped: not a string, number or boolean', {
          metric,
          label: name,
        });
        continue;
      }
      attributes[name] = value;
    }
    if (Object.keys(record).length > kept) {
      for (const name of Object.keys(record)) {
        if (record[name] === undefined || labelNames.includes(name)) continue;
        warnOnce(`undeclared:${name}`, 'metric label dropped: not declared in labelNames', {
          metric,
          label: cut(escapeControlChars(name)),
        });
      }
    }
    return attributes;
  };
}
