import { createRedactor, type DetectorName } from '@fasttodo/redact';
import { isCardNumber } from '../src/detectors/card';
import { isIban } from '../src/detectors/iban';
import { luhnValid } from '../src/detectors/luhn';

const r = createRedactor();
const only = (name: DetectorName) =>
  createRedactor({ detectors: { ...Object.fromEntries(ALL.map((n) => [n, false])), [name]: true } });
const ALL: DetectorName[] = [
  'email',
  'creditCard',
  'ssn',
  'iban',
  'jwt',
  'bearer',
  'apiKey',
  'privateKey',
  'phone',
  'url',
  'keyValue',
  'ip',
];

/** Asserts the secret is gone and the surrounding text kept. */
function expectRedacted(text: string, secret: string, redactor = r): void {
  const out = redactor.redactText(`before ${text} after`);
  expect(out).not.toContain(secret);
  expect(out).toMatch(/^before .*\[REDACTED\].* after$/s);
}
function expectKept(text: string, redactor = r): void {
  expect(redactor.redactText(`before ${text} after`)).toBe(`before ${text} after`);
}

describe('email', () => {
  it.each([
    'ada@example.com',
    'first.last+tag@mail.example.co.uk',
    "o'brien_x@sub-domain.example.io".slice(8),
  ])('finds %s', (email) => expectRedacted(email, email, only('email')));
  it.each(['user@localhost', '@handle', 'a@b', 'name@example.', 'not an email: x @ y.com'])('keeps %s', (t) =>
    expectKept(t, only('email')),
  );
});

describe('creditCard (Luhn + issuer + length)', () => {
  it.each([
    '4111111111111111',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '5500 0000 0000 0004',
    '3782 822463 10005',
    '378282246310005',
    '6011111111111117',
    '4222222222222',
    '2223003122003222',
    '3530111333300000',
  ])('finds %s', (card) => expectRedacted(card, card, only('creditCard')));

  it.each([
    ['Luhn-invalid 16 digits', '4111111111111112'],
    ['Luhn-invalid grouped', '4111 1111 1111 1112'],
    ['ms timestamp (Luhn-valid, no issuer starts with 1)', '1732660000005'],
    ['ns timestamp', '1732660000000000000'],
    ['order number, Luhn-valid but no issuer prefix', '9000000000000008'],
    ['wrong length for Visa', '41111111111111'],
    ['too long', '41111111111111111111111'],
    ['mixed separators', '4111 1111-1111 1111'],
    ['decimal', '4111111111111111.25'],
    ['date and price', '2024-01-15 $1,234.56'],
  ])('keeps %s', (_why, text) => expectKept(text, only('creditCard')));

  it('checks Luhn and issuer rules directly', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
    expect(isCardNumber('4111111111111111')).toBe(true);
    expect(isCardNumber('1111111111111117')).toBe(false);
  });
});

describe('ssn', () => {
  it.each(['123-45-6789', '078-05-1120'])('finds %s', (s) => expectRedacted(s, s, only('ssn')));
  it.each([
    '000-12-3456',
    '666-12-3456',
    '900-12-3456',
    '123-00-4567',
    '123-45-0000',
    '123456789',
    '2024-01-15',
    '1-123-45-6789-0',
  ])('keeps %s', (s) => expectKept(s, only('ssn')));
});

describe('iban (mod 97)', () => {
  it.each([
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'GB29NWBK60161331926819',
    'NL91ABNA0417164300',
    'FR1420041010050500013M02606',
    'NO9386011117947',
  ])('finds %s', (s) => expectRedacted(s, s, only('iban')));
  it.each([
    'DE89370400440532013001',
    'GB29NWBK6016133192681',
    'ZZ89370400440532013000',
    'de89370400440532013000',
    'ABCD1234EFGH5678IJ',
  ])('keeps %s', (s) => expectKept(s, only('iban')));
  it('validates directly', () => {
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('DE88370400440532013000')).toBe(false);
  });
});

describe('jwt', () => {
  const token =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  it('finds a signed token', () => expectRedacted(token, 'SflKxwRJ', only('jwt')));
  it('finds an unsigned token', () =>
    expectRedacted('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', 'eyJzdWIi', only('jwt')));
  it.each(['eyJhbGciOiJIUzI1NiJ9', 'eyJ.x.y', 'prefixeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'])(
    'keeps %s',
    (s) => expectKept(s, only('jwt')),
  );
});

