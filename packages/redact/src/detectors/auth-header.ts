import { CHAR } from './facts';
import { LINE_REST } from './line-rest';
import type { Detector, Replace } from './types';

// The credential of an `Authorization:` / `Proxy-Authorization:` header (or `authorization=`) written in text, whatever its scheme
// (`ApiKey`, `Digest`, `Token`, `Negotiate`, `AWS4-HMAC-SHA256`...), and an AWS signature anywhere. It runs to the
// end of the line ({@link LINE_REST}). The scheme word is kept.
const AUTH_LINE = new RegExp(
  String.raw`\b(?:((?:proxy-)?authorization[ \t]*[:=][ \t]*)(?:([A-Za-z][\w.-]{0,40})[ \t]+)?|(AWS4-HMAC-SHA256)[ \t]+)(${LINE_REST})`,
  'gi',
);
const GATE = /authorization|aws4-hmac/i;
// Scheme words kept in front of the censor; any other first word may be the credential itself and is censored.
const SCHEMES = new Set(
  'basic bearer digest negotiate ntlm kerberos apikey api-key key token jwt dpop oauth hoba mutual vapid gnap hmac signature sswss privatetoken concealed sharedkey aws aws4-hmac-sha256 goog4-hmac-sha256 scram-sha-1 scram-sha-256'.split(
    ' ',
  ),
);

/** Everything after an authorization header name or an AWS signature scheme, to the end of the line. */
export function authHeaderDetector(alreadyCensored: ReadonlySet<string>): Detector {
  return {
    name: 'bearer',
    positional: true,
    trigger: CHAR.colon | CHAR.equals | CHAR.dash,
    gate: (text) => GATE.test(text),
    scan: (text, replace) => replaceCredentials(text, replace, alreadyCensored),
  };
}

function replaceCredentials(text: string, replace: Replace, alreadyCensored: ReadonlySet<string>): string {
  AUTH_LINE.lastIndex = 0;
  if (!AUTH_LINE.test(text)) return text;
  AUTH_LINE.lastIndex = 0;
  return text.replace(
    AUTH_LINE,
    (m: string, header = '', scheme: string | undefined, aws: string | undefined, rest: string) => {
      const known = scheme !== undefined && SCHEMES.has(scheme.toLowerCase());
      const credential = (known || scheme === undefined ? rest : `${scheme} ${rest}`).trimEnd();
      if (alreadyCensored.has(credential)) return m;
      const kept = aws === undefined ? header + (known ? `${scheme} ` : '') : `${aws} `;
      return kept + replace(credential, 'bearer') + rest.slice(rest.trimEnd().length);
    },
  );
}
