import { CHAR } from './facts';
import { LINE_REST } from './line-rest';
import type { Detector, Replace } from './types';

// A `Cookie:` / `Set-Cookie:` header written in text, to the end of the line ({@link LINE_REST}).
const COOKIE_LINE = new RegExp(String.raw`\b((?:set-)?cookie[ \t]*:[ \t]*)(${LINE_REST})`, 'gi');
const GATE = /cookie[ \t]*:/i;
// Set-Cookie attributes describe the cookie, they are not one.
const ATTRIBUTES = new Set([
  'path',
  'domain',
  'expires',
  'max-age',
  'samesite',
  'secure',
  'httponly',
  'priority',
  'partitioned',
]);

/** Every cookie value after a `Cookie:` or `Set-Cookie:` header name; the cookie names and attributes are kept. */
export function cookieDetector(alreadyCensored: ReadonlySet<string>): Detector {
  return {
    name: 'keyValue',
    positional: true,
    trigger: CHAR.colon,
    gate: (text) => GATE.test(text),
    scan(text, replace) {
      COOKIE_LINE.lastIndex = 0;
      if (!COOKIE_LINE.test(text)) return text;
      return text.replace(
        COOKIE_LINE,
        (_m: string, header: string, pairs: string) =>
          header +
          pairs
            .split(';')
            .map((p) => censorPair(p, replace, alreadyCensored))
            .join(';'),
      );
    },
  };
}

function censorPair(pair: string, replace: Replace, alreadyCensored: ReadonlySet<string>): string {
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
  if (ATTRIBUTES.has(name.toLowerCase())) return pair;
  const raw = eq < 0 ? pair : pair.slice(eq + 1);
  const value = raw.trim();
  if (value === '' || alreadyCensored.has(value)) return pair;
  const lead = raw.slice(0, raw.indexOf(value));
  const tail = raw.slice(lead.length + value.length);
  return `${eq < 0 ? '' : `${pair.slice(0, eq)}=`}${lead}${replace(value, 'keyValue')}${tail}`;
}
