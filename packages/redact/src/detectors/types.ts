import type { DetectorName } from '../types';

/** Replacement for one match: receives the matched text and the rule name, returns the text to insert. */
export type Replace = (match: string, rule: string) => string;

/** A free-text detector: a cheap gate first, then a linear-time scan that replaces what it finds. */
export interface Detector {
  readonly name: DetectorName | string;
  /**
   * True when matches are found by position (a value after a sensitive key) rather than by shape: such a detector
   * would match its own censor output again, so it runs in the first pass only.
   */
  readonly positional?: boolean;
  /**
   * Characters (`CHAR` bits of `./facts`) of which a text must hold at least one for this detector to match; it
   * is tested with one bitwise AND before `gate` is called. It must be a necessary condition, never a guess.
   */
  readonly trigger: number;
  /** Cheap pre-check, called only when `trigger` passed; `facts` describes the text (see `./facts`). */
  gate(text: string, facts: number): boolean;
  /** Returns the text with every match replaced (the same string when nothing matched). */
  scan(text: string, replace: Replace): string;
}

/** Replaces every match of a global `re` for which `accept` holds. */
export function replaceWhere(
  text: string,
  re: RegExp,
  rule: string,
  replace: Replace,
  accept: (match: string) => boolean,
): string {
  re.lastIndex = 0;
  // A failing test() stays on V8's fast path; a functional replace() does not, even when nothing matches.
  if (!re.test(text)) return text;
  re.lastIndex = 0;
  return text.replace(re, (m: string) => (accept(m) ? replace(m, rule) : m));
}
