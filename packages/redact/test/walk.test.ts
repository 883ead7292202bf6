import { createRedactor, type JsonValue, RedactConfigError } from '@fasttodo/redact';
import fc from 'fast-check';
import { luhnValid } from '../src/detectors/luhn';

const r = createRedactor();
const escaping = createRedactor({ escape: true });

const SENSITIVE_KEYS = ['password', 'token', 'apiKey', 'client_secret', 'session.id', 'Authorization'];
const secretValue = fc.stringMatching(/^[A-Za-z0-9]{10,16}$/).map((s) => `Zq${s}`);

/** Card numbers of the main networks and lengths, Luhn-valid: `prefix` + random body + check digit. */
const cardDigits = fc
  .tuple(
    fc.constantFrom(['4', 16], ['4', 13], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], [
      '6011',
      16,
    ] as const),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
  )
  .map(([[prefix, length], body]) => {
    const partial = (prefix + body.join('')).slice(0, Number(length) - 1);
    return partial + ([...'0123456789'].find((d) => luhnValid(partial + d)) ?? '0');
  });

/** Puts `value` somewhere inside a container: object field, array item, Set member, Map value, nested list. */
const placed = (value: unknown) =>
  fc
    .constantFrom<(v: unknown) => unknown>(
      (v) => ({ v }),
      (v) => [1, v],
      (v) => new Set([v]),
      (v) => new Map([['amount', v]]),
      (v) => ({ order: { lines: [{ pay: [v] }] } }),
    )
    .map((wrap) => wrap(value));

describe('one output form for exotic values', () => {
  it('Maps are objects redacted by key, wherever they sit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SENSITIVE_KEYS), secretValue, (key, secret) => {
        const inputs = [
          new Map([[key, secret]]),
          { m: new Map([[key, secret]]) },
          [new Map([[key, secret]])],
        ];
        for (const input of inputs) expect(JSON.stringify(r.redact(input))).not.toContain(secret);
      }),
    );
  });

  it('card numbers held as numbers or BigInts are censored (arrays, Sets, Maps, nested)', () => {
    fc.assert(
      fc.property(
        cardDigits.chain((digits) => fc.tuple(fc.constant(digits), placed(BigInt(digits)))),
        ([digits, input]) => {
          expect(JSON.stringify(r.redact(input))).not.toContain(digits);
        },
      ),
    );
    fc.assert(
      fc.property(
        cardDigits
          .filter((d) => Number.isSafeInteger(Number(d)))
          .chain((digits) => fc.tuple(fc.constant(digits), placed(Number(digits)))),
        ([digits, input]) => {
          expect(JSON.stringify(r.redact(input))).not.toContain(digits);
        },
      ),
    );
    // Ordinary numbers, timestamps and ids that fail the card check are kept as numbers.
    expect(r.redact({ at: 1_764_633_600_000, id: 4012888888881882, n: 42 })).toEqual({
      at: 1_764_633_600_000,
      id: 4012888888881882,
      n: 42,
    });
    expect(createRedactor({ detectors: { creditCard: false } }).redact(4012888888881881)).toBe(
      4012888888881881,
    );
  });

  it('documents one form for every exotic value', () => {
    class Point {
      x = 1;
      get hidden() {
        return 'not own';
      }
    }
    const boom = Object.defineProperty({}, 'v', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const cause = new Error('inner');
    const error = Object.assign(new Error('outer', { cause }), { code: 'E_X' });
    const out = r.redact({
      map: new Map<unknown, unknown>([
        ['a', 1],
        [2, 'two'],
      ]),
      set: new Set([1, 'x']),
      date: new Date(0),
      bad: new Date(Number.NaN),
      buf: Buffer.from('secret'),
      u8: new Uint8Array(3),
      fn: function named() {},
      sym: Symbol('s'),
      big: 12n,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      ninf: Number.NEGATIVE_INFINITY,
      boxed: [new String('s'), new Number(1), new Boolean(false)],
      url: new URL('https://u:p@h.example/cb?token=abc'),
      point: new Point(),
      json: { toJSON: () => ({ ok: true }) },
      unreadable: boom,
      undef: undefined,
      list: [undefined, 1],
      agg: new AggregateError([new Error('a')], 'many'),
    }) as Record<string, JsonValue>;
    expect(out).toMatchObject({
      map: { a: 1, 2: 'two' },
      set: [1, 'x'],
      date: '1970-01-01T00:00:00.000Z',
      bad: 'Invalid Date',
      buf: '[Buffer: 6 bytes]',
      u8: '[Uint8Array: 3 bytes]',
      fn: '[Function: named]',
      sym: 'Symbol(s)',
      big: '12',
      nan: 'NaN',
      inf: 'Infinity',
      ninf: '-Infinity',
      boxed: ['s', 1, false],
      url: 'https://REDACTED:REDACTED@h.example/cb?token=REDACTED',
      point: { x: 1 },
      json: { ok: true },
      unreadable: { v: '[Unreadable]' },
      list: [null, 1],
    });
    expect(out).not.toHaveProperty('undef');
    expect(r.redact({ error })).toMatchObject({
      error: { name: 'Error', message: 'outer', code: 'E_X', cause: { name: 'Error', message: 'inner' } },
    });
    expect((r.redact({ error }) as { error: { stack: string } }).error.stack).toMatch(/^Error: outer/);
    expect(out['agg']).toMatchObject({ name: 'AggregateError', message: 'many', errors: [{ message: 'a' }] });
  });

  it('any value becomes JSON that round-trips (property over fc.anything with exotic members)', () => {
    const exotic = fc.oneof(
      fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withDate: true }),
      fc.constantFrom(Symbol('x'), () => 1, Number.NaN, new URL('http://h/?token=x'), new Error('e')),
    );
    fc.assert(
      fc.property(exotic, (value) => {
        const out = r.redact(value);
        if (value === undefined) return;
        const text = JSON.stringify(out);
        expect(JSON.parse(text)).toEqual(out);
      }),
    );
  });

  it('escape: true leaves no control character in any key or string, even from a censor', () => {
    const controls = fc.stringMatching(/^[a-z\n\r\t\u0000\u001b\u007f\u0085\u2028\u2029]{0,12}$/);
    const withControls = createRedactor({ escape: true, censor: (v) => `${String(v)}\n` });
    fc.assert(
      fc.property(fc.dictionary(controls, fc.oneof(controls, fc.array(controls))), (value) => {
        for (const redactor of [escaping, withControls]) {
          const text = JSON.stringify(redactor.redact({ value, password: 'x\ny' }));
          expect(JSON.parse(text, (_k, v) => v)).toBeDefined();
          const strings: string[] = [];
          JSON.parse(text, (k, v) => {
            strings.push(k);
            if (typeof v === 'string') strings.push(v);
            return v;
          });
          for (const s of strings) expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        }
      }),
    );
  });
});

