import type { PathState } from './paths';
import { assign } from './assign';
import { MARKERS } from './markers';
import type { Walk } from './walk';

/**
 * Copies a non-plain object into JSON-safe data: Date → ISO string, Error → { name, message, stack, ... },
 * Map → object, Set → array, binary → a size summary (contents never copied), URL → redacted href,
 * boxed primitives → their value, `toJSON` → its result, any other instance → its own enumerable keys.
 */
export function exoticValue(o: object, walk: Walk, depth: number, state: PathState | null): unknown {
  if (o instanceof Date) return Number.isNaN(o.getTime()) ? 'Invalid Date' : o.toISOString();
  if (o instanceof Error) return errorValue(o, walk, depth, state);
  if (o instanceof Map) return mapValue(o, walk, depth, state);
  if (o instanceof Set) return walk.list([...o], depth, state);
  if (ArrayBuffer.isView(o)) return `[${o.constructor?.name ?? 'ArrayBufferView'}: ${o.byteLength} bytes]`;
  if (o instanceof ArrayBuffer || o instanceof SharedArrayBuffer) {
    return `[${o.constructor.name}: ${o.byteLength} bytes]`;
  }
  if (o instanceof URL) return walk.config.redactUrl(o.href);
  if (o instanceof RegExp) return walk.config.scanString(String(o));
  if (o instanceof String || o instanceof Number || o instanceof Boolean) {
    return walk.value(o.valueOf(), depth, state);
  }
  if (o instanceof Promise || o instanceof WeakMap || o instanceof WeakSet) return `[${o.constructor.name}]`;
  const toJSON = (o as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return walk.value(toJSON.call(o), depth + 1, state);
  return walk.record(o as Record<string, unknown>, depth, state);
}

function errorValue(e: Error, walk: Walk, depth: number, state: PathState | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = e as unknown as Record<string, unknown>;
  const names = ['name', 'message', 'stack', ...Object.keys(e)];
  if ('cause' in e) names.push('cause');
  if ('errors' in e) names.push('errors');
  for (const key of new Set(names)) {
    let v: unknown;
    try {
      v = source[key];
    } catch {
      v = MARKERS.unreadable;
    }
    if (v !== undefined) assign(out, walk.config.scanKey(key), walk.entry(key, v, depth, state));
  }
  return out;
}

function mapValue(
  map: Map<unknown, unknown>,
  walk: Walk,
  depth: number,
  state: PathState | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const max = walk.config.maxItems;
  const limit = map.size > max ? max - 1 : map.size;
  let count = 0;
  for (const [k, v] of map) {
    if (count++ >= limit) break;
    const key = typeof k === 'string' ? k : keyText(k);
    assign(out, walk.config.scanKey(key), walk.entry(key, v, depth, state));
  }
  if (map.size > limit) assign(out, '…', `[${map.size - limit} more keys]`);
  return out;
}

function keyText(k: unknown): string {
  if (typeof k === 'object' && k !== null) return `[${Object.prototype.toString.call(k).slice(8, -1)}]`;
  if (typeof k === 'function') return '[Function]';
  return String(k);
}
