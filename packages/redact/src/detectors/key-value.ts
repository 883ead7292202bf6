import { splitWords } from '../keys';
import { CHAR } from './facts';
import { isPlainValue } from './plain-value';
import type { Detector, Replace } from './types';

const WEAK_WORDS = new Set(['id', 'key', 'set', 'x', 'number', 'string']);

// A key and its separator: `key=`, `key: `, `"key": `, `\"key\":`, `'key' => ` (PHP), `-Dkey=` / `--key=` (command
// lines). The key is a bounded identifier entered only at a word start (a `-` may precede it), so finding keys
// costs O(1) per character; the value is read apart, and only after a sensitive key.
const KEY = /(?<![\w.-])-{0,2}(\\?["']?)([A-Za-z_][\w.-]{0,63})\1([ \t]{0,8}(?:=>|[:=])[ \t]{0,8})/g;
// The value at the position after a separator: a JSON string, an escaped JSON string (JSON inside a JSON string),
// a single-quoted string, a [bracketed] token (a censored "[REDACTED]" is matched whole and stays stable) or one
// bare token that never starts at or crosses a "…" (a truncation marker is never taken for a value). A value of any
// length is found: each alternative stops at its first delimiter, so reading it is linear, and a bracketed value
// too long for its bounded alternative is read as a bare token from its `[`.
const VALUE =
  /"((?:[^"\\\r\n]|\\.)*)"|\\"((?:[^"\\\r\n]|\\[^"])*)\\"|'([^'\r\n]*)'|(\[[^\s\]]{0,1022}\]|[^\s"'\\,;&}\]…][^\s"'\\,;&}\]…]*)/y;

/**
 * Values assigned to a sensitive key inside text: logfmt, YAML-ish, JSON, escaped JSON, PHP/Ruby hashes and
 * `-Dkey=` properties. Quotes are kept. Every pair is checked, also one that starts inside the value of another
 * (`Error: password=x`, `cfg=token=x`).
 */
export function keyValueDetector(
  keyNames: readonly string[],
  isSensitiveKey: (key: string) => string | undefined,
  alreadyCensored: ReadonlySet<string>,
): Detector {
  const mention = mentionGate(keyNames);
  return {
    name: 'keyValue',
    positional: true,
    trigger: CHAR.equals | CHAR.colon,
    gate: (text) => mention.test(text),
    scan: (text, replace) => replacePairs(text, replace, isSensitiveKey, alreadyCensored),
  };
}

function replacePairs(
  text: string,
  replace: Replace,
  isSensitiveKey: (key: string) => string | undefined,
  alreadyCensored: ReadonlySet<string>,
): string {
  let out = '';
  let from = 0;
  KEY.lastIndex = 0;
  for (let k = KEY.exec(text); k !== null; k = KEY.exec(text)) {
    // The next key is looked for right after this separator, so a pair inside this value is seen too.
    const [m, quote = '', key = '', sep = ''] = k;
    if (isSensitiveKey(key) === undefined && !isSensitivePhrase(text, k.index, m, key, isSensitiveKey))
      continue;
    const start = KEY.lastIndex;
    VALUE.lastIndex = start;
    const v = VALUE.exec(text);
    if (v === null) continue;
    const [, json, escaped, single, bare] = v;
    const inner = json ?? escaped ?? single ?? bare ?? '';
    const end = VALUE.lastIndex;
    if (isCensored(inner, bare !== undefined, text, start, end, alreadyCensored)) continue;
    if (!isSecretValue(inner, bare !== undefined, sep, text, end)) continue;
    const censored = replace(inner, 'keyValue');
    let value: string;
    if (json !== undefined) value = `"${censored}"`;
    else if (escaped !== undefined) value = `\\"${censored}\\"`;
    else if (single !== undefined) value = `'${censored}'`;
    else if (quote === '') value = censored;
    // A JSON literal (a number): quote the censor so the JSON stays valid.
    else value = quote.startsWith('\\') ? `\\"${censored}\\"` : `"${censored}"`;
    out += text.slice(from, start) + value;
    from = end;
    KEY.lastIndex = from;
  }
  return from === 0 ? text : out + text.slice(from);
}