describe('bearer / basic', () => {
  it.each([
    ['Bearer abcDEF123456789xyz', 'abcDEF123456789xyz'],
    ['authorization: bearer 0123456789', '0123456789'],
    ['Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
    ['using BeaRER abcDEF123456789xyz', 'abcDEF123456789xyz'],
    ['hdr bAsIc dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
  ])('finds %s and keeps the scheme word (any letter case)', (text, secret) => {
    const out = only('bearer').redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/(bearer|basic) \[REDACTED\]$/i);
  });
  it.each(['the Bearer of this letter', 'Bearer token', 'a basic understanding', 'Basic YWJjZGVmZ2g='])(
    'keeps %s',
    (t) => expectKept(t, only('bearer')),
  );
});

describe('apiKey', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAY34FZKBOKMUTVV7A',
    `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`,
    `github_pat_${'11ABCDEFG0'.repeat(3)}`,
    'xoxb-1234567890-abcdefghij',
    `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`,
    `rk_test_${'abcdefghij12'}`,
    `AIza${'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'.slice(0, 35)}`,
    `npm_${'a'.repeat(36)}`,
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  ])('finds %s', (key) => expectRedacted(key, key.slice(-12), only('apiKey')));
  it.each(['AKIA1234', 'ghp_short', 'sk_live_', 'pk_live_abcdefghij1234', 'AKIAIOSFODNN7EXAMPLEX'])(
    'keeps %s',
    (t) => expectKept(t, only('apiKey')),
  );
});

describe('privateKey', () => {
  it('removes a whole PEM block', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    expect(only('privateKey').redactText(`key:\n${pem}\nend`)).toBe('key:\n[REDACTED]\nend');
    const rsa = pem.replace(/PRIVATE/g, 'RSA PRIVATE');
    expect(only('privateKey').redactText(rsa)).toBe('[REDACTED]');
  });
  it('censors to the end when the END line is missing (a cut key is still secret)', () => {
    expect(only('privateKey').redactText('x -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE')).toBe('x [REDACTED]');
  });
  it('keeps certificates and public keys', () => {
    expectKept('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', only('privateKey'));
  });
});

describe('phone', () => {
  it.each([
    '+14155552671',
    '+1 415 555 2671',
    '+44 20 7946 0958',
    '+33 1 23 45 67 89',
    '+49 (30) 123456',
    '(415) 555-2671',
    '415-555-2671',
    '415.555.2671',
    '1-415-555-2671',
    '020 7946 0958',
    '07911 123456',
    '030 12345678',
    '01 23 45 67 89',
  ])('finds %s', (p) => expectRedacted(p, p, only('phone')));

  it.each([
    ['plain integer', '4155552671'],
    ['plain integer with 0', '0123456789'],
    ['ms timestamp', '1732660000000'],
    ['version string', '1.2.3.4'],
    ['version string with big parts', '10.20.300.4000'],
    ['ISO date', '2024-01-15'],
    ['US date', '01-15-2024'],
    ['EU date', '15.01.2024'],
    ['time', '12:30:45'],
    ['price', '$1,234.56'],
    ['decimal', '3.14159265'],
    ['short +number', '+12345'],
    ['IPv4', '192.168.100.200'],
    ['uuid', '6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b'],
    ['order id', 'ORD-415-555-2671'],
    ['NANP with bad area code', '115-555-2671'],
  ])('keeps %s', (_why, text) => expectKept(text, only('phone')));

  it.each([
    ['+1 415 555 2671 020 7946 0958', ['2671', '0958']],
    ['+14155552671 (415) 555-2671 020 7946 0958', ['4155552671', '555-2671', '7946 0958']],
    ['call +1 415 555 2671 or +44 20 7946 0958', ['2671', '0958']],
    ['+1 2 (415) 555-2671', ['555-2671']],
    ['+44 20 7946 0958 020 7946 0959', ['0958', '0959']],
    ['+1 415 555 2671 415 555 2672', ['2671', '2672']],
  ])('finds every number when an international one runs into the next: %s', (text, parts) => {
    const out = only('phone').redactText(text);
    for (const part of parts) expect(out).not.toContain(part);
  });
  it('keeps a "+" run too long to be a phone number', () => {
    expectKept('+12345678901234567890', only('phone'));
  });
});

describe('url (credentials written in free text)', () => {
  it('scrubs userinfo and sensitive query values, keeping the key', () => {
    expect(r.redactText('connect postgres://admin:s3cret@db:5432/app failed')).toBe(
      'connect postgres://REDACTED:REDACTED@db:5432/app failed',
    );
    expect(r.redactText('GET /cb?code=abc&state=xyz&access_token=t0k')).toBe(
      'GET /cb?code=REDACTED&state=xyz&access_token=REDACTED',
    );
  });
  it('keeps ordinary URLs', () => expectKept('https://example.com/a/b?page=2&sort=asc'));
});

