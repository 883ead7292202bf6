import { escapeControlChars } from '@fasttodo/redact';
import { copyFirstKeys, setOwn } from './safe-value';

// Escapes control characters in every string and key of a redacted tree. Copy-on-write: a subtree without
// anything to escape (almost every record) is returned as is, so a clean record allocates nothing here.

/** `value` with control characters escaped in all strings and keys; unchanged parts are shared, never mutated. */
export function escapeTree(value: unknown): unknown {
  if (typeof value === 'string') return escapeControlChars(value);
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) ? escapeItems(value) : escapeEntries(value as Record<string, unknown>);
}

function escapeItems(items: readonly unknown[]): readonly unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const escaped = escapeTree(item);
    if (escaped === item) continue;
    out ??= items.slice();
    out[i] = escaped;
  }
  return out ?? items;
}

function escapeEntries(source: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(source);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = source[key];
    const escapedKey = escapeControlChars(key);
    const escaped = escapeTree(item);
    if (out === undefined && escapedKey === key && escaped === item) continue;
    out ??= copyFirstKeys(source, keys, i);
    setOwn(out, escapedKey, escaped);
  }
  return out ?? source;
}
