import { assign } from './assign';
import type { Copier } from './copier';
import { httpSummary } from './http-values';
import { MARKERS } from './markers';
import type { PathState } from './paths';

/**
 * Copies a non-plain object into JSON-safe data: Date → ISO string, Error → { name, message, stack, code, cause,
 * errors, ...own keys }, Map → object, Set → array, binary → a size summary (contents never copied), URL → redacted
 * href, boxed primitives → their value, HTTP messages → a bounded summary, sockets → `[Socket]`, `toJSON` → its
 * result, any other instance → its own enumerable keys.
 */
export function exoticValue(o: object, copier: Copier, depth: number, state: PathState | null): unknown {
  const c = copier.config;
  if (o instanceof Date) return Number.isNaN(o.getTime()) ? 'Invalid Date' : o.toISOString();
  if (o instanceof Error) return errorValue(o, copier, depth, state);
  if (o instanceof Map) return mapValue(o, copier, depth, state);
  if (o instanceof Set) return copier.list(firstItems(o, c.maxItems), depth, state, o.size);
  if (ArrayBuffer.isView(o))
    return `[${c.escape(o.constructor?.name ?? 'ArrayBufferView')}: ${o.byteLength} bytes]`;
  if (o instanceof ArrayBuffer || o instanceof SharedArrayBuffer) {
    return `[${o.constructor.name}: ${o.byteLength} bytes]`;
  }
  if (o instanceof URL) return c.url(o.href);
  if (o instanceof RegExp) return c.text(String(o));
  if (o instanceof String || o instanceof Number || o instanceof Boolean) {
    return copier.value(o.valueOf(), depth, state);
  }
  if (o instanceof Promise || o instanceof WeakMap || o instanceof WeakSet) return `[${o.constructor.name}]`;
  const summary = httpSummary(o, c);
  if (summary !== undefined)
    return typeof summary === 'string' ? summary : copier.record(summary, depth, state);
  const toJSON = (o as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return copier.value(toJSON.call(o), depth + 1, state);
  return copier.record(o, depth, state);
}

const ERROR_KEYS = ['name', 'message', 'stack', 'code', 'cause', 'errors'];

function errorValue(
  e: Error,
  copier: Copier,
  depth: number,
  state: PathState | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = e as unknown as Record<string, unknown>;
  for (const key of new Set([...ERROR_KEYS, ...Object.keys(e)])) {
    if (!copier.hasBudget) break;
    let v: unknown;
    try {
      v = source[key];
    } catch {
      v = MARKERS.unreadable;
    }
    if (v === undefined) continue;
    const copy = copier.entry(key, v, depth, state);
    if (copy !== undefined) assign(out, copier.config.key(key), copy);
  }
  return out;
}

function mapValue(
  map: Map<unknown, unknown>,
  copier: Copier,
  depth: number,
  state: PathState | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const max = copier.config.maxItems;
  const limit = map.size > max ? max - 1 : map.size;
  let count = 0;
  for (const [k, v] of map) {
    if (count >= limit || !copier.hasBudget) break;
    count++;
    const key = typeof k === 'string' ? k : keyText(k);
    const copy = copier.entry(key, v, depth, state);
    if (copy !== undefined) assign(out, copier.config.key(key), copy);
  }
  if (map.size > count) assign(out, '…', `[${map.size - count} more keys]`);
  return out;
}

/** The first `max` items of an iterable, read lazily (a huge Set is never copied whole). */
function firstItems(items: Iterable<unknown>, max: number): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (out.length >= max) break;
    out.push(item);
  }
  return out;
}

function keyText(k: unknown): string {
  if (typeof k === 'object' && k !== null) return `[${Object.prototype.toString.call(k).slice(8, -1)}]`;
  if (typeof k === 'function') return '[Function]';
  return String(k);
}
