import { createRedactor } from '@fasttodo/redact';

const r = createRedactor();

describe('redact: exotic values', () => {
  it('keeps primitives and scans strings', () => {
    expect(r.redact('mail bob@example.com')).toBe('mail [REDACTED]');
    expect(r.redact(42)).toBe(42);
    expect(r.redact(true)).toBe(true);
    expect(r.redact(null)).toBeNull();
    expect(r.redact(undefined)).toBeUndefined();
    expect(r.redact(Number.NaN)).toBe('NaN');
    expect(r.redact(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('turns cycles into [Circular] but keeps shared (non-cyclic) references', () => {
    const shared = { v: 1 };
    const a: Record<string, unknown> = { shared, again: shared, list: [] as unknown[] };
    a.self = a;
    (a.list as unknown[]).push(a, shared);
    expect(r.redact(a)).toEqual({
      shared: { v: 1 },
      again: { v: 1 },
      list: ['[Circular]', { v: 1 }],
      self: '[Circular]',
    });
    expect(() => JSON.stringify(r.redact(a))).not.toThrow();
  });

  it('truncates objects deeper than maxDepth', () => {
    const deep = { l1: { l2: { l3: { l4: 'x' } } }, top: 'y' };
    expect(createRedactor({ maxDepth: 2 }).redact(deep)).toEqual({
      l1: { l2: { l3: '[Truncated]' } },
      top: 'y',
    });
    expect(createRedactor({ maxDepth: 0 }).redact(deep)).toEqual({ l1: '[Truncated]', top: 'y' });
    let chain: Record<string, unknown> = {};
    const root = chain;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      chain.n = next;
      chain = next;
    }
    expect(() => JSON.stringify(r.redact(root))).not.toThrow();
  });

  it('cuts long strings with a marker, scanning across the cut', () => {
    const small = createRedactor({ maxStringLength: 100 });
    const out = small.redact(`${'a'.repeat(150)}`) as string;
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out).toMatch(/…\[truncated \d+ chars\]$/);
    const dropped = Number(/truncated (\d+) chars/.exec(out)?.[1]);
    expect(out.length - out.indexOf('…') + 0).toBeGreaterThan(0);
    expect(150 - dropped).toBe(out.indexOf('…'));
    const straddling = small.redact(`${'x '.repeat(45)}card 4111 1111 1111 1111 end`) as string;
    expect(straddling).not.toMatch(/4111 1111/);
    expect(r.redact('x'.repeat(16_384))).toBe('x'.repeat(16_384));
    // regression (fast-check): a cut right after a sensitive key must not censor the marker on the next pass
    const tight = createRedactor({ maxStringLength: 30 });
    for (const text of [
      'a "cvv": "Zq0a0aAAAaA0" a aaaaaaaa',
      'see https://x.io/?token=abcdefghijklmnop',
      'password=abcdefghij klmnopqrstuvwxyz',
    ]) {
      const once = tight.redact(text);
      expect(tight.redact(once)).toBe(once);
      expect((once as string).length).toBeLessThanOrEqual(30);
    }
    expect((r.redact('x'.repeat(1_000_000)) as string).length).toBeLessThanOrEqual(16_384);
  });

  it('keeps name, message and stack of Errors (redacted) plus their own fields and cause', () => {
    const cause = new Error('inner token=abc');
    const err = Object.assign(new TypeError('failed for bob@example.com', { cause }), {
      code: 'E_X',
      password: 'p',
    });
    const out = r.redact(err) as unknown as Record<string, unknown>;
    expect(out.name).toBe('TypeError');
    expect(out.message).toBe('failed for [REDACTED]');
    expect(String(out.stack)).toContain('TypeError: failed for [REDACTED]');
    expect(String(out.stack)).not.toContain('bob@example.com');
    expect(out.code).toBe('E_X');
    expect(out.password).toBe('[REDACTED]');
    expect((out.cause as Record<string, unknown>).message).toBe('inner token=[REDACTED]');
    const agg = r.redact(new AggregateError([new Error('a@example.com')], 'many')) as unknown as Record<
      string,
      unknown
    >;
    expect((agg.errors as Record<string, unknown>[])[0]?.message).toBe('[REDACTED]');
  });

  it('copies Map to an object, Set to an array, Date to ISO text', () => {
    const m = new Map<unknown, unknown>([
      ['apiKey', 'k'],
      ['email', 'bob@example.com'],
      [1, 'one'],
      [{}, 'obj'],
    ]);
    expect(r.redact(m)).toEqual({ apiKey: '[REDACTED]', email: '[REDACTED]', 1: 'one', '[Object]': 'obj' });
    expect(r.redact(new Set(['a', 'bob@example.com']))).toEqual(['a', '[REDACTED]']);
    expect(r.redact({ at: new Date(0), bad: new Date(Number.NaN) })).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      bad: 'Invalid Date',
    });
  });

  it('never copies binary contents', () => {
    expect(
      r.redact({
        b: Buffer.from('password=hunter2'),
        u: new Uint8Array(4),
        f: new Float64Array(2),
        ab: new ArrayBuffer(8),
        dv: new DataView(new ArrayBuffer(3)),
      }),
    ).toEqual({
      b: '[Buffer: 16 bytes]',
      u: '[Uint8Array: 4 bytes]',
      f: '[Float64Array: 16 bytes]',
      ab: '[ArrayBuffer: 8 bytes]',
      dv: '[DataView: 3 bytes]',
    });
  });

  it('turns BigInt, symbols and functions into JSON-safe text', () => {
    const out = r.redact({
      n: 12345678901234567890n,
      card: 4111111111111111n,
      s: Symbol('tag'),
      f: function named() {},
    });
    expect(out).toEqual({
      n: '12345678901234567890',
      card: '[REDACTED]',
      s: 'Symbol(tag)',
      f: '[Function: named]',
    });
    expect(r.redact({ a: () => 1 })).toEqual({ a: '[Function: a]' });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('copies class instances by their own enumerable fields and uses toJSON when present', () => {
    class User {
      name = 'ada';
      password = 'p';
      get upper() {
        return this.name.toUpperCase();
      }
    }
    expect(r.redact(new User())).toEqual({ name: 'ada', password: '[REDACTED]' });
    expect(r.redact({ v: { toJSON: () => ({ email: 'bob@example.com' }) } })).toEqual({
      v: { email: '[REDACTED]' },
    });
    expect(r.redact({ re: /secret/g, boxed: new String('bob@example.com'), p: Promise.resolve() })).toEqual({
      re: '/secret/g',
      boxed: '[REDACTED]',
      p: '[Promise]',
    });
  });

  it('survives throwing getters, throwing toJSON and hostile proxies', () => {
    const o = Object.defineProperty({ ok: 1 }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(r.redact(o)).toEqual({ ok: 1, bad: '[Unreadable]' });
    expect(
      r.redact({
        v: {
          toJSON: () => {
            throw new Error('x');
          },
        },
      }),
    ).toEqual({ v: '[Unreadable]' });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(r.redact({ proxy })).toEqual({ proxy: '[Unreadable]' });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(r.redact({ p: revocable.proxy })).toEqual({ p: '[Unreadable]' });
  });

  it('copies __proto__ keys as data with no prototype pollution', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": true, "password": "p"}, "a": {"constructor": {"prototype": {"x": 1}}}}',
    );
    const out = r.redact(input) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(out)).toBe(
      '{"__proto__":{"polluted":true,"password":"[REDACTED]"},"a":{"constructor":{"prototype":{"x":1}}}}',
    );
  });

  it('copies null-prototype objects and ignores symbol keys', () => {
    const o = Object.assign(Object.create(null) as Record<string, unknown>, { token: 't', a: 1 });
    (o as Record<symbol, unknown>)[Symbol('s')] = 'x';
    expect(r.redact(o)).toEqual({ token: '[REDACTED]', a: 1 });
  });

  it('bounds arrays, Sets and objects with maxItems', () => {
    const small = createRedactor({ maxItems: 3 });
    expect(small.redact([1, 2, 3])).toEqual([1, 2, 3]);
    expect(small.redact([1, 2, 3, 4, 5])).toEqual([1, 2, '[…3 more items]']);
    expect(small.redact({ a: 1, b: 2, c: 3, d: 4 })).toEqual({ a: 1, b: 2, '…': '[2 more keys]' });
    expect(
      small.redact(
        new Map([
          ['a', 1],
          ['b', 2],
          ['c', 3],
          ['d', 4],
        ]),
      ),
    ).toEqual({ a: 1, b: 2, '…': '[2 more keys]' });
  });

  it('scrubs PII in keys', () => {
    expect(r.redact({ 'bob@example.com': 1 })).toEqual({ '[REDACTED]': 1 });
  });

  it('never mutates the input', () => {
    const input = { password: 'p', nested: { email: 'bob@example.com', list: ['4111111111111111'] } };
    const before = structuredClone(input);
    r.redact(input);
    expect(input).toEqual(before);
  });
});
