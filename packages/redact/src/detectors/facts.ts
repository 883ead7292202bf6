/**
 * One pass over a text records which trigger characters it holds and how many ASCII digits, packed into one
 * number (no allocation per string). Each detector names the characters without which it cannot match, so most
 * detectors are skipped by a single bitwise test instead of a call and a substring search.
 */

/** Bits of the trigger characters; a detector's `trigger` is the union of those it can start from. */
export const CHAR = {
  digit: 1 << 0,
  at: 1 << 1,
  equals: 1 << 2,
  colon: 1 << 3,
  question: 1 << 4,
  amp: 1 << 5,
  dash: 1 << 6,
  underscore: 1 << 7,
  dot: 1 << 8,
  slash: 1 << 9,
  plus: 1 << 10,
  /** Any of `A`–`Z`. */
  upper: 1 << 11,
  /** `A` (AWS and Google key prefixes). */
  capitalA: 1 << 12,
  /** `J` (`eyJ`, every JWT header). */
  capitalJ: 1 << 13,
  /** `b` or `B` (`Bearer`, `Basic`). */
  letterB: 1 << 14,
  /** `x` (Slack `xox…`). */
  letterX: 1 << 15,
} as const;

/** Set for every text: the trigger of a detector that must always run (user patterns). */
export const ALWAYS = 1 << 16;

const DIGIT_SHIFT = 17;
/** Digits are counted up to this (the largest threshold any gate needs is 13). */
const MAX_DIGITS = 15;

const TABLE = new Uint16Array(128);
for (let c = 48; c <= 57; c++) TABLE[c] = CHAR.digit;
for (let c = 65; c <= 90; c++) TABLE[c] = CHAR.upper;
TABLE[66] = (TABLE[66] as number) | CHAR.letterB;
/** Characters that each set one bit (the digit and upper-case classes are handled apart). */
const SINGLE: readonly (readonly [string, number])[] = [
  ['@', CHAR.at],
  ['=', CHAR.equals],
  [':', CHAR.colon],
  ['?', CHAR.question],
  ['&', CHAR.amp],
  ['-', CHAR.dash],
  ['_', CHAR.underscore],
  ['.', CHAR.dot],
  ['/', CHAR.slash],
  ['+', CHAR.plus],
  ['b', CHAR.letterB],
  ['x', CHAR.letterX],
  ['A', CHAR.capitalA],
  ['J', CHAR.capitalJ],
];
for (const [ch, bit] of SINGLE) TABLE[ch.charCodeAt(0)] = (TABLE[ch.charCodeAt(0)] as number) | bit;

/** Up to this length one JavaScript loop is cheapest; past it, native substring searches are (they stop early). */
const SHORT_TEXT = 256;
const UPPER = /[A-Z]/;

/**
 * Scans `text` once: the bits of the trigger characters it holds, and its ASCII digit count (capped at 15).
 * Every text also gets the {@link ALWAYS} bit.
 */
export function textFacts(text: string): number {
  return text.length <= SHORT_TEXT ? shortTextFacts(text) : longTextFacts(text);
}

/** {@link textFacts} by one loop over the characters: no call per character class. */
export function shortTextFacts(text: string): number {
  let bits = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const bit = TABLE[c] as number;
      bits |= bit;
      digits += bit & CHAR.digit;
    }
  }
  return bits | ALWAYS | (Math.min(digits, MAX_DIGITS) << DIGIT_SHIFT);
}

/** {@link textFacts} by native searches, each stopping at the first hit: far faster than a loop on long text. */
export function longTextFacts(text: string): number {
  let bits = ALWAYS;
  for (const [ch, bit] of SINGLE) if (text.includes(ch)) bits |= bit;
  if (text.includes('B')) bits |= CHAR.letterB | CHAR.upper;
  else if ((bits & (CHAR.capitalA | CHAR.capitalJ)) !== 0 || UPPER.test(text)) bits |= CHAR.upper;
  let digits = 0;
  for (let i = 0; i < text.length && digits < MAX_DIGITS; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits > 0) bits |= CHAR.digit;
  return bits | (digits << DIGIT_SHIFT);
}

/** The ASCII digit count recorded by {@link textFacts} (at most 15). */
export function digitsOf(facts: number): number {
  return facts >>> DIGIT_SHIFT;
}

/** True when the text described by `facts` holds every character of `mask`. */
export function hasAll(facts: number, mask: number): boolean {
  return (facts & mask) === mask;
}
