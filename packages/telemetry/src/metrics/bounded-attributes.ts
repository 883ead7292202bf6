import type { AttributeValue, Attributes } from '@opentelemetry/api';
import { forbiddenLabel } from './forbidden-labels';
import type { LabelBounder } from './labels';
import type { Warn } from '../shared/warn';
import { memoize } from '../shared/memo';

/** Makes one recording's attributes safe to export; never throws. */
export type AttributeBounder = (attributes: Attributes | undefined) => Attributes | undefined;

const MAX_KEY_LENGTH = 256;
const KEY_CACHE_LIMIT = 1000;
const WARN_LIMIT = 100;

function boundValue(value: AttributeValue | undefined, bounder: LabelBounder): AttributeValue | undefined {
  if (typeof value === 'string') return bounder.bound(value);
  if (!Array.isArray(value)) return value;
  return value.map((item) => (typeof item === 'string' ? bounder.bound(item) : item)) as AttributeValue;
}

/** Why a key is dropped, or `undefined` to keep it. */
function dropReason(key: string, bounder: LabelBounder): string | undefined {
  if (key.length > MAX_KEY_LENGTH) return `longer than ${MAX_KEY_LENGTH} characters`;
  const forbidden = forbiddenLabel(key);
  if (forbidden) return `names "${forbidden.term}": ${forbidden.reason}`;
  // A key the redactor or the escaper would change carries personal data or control characters itself.
  if (bounder.bound(key) !== key) return 'the key itself contains sensitive data or control characters';
  return undefined;
}

/**
 * Bounds the attributes of every synchronous instrument of our meter provider, whoever created it
 * (`telemetry.meter`, instrumentations, business metrics): string values are redacted, escaped and cut
 * like business labels (memoised), and keys that name per-user, per-request, URL or secret data are
 * dropped (warned once per key), because an attribute key cannot be censored without keeping its series.
 */
export function createAttributeBounder(bounder: LabelBounder, warn: Warn): AttributeBounder {
  let warnings = 0;
  const keepKey = memoize(
    (key: string): boolean => {
      const reason = dropReason(key, bounder);
      if (reason !== undefined && warnings < WARN_LIMIT) {
        warnings++;
        warn('metric attribute dropped', { attribute: bounder.bound(key.slice(0, MAX_KEY_LENGTH)), reason });
      }
      return reason === undefined;
    },
    KEY_CACHE_LIMIT,
    MAX_KEY_LENGTH,
  );
  return (attributes) => {
    if (typeof attributes !== 'object' || attributes === null) return undefined;
    try {
      const out: Attributes = {};
      for (const key of Object.keys(attributes)) {
        if (keepKey(key)) out[key] = boundValue(attributes[key], bounder);
      }
      return out;
    } catch {
      // Hostile attribute objects (throwing getters) lose their attributes, never the caller's request.
      return {};
    }
  };
}
