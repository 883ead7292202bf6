import type { ValueCensor } from './censor';
import type { PathState } from './paths';

/** Everything the walk needs, compiled once by the redactor. */
export interface WalkConfig {
  readonly isSensitiveKey: (key: string) => string | undefined;
  /** A key as written to the output: scanned by the detectors, then escaped when `escape` is on. */
  readonly key: (key: string) => string;
  /** A string value as written to the output: scanned, cut to `maxStringLength`, then escaped. */
  readonly text: (text: string) => string;
  /** A URL as written to the output: redacted, then escaped. */
  readonly url: (url: string) => string;
  /** Control characters made visible (identity when `escape` is off). */
  readonly escape: (text: string) => string;
  /** The header redactor, for request and response objects and flat `[name, value, ...]` lists. */
  readonly headers: (headers: object) => Record<string, unknown>;
  /** True when a 13–19 digit number is a payment card number (`null` when the card detector is off). */
  readonly isCardNumber: ((digits: string) => boolean) | null;
  readonly censor: ValueCensor;
  readonly paths: PathState | null;
  readonly maxDepth: number;
  readonly maxItems: number;
  readonly maxNodes: number;
}

/** What the handlers of exotic values need from a walk (so they depend on this interface, not on the walk). */
export interface Copier {
  readonly config: WalkConfig;
  /** Copies any value one level below `depth`'s parent. */
  value(v: unknown, depth: number, state: PathState | null): unknown;
  /** Copies a list; `total` is the source's size when `items` holds only its first entries. */
  list(items: ArrayLike<unknown>, depth: number, state: PathState | null, total?: number): unknown[];
  /** Copies an object's own enumerable string keys. */
  record(o: object, depth: number, state: PathState | null): Record<string, unknown>;
  /** Copies one keyed value: censored when its path or key says so, else walked one level deeper. */
  entry(key: string, v: unknown, depth: number, state: PathState | null): unknown;
  /** True while the node budget allows another value. */
  readonly hasBudget: boolean;
}
