import { CHAR } from './facts';
import { type Detector, replaceWhere } from './types';

// "…" ends a URL and a value: it is how a cut string is marked, and a marker must never be censored.
// An absolute URL, or a relative one with a query (`/signup?email=…`, `?token=…`) starting after a delimiter. The
// path of a relative URL holds no delimiter it may start after, and the query's first key no `?`: a failed attempt
// never reads past the next place a new one starts, so the search stays linear.
const URL_IN_TEXT =
  /\b[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s"'<>`…]+|(?<![^\s"'(<=,;[{])(?:\/[^\s"'<>`…?#=(,;[{]*)?\?[^\s"'<>`…=#?]*=[^\s"'<>`…]*/g;
const PARAM = /([?&;])([\w.~%-]{1,64})=([^&#\s"'<>`…]*)/g;
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const PATH_PARAM_VALUE = /^[^/?;]*/;
// Session ids carried as URL parameters (`;jsessionid=` path parameters, `?PHPSESSID=`).
const SESSION_PARAM = /^(?:jsessionid|phpsessid|sessionid|session_id|sid|aspsessionid\w{0,16})$/i;

/** True for the URL parameter names that carry a session id in common frameworks. */
export function isSessionParam(name: string): boolean {
  return SESSION_PARAM.test(name);
}

/**
 * Credentials inside URLs written in free text: absolute URLs and relative ones with a query go through `redactUrl`
 * (userinfo, sensitive query values, PII in the path); other `?key=value`, `&key=value` and `;jsessionid=value`
 * pairs are censored by key.
 */
export function urlDetector(
  redactUrl: (url: string) => string,
  isSensitiveParam: (key: string) => string | undefined,
  censorValue: (value: string, rule: string) => string,
  alreadyCensored: ReadonlySet<string>,
): Detector {
  return {
    name: 'url',
    positional: true,
    trigger: CHAR.colon | CHAR.equals,
    gate: (text, facts) =>
      ((facts & CHAR.colon) !== 0 && text.includes('://')) ||
      ((facts & CHAR.equals) !== 0 && (facts & (CHAR.question | CHAR.amp)) !== 0) ||
      ((facts & CHAR.equals) !== 0 && text.includes(';')),
    scan(text, _replace) {
      const urls = replaceWhere(text, URL_IN_TEXT, 'url', (m) => redactUrl(m), needsUrlRedactor);
      if (!urls.includes('=')) return urls;
      PARAM.lastIndex = 0;
      return urls.replace(PARAM, (m: string, sep: string, key: string, whole: string) => {
        // A `;name=value` path parameter ends where the path or query goes on.
        const value = sep === ';' ? (PATH_PARAM_VALUE.exec(whole)?.[0] ?? '') : whole;
        const name = safeDecode(key);
        const rule =
          value === '' || alreadyCensored.has(value)
            ? undefined
            : isSessionParam(name)
              ? 'session'
              : isSensitiveParam(name);
        if (rule === undefined) return m;
        return `${sep}${key}=${censorValue(value, rule)}${whole.slice(value.length)}`;
      });
    },
  };
}

/**
 * A relative URL needs `redactUrl` only when something in it is encoded (`%40`, `+`): the text detectors and the
 * key pass below see everything else in it as it is.
 */
function needsUrlRedactor(url: string): boolean {
  return url.includes('://') || url.includes('%') || url.includes('+');
}

/** `decodeURIComponent` that returns the input unchanged when it is malformed. */
export function safeDecode(text: string): string {
  // A stray `%` would throw: answer without the (slow) exception, once per URL part.
  if (!text.includes('%') || MALFORMED_ESCAPE.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
