import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRedactor, type RedactedHeaders } from '@fasttodo/redact';

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
        'content-length': 12,
      }),
    ).toEqual({
      'set-cookie': ['[REDACTED]', '[REDACTED]'],
      'x-forwarded-email': ['[REDACTED]', 'ok'],
      'content-length': '12',
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
    expect(r.redactHeaders(new Map([['Cookie', 'c']]))).toEqual({
      Cookie: '[REDACTED]',
    });
    const h = new Headers({ Authorization: 'a', Accept: 'b' });
    expect(r.redactHeaders(h)).toEqual({
      authorization: '[REDACTED]',
      accept: 'b',
    });
    const hostile = Object.defineProperty({ ok: '1' }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(r.redactHeaders(hostile as Record<string, string>)).toEqual({ ok: '1', bad: '[Unreadable]' });
    expect(r.redactHeaders(null as unknown as Record<string, string>)).toEqual({});
  });

  it('keeps a __proto__ header as data', () => {
    const out = r.redactHeaders(JSON.parse('{"__proto__": "x", "a": "b"}'));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
  });
});

describe('redactHeaders on what Node really hands out', () => {
  let server: Server;
  let seen: { headers: IncomingHttpHeaders; rawHeaders: string[] } | undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen = { headers: req.headers, rawHeaders: req.rawHeaders };
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('redacts IncomingHttpHeaders and req.rawHeaders of a real request alike', async () => {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, {
      headers: {
        Authorization: 'Bearer s3cr3t-t0ken-value',
        Cookie: 'theme=dark; sid=abc123',
        'X-Api-Key': 'k-123456',
        'X-Session-Id': 'sess-42',
        'X-Note': 'mail jane@example.com',
      },
    });
    const { headers, rawHeaders } = seen as NonNullable<typeof seen>;
    const fromRecord: RedactedHeaders = r.redactHeaders(headers);
    const fromRaw = r.redactHeaders(rawHeaders);
    for (const out of [fromRecord, fromRaw]) {
      const text = JSON.stringify(out);
      for (const secret of ['s3cr3t', 'abc123', 'k-123456', 'sess-42', 'jane@example.com']) {
        expect(text).not.toContain(secret);
      }
      expect(text).toContain('127.0.0.1');
    }
    expect(fromRaw['Authorization']).toBe('[REDACTED]');
    expect(fromRecord['authorization']).toBe('[REDACTED]');
  });

  it('keeps every value of a header repeated in rawHeaders', () => {
    expect(r.redactHeaders(['Via', 'a', 'via', 'b', 'Via', 'c', 'dangling'])).toEqual({
      Via: ['a', 'c'],
      via: 'b',
    });
  });

  it('is bounded by maxItems for hostile shapes: sparse arrays, huge Maps, long value lists', () => {
    const small = createRedactor({ maxItems: 10 });
    const sparse: string[] = [];
    sparse.length = 1e9;
    const started = Date.now();
    expect(small.redactHeaders(sparse)).toEqual({});
    const values: string[] = [];
    values.length = 1e9;
    values[0] = 'x';
    expect(small.redactHeaders({ via: values })).toEqual({ via: ['x'] });
    const big = new Map<string, string>();
    for (let i = 0; i < 10_000; i++) big.set(`h${i}`, 'v');
    expect(Object.keys(small.redactHeaders(big))).toHaveLength(10);
    const many: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) many[`h${i}`] = 'v';
    expect(Object.keys(small.redactHeaders(many))).toHaveLength(10);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('headers inside a value walk with escape on', () => {
  it('escapes header names and values of an IncomingMessage-like object', () => {
    const log = createRedactor({ escape: true });
    const message = {
      httpVersion: '1.1',
      method: 'GET',
      url: '/',
      headers: { 'x-note\n': 'a\nb\u202e', cookie: 'sid=1' },
    };
    expect(log.redact({ req: message })).toEqual({
      req: {
        method: 'GET',
        url: '/',
        httpVersion: '1.1',
        headers: { 'x-note\\n': 'a\\nb\\u202e', cookie: '[REDACTED]' },
      },
    });
  });
});
