import { assign } from './assign';
import type { Copier, WalkConfig } from './copier';
import { exoticValue } from './exotic';
import { flatHeaderList, isFlatHeaderList } from './http-values';
import { MARKERS } from './markers';
import type { PathState } from './paths';

export type { WalkConfig } from './copier';

// Integers of 13–19 digits may be card numbers held as numbers (JSON bodies parse them so).
const MIN_CARD = 1e12;
const MAX_CARD = 1e19;

/**
 * One redaction run: a deep, JSON-safe copy of `value` with secrets replaced. Never throws. Every value costs
 * one node of the `maxNodes` budget; once spent, the rest of each list or object is summarised by a marker.
 */
export class Walk implements Copier {
  private readonly ancestors: object[] = [];
  private nodes = 0;

  constructor(private readonly c: WalkConfig) {}

  get config(): WalkConfig {
    return this.c;
  }

  get hasBudget(): boolean {
    return this.nodes < this.c.maxNodes;
  }

  /** Copies a whole value (censored whole when a configured path is the root itself). */
  root(v: unknown): unknown {
    const rule = this.c.paths?.terminal;
    return rule === undefined ? this.value(v, 0, this.c.paths) : this.censored(v, 'path', rule, 0);
  }

  value(v: unknown, depth: number, state: PathState | null): unknown {
    if (this.nodes++ >= this.c.maxNodes) return MARKERS.truncated;
    switch (typeof v) {
      case 'string':
        return this.c.text(v);
      case 'number':
        return this.number(v);
      case 'boolean':
      case 'undefined':
        return v;
      case 'bigint':
      case 'symbol':
        return this.c.text(v.toString());
      case 'function':
        return this.c.text(`[Function: ${v.name || 'anonymous'}]`);
    }
    if (v === null) return null;
    return this.object(v as object, depth, state);
  }

  private number(v: number): unknown {
    if (v === 0) return 0; // -0 as 0: JSON has no negative zero, and the output must survive a JSON round trip
    if (!Number.isFinite(v)) return String(v);
    const size = Math.abs(v);
    if (size < MIN_CARD || size >= MAX_CARD || this.c.isCardNumber === null || !Number.isInteger(v)) return v;
    return this.c.isCardNumber(String(size)) ? this.censored(v, 'detector', 'creditCard', 0) : v;
  }

  private object(o: object, depth: number, state: PathState | null): unknown {
    if (depth > this.c.maxDepth) return MARKERS.truncated;
    if (this.ancestors.includes(o)) return MARKERS.circular;
    this.ancestors.push(o);
    try {
      if (Array.isArray(o)) return this.list(o, depth, state);
      const proto = Object.getPrototypeOf(o);
      const plain = proto === Object.prototype || proto === null;
      if (plain && typeof (o as { toJSON?: unknown }).toJSON !== 'function')
        return this.record(o, depth, state);
      return exoticValue(o, this, depth, state);
    } catch {
      return MARKERS.unreadable;
    } finally {
      this.ancestors.pop();
    }
  }

  list(items: ArrayLike<unknown>, depth: number, state: PathState | null, total = items.length): unknown[] {
    if (isFlatHeaderList(items, this.c)) return flatHeaderList(items, this.c);
    const cap = Math.min(items.length, total > this.c.maxItems ? this.c.maxItems - 1 : total);
    const out: unknown[] = [];
    for (let i = 0; i < cap && this.hasBudget; i++) {
      const next = state === null ? null : state.step(String(i));
      let v: unknown;
      try {
        v = items[i];
      } catch {
        out.push(MARKERS.unreadable);
        continue;
      }
      const copy =
        next?.terminal !== undefined
          ? this.censored(v, 'path', next.terminal, depth)
          : this.value(v, depth + 1, next);
      out.push(copy === undefined ? null : copy);
    }
    if (total > out.length) out.push(`[…${total - out.length} more items]`);
    return out;
  }

  record(o: object, depth: number, state: PathState | null): Record<string, unknown> {
    const source = o as Record<string, unknown>;
    const keys = Object.keys(o);
    const out: Record<string, unknown> = {};
    const cap = keys.length > this.c.maxItems ? this.c.maxItems - 1 : keys.length;
    let i = 0;
    for (; i < cap && this.hasBudget; i++) {
      const key = keys[i] as string;
      let v: unknown;
      try {
        v = source[key];
      } catch {
        v = MARKERS.unreadable;
      }
      const copy = this.entry(key, v, depth, state);
      if (copy === undefined) continue;
      const name = this.c.key(key);
      if (name === '__proto__') assign(out, name, copy);
      else out[name] = copy;
    }
    if (keys.length > i) assign(out, '…', `[${keys.length - i} more keys]`);
    return out;
  }

  entry(key: string, v: unknown, depth: number, state: PathState | null): unknown {
    const next = state === null ? null : state.step(key);
    if (next?.terminal !== undefined) return this.censored(v, 'path', next.terminal, depth);
    const rule = this.c.isSensitiveKey(key);
    if (rule !== undefined) return this.censored(v, 'key', rule, depth);
    return this.value(v, depth + 1, next);
  }

  /** The censor's replacement, made JSON-safe by the same rules (a censor may return a BigInt or an object). */
  private censored(v: unknown, reason: 'key' | 'path' | 'detector', rule: string, depth: number): unknown {
    const out = this.c.censor(v, reason, rule);
    switch (typeof out) {
      case 'string':
        return this.c.escape(out);
      case 'number':
        // -0 as 0, non-finite as text: the output must equal its JSON round trip.
        return out === 0 ? 0 : Number.isFinite(out) ? out : String(out);
      case 'boolean':
      case 'undefined':
        return out;
      case 'bigint':
      case 'symbol':
        return this.c.escape(out.toString());
      case 'function':
        return this.c.escape(`[Function: ${out.name || 'anonymous'}]`);
    }
    return out === null ? null : this.value(out, depth + 1, null);
  }
}
