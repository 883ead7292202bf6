import { type Detector, replaceWhere } from './types';

const JWT = /(?<![\w-])eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic)([ \t]+)([\w\-.~+/]+=*)/gi;
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
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----/g;

/** JSON Web Tokens (three base64url parts, header starting `eyJ`). */
export const jwt: Detector = {
  name: 'jwt',
  gate: (text) => text.includes('eyJ'),
  scan: (text, replace) => replaceWhere(text, JWT, 'jwt', replace, () => true),
};

/** `Bearer <token>` and `Basic <base64 user:pass>` credentials; the scheme word is kept. */
export const bearer: Detector = {
  name: 'bearer',
  gate: (text) =>
    text.length >= 14 &&
    (text.includes('earer') || text.includes('asic') || text.includes('EARER') || text.includes('ASIC')),
  scan(text, replace) {
    AUTH_SCHEME.lastIndex = 0;
    return text.replace(AUTH_SCHEME, (m: string, scheme: string, gap: string, token: string) =>
      isCredential(scheme, token) ? scheme + gap + replace(token, 'bearer') : m,
    );
  },
};

function isCredential(scheme: string, token: string): boolean {
  if (scheme.toLowerCase() === 'basic') {
    return token.length >= 8 && token.length % 4 === 0 && Buffer.from(token, 'base64').includes(0x3a);
  }
  if (token.length < 8) return false;
  return token.length >= 24 || /[\d\-._~+/=]/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token));
}

/** Well-known secret formats: AWS access key ids, GitHub, Slack, Stripe, Google API keys, npm tokens. */
export const apiKey: Detector = {
  name: 'apiKey',
  // The shortest format (Slack `xoxb-` + 10) is 15 characters; a gate must never skip a text that can match.
  gate: (text) => text.length >= 15,
  scan: (text, replace) => replaceWhere(text, API_KEY, 'apiKey', replace, () => true),
};

/** PEM private key blocks; a block without its END line is censored to the end of the text. */
export const privateKey: Detector = {
  name: 'privateKey',
  gate: (text) => text.includes('-----BEGIN'),
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
