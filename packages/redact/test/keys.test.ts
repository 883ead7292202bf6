import { createRedactor } from '@fasttodo/redact';
import { createKeyMatcher, DEFAULT_KEYS, normalizeKey, splitWords } from '../src/keys';

describe('key matching', () => {
  const r = createRedactor({ detectors: false });
  const sensitive = (key: string) =>
    (r.redact({ [key]: 'v' }) as Record<string, unknown>)[key] === '[REDACTED]';

  it.each([
    'apiKey',
    'API_KEY',
    'api-key',
    'api.key',
    'ApiKey',
    'APIKey',
    'x-api-key',
    'X-Api-Key',
    'stripeApiKey',
    'password',
    'PASSWORD',
    'dbPassword',
    'db_password',
    'passwd',
    'pwd',
    'MYSQL_PWD',
    'secret',
    'clientSecret',
    'client_secret',
    'token',
    'accessToken',
    'refresh_token',
    'id-token',
    'csrfToken',
    'auth',
    'Authorization',
    'proxy-authorization',
    'cookie',
    'Set-Cookie',
    'session',
    'sessionId',
    'session_id',
    'credentials',
    'privateKey',
    'private_key',
    'bearer',
    'creditCard',
    'credit_card',
    'cardNumber',
    'cvv',
    'CVC',
    'ssn',
    'userSSN',
    'password2',
    'aws_secret_access_key',
  ])('censors %s', (key) => {
    expect(sensitive(key)).toBe(true);
  });

  it.each([
    'tokenCount',
    'max_tokens',
    'author',
    'authorId',
    'keyboard',
    'passwordHint',
    'sessions_total',
    'username',
    'status',
    'code',
    'key',
    'description',
  ])('keeps %s', (key) => {
    expect(sensitive(key)).toBe(false);
  });

  it('normalises keys and splits words at case changes and separators', () => {
    expect(normalizeKey('X-API_Key.v')).toBe('xapikeyv');
    expect(splitWords('stripeAPIKey_2')).toEqual(['stripe', 'api', 'key']);
    expect(splitWords('')).toEqual([]);
  });

  it('covers every key named by the issue', () => {
    const required = [
      'password',
      'passwd',
      'pwd',
      'secret',
      'client_secret',
      'token',
      'access_token',
      'refresh_token',
      'id_token',
      'api_key',
      'apikey',
      'auth',
      'authorization',
      'cookie',
      'set-cookie',
      'session',
      'session_id',
      'credentials',
      'private_key',
      'privatekey',
      'mysql_pwd',
      'bearer',
      'credit_card',
      'card_number',
      'cvv',
      'cvc',
      'ssn',
      'x-api-key',
      'proxy-authorization',
    ];
    const match = createKeyMatcher(DEFAULT_KEYS);
    for (const key of required) expect(match(key)).toBeDefined();
  });

  it('adds user keys with the same style rules and can drop the defaults', () => {
    const custom = createRedactor({ keys: ['otp_code'], defaultKeys: false, detectors: false });
    expect(custom.redact({ otpCode: 1, 'OTP-CODE': 2, password: 'p' })).toEqual({
      otpCode: '[REDACTED]',
      'OTP-CODE': '[REDACTED]',
      password: 'p',
    });
  });

  it('keeps null and undefined under sensitive keys (they hold no secret) and censors whole objects', () => {
    expect(r.redact({ token: null, password: undefined, auth: { user: 'a', pass: 'b' } })).toEqual({
      token: null,
      password: undefined,
      auth: '[REDACTED]',
    });
  });

  it('answers from its cache consistently, also past the cache bound', () => {
    const match = createKeyMatcher(['secret']);
    for (let i = 0; i < 5000; i++) expect(match(`field${i}`)).toBeUndefined();
    expect(match('mySecret')).toBe('secret');
    expect(match('mySecret')).toBe('secret');
  });
});
