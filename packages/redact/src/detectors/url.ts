import { CHAR } from './facts';
import { type Detector, replaceWhere } from './types';

// "…" ends a URL and a value: it is how a cut string is marked, and a marker must never be censored.
const ABSOLUTE = /\b[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s"'<>`…]+/g;
const PARAM = /([?&;])([\w.~%-]{1,64})=([^&#\s"'<>`…]*)/g;

/**
 * Credentials inside URLs written in free text: absolute URLs go through `redactUrl` (userinfo, sensitive query
 * values, PII in the path); `?key=value` / `&key=value` pairs of relative URLs are censored by key.
 */
export function urlDetector(
  redactUrl: (url: string) => string,
  isSensitiveParam: (key: string) => string | undefined,
  censorValue: (value: string, rule: string) => string,
): Detector {
  return {
    name: 'url',
    positional: true,
    trigger: CHAR.colon | CHAR.equals,
    gate: (text, facts) =>
      ((facts & CHAR.colon) !== 0 && text.includes('://')) ||
      ((facts & CHAR.equals) !== 0 && (facts & (CHAR.question | CHAR.amp)) !== 0),
    scan(text, _replace) {
      const absolute = text.includes('://')
        ? replaceWhere(
            text,
            ABSOLUTE,
            'url',
            (m) => redactUrl(m),
            () => true,
          )
        : text;
      if (!absolute.includes('=')) return absolute;
      PARAM.lastIndex = 0;
      return absolute.replace(PARAM, (m: string, sep: string, key: string, value: string) => {
        const rule = value === '' ? undefined : isSensitiveParam(safeDecode(key));
        return rule === undefined ? m : `${sep}${key}=${censorValue(value, rule)}`;
      });
    },
  };
}

/** `decodeURIComponent` that returns the input unchanged when it is malformed. */
export function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
