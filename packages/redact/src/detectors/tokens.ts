import { CHAR, hasAll } from './facts';
import { type Detector, replaceWhere } from './types';

const JWT = /(?<![\w-])eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic)([ \t]+)([\w\-.~+/]+=*)/gi;
const SCHEME_WORD = /bearer|basic/i;
// Printable ASCII with a colon: what `user:password` decodes to (a word after "Basic" in prose does not).
const USER_PASS = /^[\x20-\x7e]*:[\x20-\x7e]*$/;
const API_KEY = new RegExp(
  '(?<![\\w-])(?:' +
    [
      '(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}', // AWS access key id
      'gh[pousr]_[A-Za-z0-9]{36,255}', // GitHub tokens
      'github_pat_[A-Za-z0-9_]{22,255}', // GitHub fine-grained PAT
      'xox[abposr]-[A-Za-z0-9-]{10,250}', // Slack tokens
      'hooks\\.slack\\.com/services/[A-Za-z0-9/]{20,120}', // Slack webhook path
      '(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}', // Stripe secret / restricted keys
      'whsec_[A-Za-z0-9+/=]{20,100}', // Stripe webhook secret
      'AIza[\\w-]{35}', // Google API key
      'npm_[A-Za-z0-9]{36}', // npm token
    ].join('|') +
    ')(?![\\w-])',
  'g',
);
// PEM (`RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`...) and OpenPGP armour (`PGP PRIVATE KEY BLOCK`, older
// `PGP SECRET KEY BLOCK`).
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}(?:PRIVATE|SECRET) KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}(?:PRIVATE|SECRET) KEY(?: BLOCK)?-----/g;

/** JSON Web Tokens (three base64url parts, header starting `eyJ`). */
export const jwt: Detector = {
  name: 'jwt',
  trigger: CHAR.capitalJ,
  gate: (text) => text.includes('eyJ'),
  scan: (text, replace) => replaceWhere(text, JWT, 'jwt', replace, () => true),
};

/** `Bearer <token>` and `Basic <base64 user:pass>` credentials; the scheme word is kept. */
export const bearer: Detector = {
  name: 'bearer',
  trigger: CHAR.letterB,
  // Case-insensitive like the scan itself: `BeaRER x` must not slip past the gate.
  gate: (text) => text.length >= 10 && SCHEME_WORD.test(text),
  scan(text, replace) {
    AUTH_SCHEME.lastIndex = 0;
    return text.replace(AUTH_SCHEME, (m: string, scheme: string, gap: string, token: string) =>
      isCredential(scheme, token) ? scheme + gap + replace(token, 'bearer') : m,
    );
  },
};

function isCredential(scheme: string, token: string): boolean {
  if (scheme.toLowerCase() === 'basic') {
    // Padding is optional: `dXNlcjpwYXNz` is as much a credential as `dXNlcjpwYXNzMQ==`.
    return token.length >= 4 && USER_PASS.test(Buffer.from(token, 'base64').toString('latin1'));
  }
  if (token.length < 8) return false;
  return token.length >= 24 || /[\d\-._~+/=]/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token));
}

/** Well-known secret formats: AWS access key ids, GitHub, Slack, Stripe, Google API keys, npm tokens. */
export const apiKey: Detector = {
  name: 'apiKey',
  // Every format holds `A` (AWS, Google) or `_` (GitHub, Stripe, npm), or `x` and `-` (Slack `xox…-`), or `.`
  // and `/` (Slack webhook); the shortest (Slack `xoxb-` + 10) is 15 characters. Never skip a text that can match.
  trigger: CHAR.capitalA | CHAR.underscore | CHAR.dash | CHAR.slash,
  gate: (text, facts) =>
    text.length >= 15 &&
    ((facts & (CHAR.capitalA | CHAR.underscore)) !== 0 ||
      (hasAll(facts, CHAR.letterX | CHAR.dash) && text.includes('xox')) ||
      (hasAll(facts, CHAR.dot | CHAR.slash) && text.includes('hooks.slack.com/'))),
  scan: (text, replace) => replaceWhere(text, API_KEY, 'apiKey', replace, () => true),
};

/** PEM and PGP private key blocks; a block without its END line is censored to the end of the text. */
export const privateKey: Detector = {
  name: 'privateKey',
  trigger: CHAR.dash,
  gate: (text, facts) => hasAll(facts, CHAR.upper) && text.includes('-----BEGIN'),
  scan(text, replace) {
    let out = '';
    let from = 0;
    PEM_BEGIN.lastIndex = 0;
    for (let begin = PEM_BEGIN.exec(text); begin; begin = PEM_BEGIN.exec(text)) {
      PEM_END.lastIndex = PEM_BEGIN.lastIndex;
      const end = PEM_END.exec(text);
      const stop = end ? PEM_END.lastIndex : text.length;
      out += text.slice(from, begin.index) + replace(text.slice(begin.index, stop), 'privateKey');
      from = stop;
      PEM_BEGIN.lastIndex = stop;
    }
    return from === 0 ? text : out + text.slice(from);
  },
};