describe('censor results follow the same JSON-safe rules', () => {
  it('a censor returning BigInt, symbol, function, NaN or an object never breaks JSON.stringify', () => {
    const results = fc.oneof(
      fc.bigInt(),
      fc.constantFrom(Symbol('s'), () => 1, Number.NaN, Number.POSITIVE_INFINITY, undefined, null),
      fc.anything({ withBigInt: true, withMap: true, withSet: true }),
    );
    fc.assert(
      fc.property(results, (result) => {
        const redactor = createRedactor({ censor: () => result });
        const out = redactor.redact({ password: 'x', list: [4012888888881881], note: 'bob@example.com' });
        expect(() => JSON.stringify(out)).not.toThrow();
        expect(JSON.parse(JSON.stringify(out))).toEqual(out);
      }),
    );
  });
});

describe('flat header lists and HTTP objects', () => {
  const credential = fc.constantFrom(
    'Authorization',
    'authorization',
    'Cookie',
    'Proxy-Authorization',
    'X-Api-Key',
  );
  it('a flat [name, value, ...] list (rawHeaders) is redacted by header name, anywhere in it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('Host', 'Accept', 'User-Agent'), fc.stringMatching(/^[a-z]{1,8}$/)),
        ),
        credential,
        secretValue,
        fc.nat(),
        (others, name, secret, at) => {
          const pairs: [string, string][] = [...others];
          pairs.splice(at % (pairs.length + 1), 0, [name, `Basic ${secret}`]);
          const raw = pairs.flat();
          for (const input of [raw, { req: { rawHeaders: raw } }, { anyName: raw }]) {
            const text = JSON.stringify(r.redact(input));
            expect(text).not.toContain(secret);
            expect(text).toContain(name);
          }
        },
      ),
    );
    expect(r.redact(['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('numeric bounds have a maximum; the walk stays bounded', () => {
  it.each([
    ['maxDepth', 101],
    ['maxItems', 2 ** 32],
    ['maxStringLength', 2 ** 31],
    ['maxNodes', 2 ** 40],
    ['maxNodes', 0],
  ])('%s: %d → RedactConfigError naming the option and value', (option, value) => {
    expect(() => createRedactor({ [option]: value })).toThrow(RedactConfigError);
    expect(() => createRedactor({ [option]: value })).toThrow(new RegExp(`"${option}".*received ${value}`));
  });

  it('a sparse array of length 1e9 (even at the largest maxItems) and a Set of 1e6 complete quickly', () => {
    const sparse = new Array(1e9);
    sparse[5] = 'bob@example.com';
    const started = performance.now();
    const out = createRedactor({ maxItems: 100_000 }).redact({ sparse }) as { sparse: JsonValue[] };
    // The default node budget (10,000) ends the list long before maxItems.
    expect(out.sparse.length).toBeGreaterThan(9_000);
    expect(out.sparse.length).toBeLessThanOrEqual(10_001);
    expect(out.sparse.at(-1)).toMatch(/more items/);
    expect(out.sparse[5]).toBe('[REDACTED]');
    const big = new Set(Array.from({ length: 1_000_000 }, (_, i) => i));
    expect((r.redact(big) as JsonValue[]).length).toBe(1000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('maxNodes caps the values copied by one call, with a marker', () => {
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, { a: i, b: [i, i] }]));
    const out = createRedactor({ maxNodes: 100 }).redact(wide) as Record<string, JsonValue>;
    expect(JSON.stringify(out).match(/"a":/g)?.length ?? 0).toBeLessThan(100);
    expect(out['…']).toMatch(/more keys/);
  });
});

describe('redact then cut', () => {
  it('a secret straddling the cut is redacted whole, never its first part kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 140 }), secretValue, (max, local) => {
        const email = `${local.toLowerCase()}@example.com`;
        const short = createRedactor({ maxStringLength: 100, escape: true });
        const text = `${'a '.repeat(max / 2)}${email} tail`;
        const out = short.redact(text) as string;
        expect(out.length).toBeLessThanOrEqual(100);
        expect(out).not.toContain(local.toLowerCase().slice(0, 6));
      }),
    );
  });
});

