import { createRedactor } from '@fasttodo/redact';
import fc from 'fast-check';

// Keys the suffix rule used to miss, by class. Each class is generated in every naming style, with
// prefixes and qualifiers, so the rule is tested on members of the class rather than on single examples.
const r = createRedactor({ detectors: false });
const censored = (key: string): boolean =>
  (r.redact({ [key]: 'v4lue' }) as Record<string, unknown>)[key] === '[REDACTED]';

const CLASSES: Record<string, readonly string[][]> = {
  confirmations: [
    ['password', 'confirm'],
    ['password', 'confirmation'],
    ['password', 'repeat'],
    ['passwd', 'again'],
    ['secret', 'value'],
    ['token', 'value'],
    ['api', 'key', 'hash'],
    ['password', 'hash'],
    ['secret', 'key', 'base'],
    ['pin', 'confirm'],
    ['private', 'key', 'pem'],
  ],
  keyMaterial: [
    ['signing', 'key'],
    ['master', 'key'],
    ['encryption', 'key'],
    ['decryption', 'key'],
    ['hmac', 'key'],
    ['private', 'key'],
    ['ssh', 'key'],
    ['app', 'key'],
    ['key', 'material'],
    ['pre', 'shared', 'key'],
  ],
  oneTimeCodes: [
    ['mfa', 'code'],
    ['otp'],
    ['totp'],
    ['otp', 'code'],
    ['two', 'factor', 'code'],
    ['verification', 'code'],
    ['recovery', 'codes'],
    ['backup', 'code'],
    ['authorization', 'code'],
    ['pin'],
    ['passcode'],
  ],
  sessionCookies: [
    ['phpsessid'],
    ['jsessionid'],
    ['connect', 'sid'],
    ['koa', 'sess'],
    ['laravel', 'session'],
    ['csrf'],
  ],
  cardFields: [
    ['cc', 'number'],
    ['ccnum'],
    ['card', 'num'],
    ['credit', 'card', 'number'],
    ['cvv2'],
    ['card', 'security', 'code'],
    ['card', 'verification', 'value'],
    ['pan'],
  ],
  identity: [
    ['social', 'security', 'number'],
    ['national', 'id'],
    ['passport', 'number'],
    ['drivers', 'license', 'number'],
    ['tax', 'id'],
    ['date', 'of', 'birth'],
    ['dob'],
    ['bank', 'account', 'number'],
    ['routing', 'number'],
    ['iban'],
  ],
};

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const STYLES: readonly ((words: string[]) => string)[] = [
  (w) => w.join('_'),
  (w) => w.join('-'),
  (w) => w.join('.'),
  (w) => w.join('_').toUpperCase(),
  (w) => (w[0] as string) + w.slice(1).map(cap).join(''),
  (w) => w.map(cap).join(''),
];
const PREFIXES: readonly string[][] = [[], ['user'], ['new'], ['db'], ['stripe'], ['x']];

describe('sensitive key classes', () => {
  for (const [name, members] of Object.entries(CLASSES)) {
    it(`censors generated members of ${name}`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...members),
          fc.constantFrom(...STYLES),
          fc.constantFrom(...PREFIXES),
          (words, style, prefix) => {
            const key = style([...prefix, ...words]);
            expect({ key, censored: censored(key) }).toEqual({ key, censored: true });
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('censors keys written in one lower-case run when they end with a listed name of six or more letters', () => {
    for (const key of [
      'dbpassword',
      'newpassword',
      'userphpsessid',
      'stripeapikey',
      'ccnumber',
      'mfacode',
      'phpsessid',
    ])
      expect({ key, censored: censored(key) }).toEqual({ key, censored: true });
  });

  it('keeps metadata about secrets and ordinary fields readable', () => {
    for (const key of [
      'passwordHint',
      'password_changed_at',
      'passwordPolicy',
      'tokenCount',
      'token_type',
      'max_tokens',
      'tokens_used',
      'access_key_id',
      'session_count',
      'sessions_total',
      'code',
      'status_code',
      'error_code',
      'country_code',
      'zip_code',
      'key',
      'key_value',
      'keyboard',
      'company',
      'spin',
      'shipping',
      'inside',
      'span_id',
      'author',
      'value',
      'new',
    ]) {
      expect({ key, censored: censored(key) }).toEqual({ key, censored: false });
    }
  });
});
