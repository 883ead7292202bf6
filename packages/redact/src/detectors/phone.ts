import { CHAR, digitsOf, hasAll } from './facts';
import type { Detector, Replace } from './types';

// Only formatted numbers count: plain digit runs (ids, timestamps) never match. Alternatives:
// E.164 / international with "+", NANP with separators, trunk-0 national (UK/DE/...), French pairs.
const PHONE = new RegExp(
  '(?<![\\w+./-])(?:' +
    [
      '\\+[1-9]\\d{0,14}(?:[ .-]?\\(\\d{1,5}\\)|[ .-]\\d{1,8}){0,6}',
      '(?:1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}',
      '0\\d{1,4}[ /-]\\d{3,8}(?:[ -]\\d{2,5})?',
      '0[1-9](?:[ .]\\d{2}){4}',
    ].join('|') +
    ')(?!\\w|[.,-]\\d)',
  'g',
);

/** True when a candidate has a plausible number of digits for its form. */
export function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (candidate.startsWith('+')) return digits >= 8 && digits <= 15;
  if (candidate.startsWith('0')) return digits >= 9 && digits <= 12;
  return digits === 10 || digits === 11;
}

// The last group of an international candidate, e.g. " 7946", "-2671" or " (415)".
const LAST_GROUP = /(?:[ .-]?\(\d{1,5}\)|[ .-]\d{1,8})$/;
const AT = new RegExp(PHONE.source, 'y');

/**
 * The phone number found at `start`, or `undefined`. An international candidate can swallow the numbers that
 * follow it (`+1 415 555 2671 020 7946 0958` is one match with too many digits): then it is cut after one of its
 * groups, preferring the longest cut after which a whole number starts, else the longest plausible one, so
 * neither number is missed whole.
 */
export function phoneAt(text: string, start: number, candidate: string): string | undefined {
  if (isPhone(candidate)) return candidate;
  if (!candidate.startsWith('+')) return undefined;
  const cuts: string[] = [];
  for (let rest = candidate, g = LAST_GROUP.exec(rest); g !== null; g = LAST_GROUP.exec(rest)) {
    rest = rest.slice(0, g.index);
    if (isPhone(rest)) cuts.push(rest);
  }
  for (const cut of cuts) {
    const end = start + cut.length;
    AT.lastIndex = ' .-'.includes(text.charAt(end)) ? end + 1 : end;
    const next = AT.exec(text);
    if (next !== null && isPhone(next[0])) return cut;
  }
  return cuts[0];
}

/** Phone numbers: E.164 and common national formats, tuned against plain numbers, dates and versions. */
export const phone: Detector = {
  name: 'phone',
  trigger: CHAR.digit,
  // isPhone accepts 8 digits only after a "+"; every other form needs at least 9.
  gate: (_text, facts) => digitsOf(facts) >= 9 || (digitsOf(facts) >= 8 && hasAll(facts, CHAR.plus)),
  scan(text, replace) {
    PHONE.lastIndex = 0;
    if (!PHONE.test(text)) return text;
    let rejected = false;
    PHONE.lastIndex = 0;
    const out = text.replace(PHONE, (m: string) => {
      if (isPhone(m)) return replace(m, 'phone');
      rejected = true;
      return m;
    });
    return rejected ? scanWithRetry(text, replace) : out;
  },
};

/** The slow path, once a candidate was rejected: cut it ({@link phoneAt}) or retry just after its start. */
function scanWithRetry(text: string, replace: Replace): string {
  let out = '';
  let from = 0;
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    const found = phoneAt(text, m.index, m[0]);
    if (found === undefined) {
      // A number inside a rejected candidate may start a valid one (`+1 2 (415) 555-2671`). A candidate is at
      // most ~130 characters long, so retrying from the next character stays linear.
      PHONE.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(from, m.index) + replace(found, 'phone');
    from = m.index + found.length;
    PHONE.lastIndex = from;
  }
  return from === 0 ? text : out + text.slice(from);
}