// Generic last words of a key written as two words in prose: `API key: x`, `Session ID: x`.
const GENERIC_WORDS = new Set(['key', 'id', 'code', 'number', 'pin']);
const WORD_BEFORE = /([A-Za-z]{2,24})[ \t]$/;

/** True for `<word> <generic word>:` whose joined form is a sensitive key (`API key`, `Session ID`, `Secret Key`). */
function isSensitivePhrase(
  text: string,
  index: number,
  match: string,
  key: string,
  isSensitiveKey: (key: string) => string | undefined,
): boolean {
  if (!GENERIC_WORDS.has(key.toLowerCase()) || !match.startsWith(key)) return false;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, index - 25), index));
  return before !== null && isSensitiveKey(`${before[1]}_${key}`) !== undefined;
}

// The word after a bare value: `Authorization: Bearer [REDACTED]` has its credential censored already.
const NEXT_WORD = /[ \t]+(\[[^\s\]]{0,64}\]|[^\s"',;\\]+)/y;

/**
 * True when the value is a censor string, or a bare value that starts with one (`REDACTED#top`, censored by the
 * URL scrubber) or whose own assignment or next word is one (a cookie header `Cookie: theme=[REDACTED]`, a
 * scheme `Bearer [REDACTED]`): censoring it again would only lose context.
 */
function isCensored(
  value: string,
  bare: boolean,
  text: string,
  start: number,
  end: number,
  alreadyCensored: ReadonlySet<string>,
): boolean {
  if (alreadyCensored.has(value)) return true;
  if (!bare) return false;
  const eq = value.lastIndexOf('=');
  for (const c of alreadyCensored) {
    if (text.startsWith(c, start) || (eq >= 0 && text.startsWith(c, start + eq + 1))) return true;
  }
  NEXT_WORD.lastIndex = end;
  const next = NEXT_WORD.exec(text);
  return next !== null && alreadyCensored.has(next[1] as string);
}

// After `key: word`, prose goes on: punctuation, or a space and a lower-case word (`Token: expired, sign in`).
const PROSE_GOES_ON = /[,.;!?]|[ \t]+[a-z]/y;
const WORD = /^[A-Za-z][a-z]{1,23}$/;
// Words that report a credential's state (`auth: disabled`, `Token: expired`), never the credential.
const STATUS_WORDS = new Set(
  'disabled enabled expired invalid valid missing required optional revoked rotated unset set empty present absent hidden masked redacted provided changed updated unknown pending configured ok yes no off on'.split(
    ' ',
  ),
);
// A plain word that ends a sentence or clause: `Token: expired.`
const WORD_AND_STOP = /^[A-Za-z][a-z]{1,23}[.,;:!?]$/;

/**
 * False for values that hold no secret: empty, `null`, `none`, booleans..., and ordinary prose after a colon
 * (`Password: must be 8 characters`), which is a single plain word followed by more prose.
 */
function isSecretValue(value: string, bare: boolean, sep: string, text: string, end: number): boolean {
  if (isPlainValue(value)) return false;
  if (!bare || sep.includes('=') || !sep.includes(':')) return true;
  if (WORD_AND_STOP.test(value) || STATUS_WORDS.has(value.toLowerCase())) return false;
  if (!WORD.test(value)) return true;
  PROSE_GOES_ON.lastIndex = end;
  return !PROSE_GOES_ON.test(text);
}

/**
 * A text can only hold a sensitive assignment if it mentions a word of some listed key; one case-insensitive
 * literal alternation (the most distinctive word of each name) is far cheaper than the pair regex.
 */
function mentionGate(keyNames: readonly string[]): RegExp {
  const words = new Set<string>();
  for (const name of keyNames) {
    const parts = splitWords(name).filter((w) => !/^\d+$/.test(w));
    const strong = parts.filter((w) => !WEAK_WORDS.has(w));
    const pick = (strong.length > 0 ? strong : parts).sort((a, b) => b.length - a.length)[0];
    if (pick) words.add(pick);
  }
  return words.size === 0 ? /(?!)/ : new RegExp([...words].join('|'), 'i');
}
