import { createRedactor } from '@fasttodo/redact';

const r = createRedactor();

describe('redactHeaders', () => {
  it('censors credential headers in any case and keeps the others', () => {
    expect(
      r.redactHeaders({
        Authorization: 'Bearer abc.def',
        'proxy-authorization': 'Basic dXNlcjpwdw==',
        cookie: 'sid=1',
        'X-API-Key': 'k',
        'x-auth-token': 't',
        accept: 'application/json',
        'content-length': '12',
      }),
    ).toEqual({
      Authorization: '[REDACTED]',
      'proxy-authorization': '[REDACTED]',
      cookie: '[REDACTED]',
      'X-API-Key': '[REDACTED]',
      'x-auth-token': '[REDACTED]',
      accept: 'application/json',
      'content-length': '12',
    });
  });

  it('censors any header matching the key rules', () => {
    expect(
      r.redactHeaders({
        'x-csrf-token': 'a',
        'x-client-secret': 'b',
        'x-session-id': 'c',
        'x-tokens-used': '5',
      }),
    ).toEqual({
      'x-csrf-token': '[REDACTED]',
      'x-client-secret': '[REDACTED]',
      'x-session-id': '[REDACTED]',
      'x-tokens-used': '5',
    });
  });

  it('handles multi-value arrays', () => {
    expect(
      r.redactHeaders({
        'set-cookie': ['a=1', 'b=2'],
        'x-forwarded-email': ['bob@example.com', 'ok'],
        via: [1, null],
      }),
    ).toEqual({
      'set-cookie': ['[REDACTED]', '[REDACTED]'],
      'x-forwarded-email': ['[REDACTED]', 'ok'],
      via: [1, null],
    });
  });

  it('passes other values through the text detectors and URL headers through redactUrl', () => {
    expect(
      r.redactHeaders({
        'x-note': 'call +1 415 555 2671',
        referer: 'https://a.io/?token=t',
        location: '/x?code=c',
      }),
    ).toEqual({
      'x-note': 'call [REDACTED]',
      referer: 'https://a.io/?token=REDACTED',
      location: '/x?code=REDACTED',
    });
  });

  it('accepts Map and fetch Headers, never mutates, never throws', () => {
    const input = { authorization: 'x', host: 'h' };
    const out = r.redactHeaders(input);
    expect(input.authorization).toBe('x');
    expect(out).not.toBe(input);
    expect(r.redactHeaders(new Map([['Cookie', 'c']]) as unknown as Record<string, unknown>)).toEqual({
      Cookie: '[REDACTED]',
    });
    const h = new Headers({ Authorization: 'a', Accept: 'b' });
    expect(r.redactHeaders(h as unknown as Record<string, unknown>)).toEqual({
      authorization: '[REDACTED]',
      accept: 'b',
    });
    const hostile = Object.defineProperty({ ok: '1' }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(r.redactHeaders(hostile)).toEqual({ ok: '1', bad: '[Unreadable]' });
    expect(r.redactHeaders(null as unknown as Record<string, unknown>)).toEqual({});
  });

  it('keeps a __proto__ header as data', () => {
    const out = r.redactHeaders(JSON.parse('{"__proto__": "x", "a": "b"}'));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
  });
});
