import { createRedactor } from '@fasttodo/redact';

const MB = 1 << 20;
// Behaviour, not speed: linear code does 1 MB well within it, a super-linear regex takes minutes (the machine is shared).
const BOUND_MS = 10_000;
const fill = (unit: string, tail = '') => unit.repeat(Math.ceil(MB / unit.length)) + tail;
const all = createRedactor({ detectors: true, patterns: [], maxStringLength: 2 * MB });
const withIp = createRedactor({ detectors: { ip: true } });

// Strings shaped to make a backtracking regex explode (long runs that almost match, then fail).
const HOSTILE: [string, string][] = [
  ['long local part, no domain', fill('a', '@')],
  ['repeated a@', fill('a@')],
  ['dots then @', fill('a.', '@x')],
  ['@ and dots', fill('@a.')],
  ['digit run', fill('1')],
  ['grouped digits', fill('4111 ')],
  ['dashed digits', fill('1-')],
  ['plus groups', fill('+1 ')],
  ['paren groups', fill('(415) ')],
  ['phone numbers run together', fill('+1 415 555 2671 020 7946 0958 ')],
  ['leading zero groups', fill('0 ')],
  ['eyJ run', fill('eyJ')],
  ['eyJ dotted', fill('eyJa.')],
  ['PEM begins', fill('-----BEGIN PRIVATE KEY-----')],
  ['bearer words', fill('Bearer ')],
  ['bearer tokens', fill('Bearer a')],
  ['IBAN-like', fill('DE89')],
  ['upper alnum', fill('AB12')],
  ['AKIA run', fill('AKIA')],
  ['scheme run', fill('http://')],
  ['userinfo run', fill('https://a:b@')],
  ['query run', fill('?token=')],
  ['ampersands', fill('&a=')],
  ['colons', fill(':')],
  ['hex colons', fill('f:')],
  ['dotted digits', fill('1.')],
  ['whitespace', fill(' \t\n')],
  ['assignments', fill('password=')],
  ['colon runs', fill('a: ')],
  ['unterminated JSON value', `"password":"${fill('a')}`],
  ['escaped quotes', fill('\\"token\\":\\"')],
  ['bracket value', `secret=[${fill('a')}`],
  ['mixed', fill('a@b.c 4111-1111 +1 (415) eyJ. Bearer x ?token= DE89 ')],
];

describe('hostile input is scanned in bounded (linear) time', () => {
  it.each(HOSTILE)('%s: 1 MB in bounded time', (_name, text) => {
    const start = performance.now();
    all.redactText(text);
    withIp.redactText(text);
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  });

  it('handles 1 MB keys (many words) in linear time and keeps them out of the caches', () => {
    const start = performance.now();
    const key = `${fill('aB')}Password`;
    const out = all.redact({ [key]: 'v', [fill('x_')]: 'w' }) as Record<string, unknown>;
    expect(Object.values(out)).toEqual(['[REDACTED]', 'w']);
    expect(Object.values(all.redactHeaders({ [`x-${fill('a-')}token`]: 't' }))).toEqual(['[REDACTED]']);
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  });

  it('redacts a 1 MB URL and a 1 MB value quickly', () => {
    const start = performance.now();
    all.redactUrl(`https://x.io/${fill('a/')}?${fill('token=a&')}`);
    all.redact({ text: fill('a', '@'), list: Array.from({ length: 100_000 }, (_, i) => i) });
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  });
});
