// Turns anything a caller may log (cycles, BigInt, Errors, proxies with throwing getters, huge strings)
// into a bounded plain JSON tree. Never throws.
const MAX_DEPTH = 8;
const MAX_KEYS = 64;
const MAX_ITEMS = 64;
const MAX_NODES = 2000;
/** Longest string kept in a log field or message; longer ones are cut with a marker. */
export const MAX_LOG_STRING = 8192;

interface Walk {
  ancestors: Set<object>;
  nodes: number;
}

/** Assigns an own property; `__proto__` is defined, not assigned, so it cannot change the prototype. */
export function setOwn(target: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}

/** Cuts a string to {@link MAX_LOG_STRING} characters, saying how much was dropped. */
export function cutString(text: string, max = MAX_LOG_STRING): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…[${text.length - max} more chars]`;
}

function describeFunction(fn: (...args: never[]) => unknown): string {
  return `[Function ${fn.name || 'anonymous'}]`;
}

function primitive(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      return cutString(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'symbol':
      return value.toString();
    case 'function':
      return describeFunction(value as (...args: never[]) => unknown);
    default:
      return value;
  }
}

function readKey(source: object, key: PropertyKey): unknown {
  try {
    return (source as Record<PropertyKey, unknown>)[key];
  } catch {
    return '[Unreadable]';
  }
}

function fromError(error: Error, walk: Walk, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: safe(readKey(error, 'name'), walk, depth),
    message: safe(readKey(error, 'message'), walk, depth),
    stack: safe(readKey(error, 'stack'), walk, depth),
  };
  const code = readKey(error, 'code');
  if (code !== undefined) out['code'] = safe(code, walk, depth);
  const cause = readKey(error, 'cause');
  if (cause !== undefined) out['cause'] = safe(cause, walk, depth);
  return Object.assign(out, fromObject(error, walk, depth));
}

function fromObject(source: object, walk: Walk, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(source);
  for (const key of keys.slice(0, MAX_KEYS)) {
    const value = safe(readKey(source, key), walk, depth);
    if (value === undefined) continue;
    setOwn(out, key, value);
  }
  if (keys.length > MAX_KEYS) out['…'] = `${keys.length - MAX_KEYS} more keys`;
  return out;
}

/**
 * Plain objects are not copied while every entry is safe already; the first entry that changes (or is
 * dropped) starts a copy from there on. Sharing is fine because the result only feeds the redactor and
 * `JSON.stringify`, which read it and never mutate it. Each entry is read and walked once.
 */
function fromPlainObject(source: object, walk: Walk, depth: number): Record<string, unknown> {
  const keys = Object.keys(source);
  if (keys.length > MAX_KEYS) return fromObject(source, walk, depth);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const raw = readKey(source, key);
    const value = safe(raw, walk, depth);
    if (out === undefined) {
      if (value === raw && value !== undefined) continue;
      out = copyFirstKeys(source, keys, i);
    }
    if (value !== undefined) setOwn(out, key, value);
  }
  return out ?? (source as Record<string, unknown>);
}

/** A new object holding the first `count` entries of `source` (getters read safely), in key order. */
export function copyFirstKeys(
  source: object,
  keys: readonly string[],
  count: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const key = keys[i] as string;
    setOwn(out, key, readKey(source, key));
  }
  return out;
}

function fromIterable(items: unknown[], total: number, walk: Walk, depth: number): unknown[] {
  const out = items.slice(0, MAX_ITEMS).map((item) => safe(item, walk, depth) ?? null);
  if (total > MAX_ITEMS) out.push(`…${total - MAX_ITEMS} more items`);
  return out;
}

/** Same as {@link fromPlainObject} for arrays: not copied while every item is safe already. */
function fromArray(items: unknown[], walk: Walk, depth: number): unknown[] {
  if (items.length > MAX_ITEMS) return fromIterable(items.slice(0, MAX_ITEMS), items.length, walk, depth);
  let out: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const value = safe(item, walk, depth) ?? null;
    if (out === undefined) {
      if (value === item) continue;
      out = items.slice(0, i);
    }
    out.push(value);
  }
  return out ?? items;
}

function structured(value: object, walk: Walk, depth: number): unknown {
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return plainObject(value, walk, depth, true);
  if (value instanceof Error) return fromError(value, walk, depth);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (Array.isArray(value)) return fromArray(value, walk, depth);
  if (value instanceof Map)
    return fromIterable([...value.entries()].slice(0, MAX_ITEMS), value.size, walk, depth);
  if (value instanceof Set) return fromIterable([...value].slice(0, MAX_ITEMS), value.size, walk, depth);
  return plainObject(value, walk, depth, false);
}

/** Plain objects and class instances: the result of an own or inherited `toJSON`, else the own keys. */
function plainObject(value: object, walk: Walk, depth: number, plain: boolean): unknown {
  const toJSON = readKey(value, 'toJSON');
  if (typeof toJSON === 'function') return safe(toJSON.call(value), walk, depth);
  return plain ? fromPlainObject(value, walk, depth) : fromObject(value, walk, depth);
}

function safe(value: unknown, walk: Walk, depth: number): unknown {
  if (value === null || typeof value !== 'object') return primitive(value);
  if (walk.ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH || walk.nodes >= MAX_NODES) return '[Truncated]';
  walk.nodes++;
  walk.ancestors.add(value);
  try {
    return structured(value, walk, depth + 1);
  } catch {
    return '[Unserializable]';
  } finally {
    walk.ancestors.delete(value);
  }
}

/**
 * A bounded, JSON-safe version of `value`: cycles → `"[Circular]"`, BigInt → string, Errors → `{ name, message,
 * stack, code, cause }`, depth/keys/items/strings capped, throwing getters → `"[Unreadable]"`. Plain objects and arrays that
 * are safe already are returned as they are (not copied): treat the result as read-only.
 */
export function toLogSafe(value: unknown): unknown {
  return safe(value, { ancestors: new Set(), nodes: 0 }, 0);
}