describe('keyValue (values assigned to sensitive keys inside text)', () => {
  const kv = only('keyValue');
  it.each([
    ['logfmt', 'login user=bob password=hunter2 ok', 'login user=bob password=[REDACTED] ok'],
    ['YAML-ish', 'Password: hunter2', 'Password: [REDACTED]'],
    ['spaces around =', 'db_password = s3cr3t;', 'db_password = [REDACTED];'],
    ['JSON', '{"password":"hunter2","user":"bob"}', '{"password":"[REDACTED]","user":"bob"}'],
    ['JSON with spaces', '{ "apiKey": "k-1", "n": 1 }', '{ "apiKey": "[REDACTED]", "n": 1 }'],
    ['escaped JSON', '{\\"apiKey\\":\\"abc123\\"}', '{\\"apiKey\\":\\"[REDACTED]\\"}'],
    ['single quotes', "token='abc def'", "token='[REDACTED]'"],
    ['JSON number stays valid JSON', '{"cvv":123,"qty":1}', '{"cvv":"[REDACTED]","qty":1}'],
    ['JSON null kept', '{"password":null}', '{"password":null}'],
    ['escaped JSON number', '{\\"cvv\\":123}', '{\\"cvv\\":\\"[REDACTED]\\"}'],
    ['query-like', 'a=1&secret=x', 'a=1&secret=[REDACTED]'],
  ])('%s', (_why, text, expected) => {
    expect(kv.redactText(text)).toBe(expected);
    expect(kv.redactText(expected)).toBe(expected);
  });
  it.each(['note: fine, time 12:30:45', 'user=bob tokens=5 author: ada', '"token": ""', 'mypass=x'])(
    'keeps %s',
    (t) => expectKept(t, kv),
  );
  it('uses user keys too, in any naming style', () => {
    const custom = createRedactor({ keys: ['otp_code'], defaultKeys: false });
    expect(custom.redactText('otpCode=123456 OTP-CODE: 654321 code=1')).toBe(
      'otpCode=[REDACTED] OTP-CODE: [REDACTED] code=1',
    );
  });
  it('sees "authorization: Bearer x" whole together with the bearer detector', () => {
    expect(r.redactText('authorization: bearer 0123456789')).not.toContain('0123456789');
  });
});

describe('ip (off by default)', () => {
  it('is off by default', () => expectKept('from 10.0.3.17 and 2001:db8::1'));
  it.each(['10.0.3.17', '255.255.255.255', '2001:db8::1', '::1', 'fe80::1ff:fe23:4567:890a'])(
    'finds %s when on',
    (ip) => expectRedacted(ip, ip, only('ip')),
  );
  it.each(['999.1.1.1', '1.2.3', '12:30:45', 'a:b:c'])('keeps %s', (t) => expectKept(t, only('ip')));
});

describe('switching detectors and adding patterns', () => {
  it('switches one detector off', () => {
    const noEmail = createRedactor({ detectors: { email: false } });
    expect(noEmail.redactText('a@example.com 123-45-6789')).toBe('a@example.com [REDACTED]');
  });
  it('switches all built-ins off with false', () => {
    expectKept('a@example.com 4111111111111111', createRedactor({ detectors: false }));
  });
  it('runs user patterns, adding the g flag', () => {
    const custom = createRedactor({
      detectors: false,
      patterns: [{ name: 'ticket', pattern: /TCK-\d{4}/i }],
    });
    expect(custom.redactText('see tck-1234 and TCK-9999')).toBe('see [REDACTED] and [REDACTED]');
    const seen: string[] = [];
    const named = createRedactor({
      detectors: false,
      patterns: [{ name: 'ticket', pattern: /TCK-\d{4}/g }],
      censor: (v, ctx) => {
        seen.push(`${ctx.rule}:${String(v)}`);
        return '#';
      },
    });
    expect(named.redactText('TCK-0001')).toBe('#');
    expect(seen).toEqual(['ticket:TCK-0001']);
  });
  it('ignores empty matches of a user pattern', () => {
    const custom = createRedactor({ detectors: false, patterns: [{ name: 'maybe', pattern: /x*/ }] });
    expect(custom.redactText('abc')).toBe('abc');
  });
});

describe('email inside a stack frame', () => {
  it('is censored when a line number follows it, while an SSH remote keeps its host', () => {
    const out = createRedactor().redactText(
      'at send (/app/exc.stack@leak.example.org.js:1:1) git@gitlab.com:group/app.git',
    );
    expect(out).not.toContain('exc.stack@leak');
    expect(out).toContain('git@gitlab.com:group/app.git');
  });
});

describe('email next to a colon', () => {
  it.each([
    ['user@example.com:hunter2x', 'user@example.com'],
    ['mail jane.doe@corp.example.org:8080 now', 'jane.doe@corp'],
    ['at (/srv/a@b.org.js:12:7)', 'a@b.org'],
  ])('censors %s', (text, secret) => {
    expect(createRedactor().redactText(text)).not.toContain(secret);
  });
  it.each([
    'git@gitlab.com:group/app.git',
    'git@github.com:app.git',
    'deploy@host.example.com:~/releases/1',
    'git@host.io:/srv/repo',
  ])('keeps the SSH remote %s', (text) => {
    expect(createRedactor().redactText(text)).toBe(text);
  });
});