describe('the redact type is JSON', () => {
  it('compiles: redact returns JsonValue (| undefined only when the input may be undefined)', () => {
    const a: JsonValue = r.redact({ a: 1 });
    const b: JsonValue | undefined = r.redact(undefined as string | undefined);
    expect([a, b]).toEqual([{ a: 1 }, undefined]);
  });
});

describe('node:http objects from a real request', () => {
  it('IncomingMessage, ServerResponse, ClientRequest and the socket become bounded, redacted summaries', async () => {
    const { createServer, request } = await import('node:http');
    const seen: unknown[] = [];
    const server = createServer((req, res) => {
      res.setHeader('Set-Cookie', 'sid=ZqSetCookie');
      seen.push(r.redact({ req, res, socket: req.socket }));
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve, reject) => {
      const client = request(
        { port, host: '127.0.0.1', path: '/p?token=ZqQuery', headers: { Authorization: 'Bearer ZqAuth' } },
        (res) => {
          seen.push(r.redact({ response: res }));
          res.resume();
          res.on('end', resolve);
        },
      );
      client.on('error', reject);
      seen.push(r.redact({ client }));
      client.end();
    });
    server.close();
    const text = JSON.stringify(seen);
    for (const secret of ['ZqSetCookie', 'ZqQuery', 'ZqAuth']) expect(text).not.toContain(secret);
    expect(text.length).toBeLessThan(4000);
    expect(seen).toContainEqual({
      req: expect.objectContaining({ method: 'GET', url: '/p?token=REDACTED', httpVersion: '1.1' }),
      res: { statusCode: 200, headers: { 'set-cookie': '[REDACTED]' } },
      socket: '[Socket]',
    });
    expect(seen).toContainEqual({
      response: expect.objectContaining({ statusCode: 200, httpVersion: '1.1' }),
    });
  });
});

describe('numbers', () => {
  it('writes -0 as 0, so the output equals its JSON round trip (values and censor results)', () => {
    const out = createRedactor().redact({ a: -0, b: [-0] });
    expect(Object.is((out as { a: number }).a, 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    const censored = createRedactor({ censor: () => -0 }).redact({ password: 'x' });
    expect(JSON.parse(JSON.stringify(censored))).toEqual(censored);
  });
});
