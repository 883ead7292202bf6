import { assign } from './assign';
import type { ValueCensor } from './censor';
import { exoticValue } from './exotic';
import { MARKERS } from './markers';
import type { PathState } from './paths';

/** Everything the walk needs, compiled once by the redactor. */
export interface WalkConfig {
  readonly isSensitiveKey: (key: string) => string | undefined;
  readonly scanKey: (key: string) => string;
  readonly scanString: (text: string) => string;
  readonly redactUrl: (url: string) => string;
  readonly censor: ValueCensor;
  readonly paths: PathState | null;
  readonly maxDepth: number;
  readonly maxItems: number;
}

/** One redaction run: a deep, JSON-safe copy of `value` with secrets replaced. Never throws. */
export class Walk {
  private readonly ancestors: object[] = [];

  constructor(private readonly c: WalkConfig) {}

  /** Copies any value at `depth` below the root; `state` is the path DFA position (or `null`). */
  value(v: unknown, depth: number, state: PathState | null): unknown {
    switch (typeof v) {
      case 'string':
        return this.c.scanString(v);
      case 'number':
      case 'boolean':
      case 'undefined':
        return v;
      case 'bigint':
        return this.c.scanString(v.toString());
      case 'symbol':
        return this.c.scanString(v.toString());
      case 'function':
        return `[Function: ${v.name || 'anonymous'}]`;
    }
    if (v === null) return null;
    return this.object(v as object, depth, state);
  }

  private object(o: object, depth: number, state: PathState | null): unknown {
    if (depth > this.c.maxDepth) return MARKERS.truncated;
    if (this.ancestors.includes(o)) return MARKERS.circular;
    this.ancestors.push(o);
    try {
      if (Array.isArray(o)) return this.list(o, depth, state);
      const proto = Object.getPrototypeOf(o);
      const plain = proto === Object.prototype || proto === null;
      if (plain && typeof (o as { toJSON?: unknown }).toJSON !== 'function') {
        return this.record(o as Record<string, unknown>, depth, state);
      }
      return exoticValue(o, this, depth, state);
    } catch {
      return MARKERS.unreadable;
    } finally {
      this.ancestors.pop();
    }
  }

  /** Copies an array-like list, censoring by path, truncating past `maxItems`. */
  list(items: ArrayLike<unknown>, depth: number, state: PathState | null): unknown[] {
    const total = items.length;
    const n = total > this.c.maxItems ? this.c.maxItems - 1 : total;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const next = state === null ? null : state.step(String(i));
      let v: unknown;
      try {
        v = items[i];
      } catch {
        out[i] = MARKERS.unreadable;
        continue;
      }
      out[i] =
        next?.terminal !== undefined
          ? this.c.censor(v, 'path', next.terminal)
          : this.value(v, depth + 1, next);
    }
    if (total > n) out.push(`[…${total - n} more items]`);
    return out;
  }

  /** Copies an object's own enumerable string keys (plain objects and class instances). */
  record(o: Record<string, unknown>, depth: number, state: PathState | null): Record<string, unknown> {
    const keys = Object.keys(o);
    const out: Record<string, unknown> = {};
    const n = keys.length > this.c.maxItems ? this.c.maxItems - 1 : keys.length;
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string;
      let v: unknown;
      try {
        v = o[key];
      } catch {
        v = MARKERS.unreadable;
      }
      assign(out, this.c.scanKey(key), this.entry(key, v, depth, state));
    }
    if (keys.length > n) assign(out, '…', `[${keys.length - n} more keys]`);
    return out;
  }

  /** Copies one keyed value: censored when its path or key says so, else walked one level deeper. */
  entry(key: string, v: unknown, depth: number, state: PathState | null): unknown {
    const next = state === null ? null : state.step(key);
    if (next?.terminal !== undefined) return this.c.censor(v, 'path', next.terminal);
    const rule = this.c.isSensitiveKey(key);
    if (rule !== undefined) return this.c.censor(v, 'key', rule);
    return this.value(v, depth + 1, next);
  }

  /** The compiled configuration, for the exotic-type handlers. */
  get config(): WalkConfig {
    return this.c;
  }
}
