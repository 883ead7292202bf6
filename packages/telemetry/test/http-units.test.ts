import {
  createHttpObservability,
  setUser,
  startTelemetry,
  TelemetryConfigError,
  type Telemetry,
} from '@fasttodo/telemetry';
import { context, propagation, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { currentLogContext, withLogContext } from '../src/logs/log-context';
import { addressPresenter, presentAddress, truncateAddress } from '../src/http/client-address';
import { errorTypeOf } from '../src/http/error-type';
import { networkList, scrapeClient } from '../src/http/network-access';
import { requestAttributes } from '../src/http/request-attributes';
import { resolveRequestId } from '../src/http/request-id';
import { LogLines } from './support/log-lines';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SAFE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-'.split('');

describe('request id', () => {
  test('a safe id (1-128 of [A-Za-z0-9._:-]) is kept', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAFE), { minLength: 1, maxLength: 128 }), (chars) => {
        const id = chars.join('');
        expect(resolveRequestId(id)).toBe(id);
      }),
    );
  });

  test('any id with an unsafe character, or too long, or repeated, is replaced', () => {
    const unsafeChar = fc.string({ minLength: 1, maxLength: 3 }).filter((s) => /[^A-Za-z0-9._:-]/.test(s));
    const unsafe = fc
      .tuple(fc.string({ maxLength: 40 }), unsafeChar, fc.string({ maxLength: 40 }))
      .map(([a, b, c]) => a + b + c);
    const tooLong = fc
      .array(fc.constantFrom(...SAFE), { minLength: 129, maxLength: 400 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(fc.oneof(unsafe, tooLong, fc.constant('')), (id) => {
        expect(resolveRequestId(id)).toMatch(UUID);
      }),
    );
    expect(resolveRequestId(['a', 'b'])).toMatch(UUID);
    expect(resolveRequestId(undefined)).toMatch(UUID);
  });

  test('adversarial 1 MB ids are judged in linear time', () => {
    const started = performance.now();
    for (const id of ['a'.repeat(1 << 20), `${'a'.repeat(1 << 20)}!`, `${'a:'.repeat(1 << 19)}\n`])
      expect(resolveRequestId(id)).toMatch(UUID);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('client address', () => {
  test('the remembering presenter answers what presentAddress answers, for any sequence of addresses', () => {
    const address = fc.oneof(
      fc.constant(undefined),
      fc.ipV4(),
      fc.ipV6(),
      fc.ipV4().map((a) => `::ffff:${a}`),
      fc.string({ maxLength: 20 }),
    );
    const mode = fc.constantFrom('truncate' as const, 'full' as const, 'omit' as const);
    fc.assert(
      fc.property(mode, fc.array(address, { maxLength: 12 }), (m, addresses) => {
        const present = addressPresenter(m);
        for (const a of [...addresses, ...addresses]) expect(present(a)).toBe(presentAddress(a, m));
      }),
    );
  });

  test.each([
    ['192.168.1.77', '192.168.1.0'],
    ['::ffff:10.1.2.3', '10.1.2.0'],
    ['2001:db8:abcd:12:34:56:78:9', '2001:db8:abcd::'],
    ['2001:db8:abcd::1', '2001:db8:abcd::'],
    ['fe80::1%eth0', 'fe80::'],
    ['::1', '::'],
    ['not-an-ip', undefined],
  ])('truncate(%s) = %s', (input, expected) => {
    expect(truncateAddress(input)).toBe(expected);
  });

  test('full keeps the address (IPv4-mapped unmapped), omit drops it', () => {
    expect(presentAddress('::ffff:10.1.2.3', 'full')).toBe('10.1.2.3');
    expect(presentAddress('10.1.2.3', 'omit')).toBeUndefined();
  });

  test('every IPv4 address loses exactly its last octet', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(truncateAddress(ip)).toBe(ip.replace(/\.\d+$/, '.0'));
      }),
    );
  });
});

describe('scrape networks', () => {
  const allow = networkList('allow', ['10.0.0.0/8']);
  const trusted = networkList('trusted', ['127.0.0.1']);

  test('X-Forwarded-For is ignored unless the peer is a trusted proxy', () => {
    const headers = { 'x-forwarded-for': '10.1.2.3' };
    expect(scrapeClient('127.0.0.1', headers, undefined)).toBe('127.0.0.1');
    expect(scrapeClient('127.0.0.1', headers, trusted)).toBe('10.1.2.3');
    expect(scrapeClient('192.168.9.9', headers, trusted)).toBe('192.168.9.9');
  });

  test('the right-most untrusted hop is judged; a garbage hop denies', () => {
    expect(scrapeClient('127.0.0.1', { 'x-forwarded-for': '10.9.9.9, 8.8.8.8, 127.0.0.1' }, trusted)).toBe(
      '8.8.8.8',
    );
    expect(scrapeClient('::ffff:127.0.0.1', { 'x-forwarded-for': 'evil, 10.0.0.1' }, trusted)).toBe(
      '10.0.0.1',
    );
    expect(scrapeClient('127.0.0.1', { 'x-forwarded-for': '10.0.0.1, evil' }, trusted)).toBeUndefined();
  });

  test('bad CIDRs are rejected naming the entry', () => {
    for (const bad of ['10.0.0.0/33', 'nope', '10.0.0.0/8/1', '::1/129', '10.0.0.0/'])
      expect(() => networkList('http.metricsEndpoint.allow', ['127.0.0.1', bad])).toThrow(
        /http\.metricsEndpoint\.allow\[1\]/,
      );
    expect(allow.check('10.200.0.1', 'ipv4')).toBe(true);
  });
});

describe('linear-time parsing of request data', () => {
  test('host header, error class names and 1 MB values finish quickly', () => {
    const { createRedactor } = jest.requireActual('@fasttodo/redact') as typeof import('@fasttodo/redact');
    const redactor = createRedactor();
    const started = performance.now();
    for (const host of [
      `${'a'.repeat(1 << 20)}!`,
      `[${':'.repeat(1 << 20)}`,
      `${'1.'.repeat(1 << 19)}:99999999`,
    ]) {
      const info = { method: 'GET', url: '/', headers: { host, 'user-agent': host } };
      const attributes = requestAttributes(
        redactor,
        info,
        'GET',
        { path: '/', query: undefined },
        'http',
        undefined,
        [],
      );
      expect(attributes['server.address']).toBeUndefined();
    }
    class Weird extends Error {}
    Object.defineProperty(Weird, 'name', { value: `${'A'.repeat(1 << 20)}!` });
    expect(errorTypeOf(new Weird())).toBe('_OTHER');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('options are validated once with typed errors', () => {
  let telemetry: Telemetry;
  let logs: LogLines;

  beforeEach(() => {
    logs = new LogLines();
    telemetry = startTelemetry({ logs: { format: 'json', stream: logs } }, {});
  });
  afterEach(async () => {
    await telemetry.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  test.each([
    [{ telemetry: undefined }, 'http.telemetry'],
    [{ health: { live: 1 } }, 'http.health'],
    [{ metricsEndpoint: { allow: ['10.0.0.0/33'] } }, 'http.metricsEndpoint.allow[0]'],
    [{ metricsEndpoint: { trustedProxies: 'x' } }, 'http.metricsEndpoint.trustedProxies'],
    [{ metricsEndpoint: { path: 'metrics' } }, 'http.metricsEndpoint.path'],
    [{ healthEndpoints: { live: '/a b' } }, 'http.healthEndpoints.live'],
    [{ clientAddress: 'hash' }, 'http.clientAddress'],
    [{ captureHeaders: { request: ['bad header'] } }, 'http.captureHeaders.request[0]'],
    [{ excludePaths: ['/ok', 'no-slash'] }, 'http.excludePaths[1]'],
    [{ accessLog: 'yes' }, 'http.accessLog'],
  ])('%j → %s', (bad, option) => {
    const make = () => createHttpObservability({ telemetry, ...bad } as never);
    expect(make).toThrow(TelemetryConfigError);
    try {
      make();
    } catch (error) {
      expect((error as TelemetryConfigError).option).toBe(option);
      expect((error as Error).message).toMatch(/^@fasttodo\/telemetry: option/);
    }
  });

  test('a bad bearer token is named, its value never quoted', () => {
    const token = 'short secret';
    expect(() => createHttpObservability({ telemetry, metricsEndpoint: { bearerToken: token } })).toThrow(
      /http\.metricsEndpoint\.bearerToken/,
    );
    try {
      createHttpObservability({ telemetry, metricsEndpoint: { bearerToken: token } });
    } catch (error) {
      expect((error as Error).message).not.toContain(token);
    }
  });

  test('one run carries the span and the log context; nested withLogContext still sees the request', () => {
    const http = createHttpObservability({ telemetry });
    const request = http.start({ method: 'GET', url: '/x', headers: { 'x-request-id': 'one-run' } });
    request.run(() => {
      expect(trace.getActiveSpan()?.spanContext().spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(currentLogContext()).toMatchObject({ request_id: 'one-run' });
      withLogContext({ step: 'inner' }, () => {
        setUser('u-1');
        expect(currentLogContext()).toMatchObject({ request_id: 'one-run', step: 'inner', user_id: 'u-1' });
      });
    });
    request.end({ statusCode: 200 });
    request.end({ statusCode: 500 });
    request.abort();
    expect(logs.withMessage('request completed')).toHaveLength(1);
    expect(logs.withMessage('request completed')[0]).toMatchObject({ request_id: 'one-run', status: 200 });
  });

  test('a request run inside withLogContext inherits its fields and is the context in effect', () => {
    const http = createHttpObservability({ telemetry });
    withLogContext({ tenant: 'acme', request_id: 'outer' }, () => {
      const request = http.start({ method: 'GET', url: '/x', headers: { 'x-request-id': 'inner-req' } });
      request.run(() => {
        expect(currentLogContext()).toMatchObject({ tenant: 'acme', request_id: 'inner-req' });
        telemetry.logger.info('inside');
      });
      expect(currentLogContext()).toMatchObject({ request_id: 'outer' });
    });
    expect(logs.withMessage('inside')[0]).toMatchObject({ tenant: 'acme', request_id: 'inner-req' });
  });

  test('CR/LF, U+2028 and ANSI from adapter-given strings never split a log line', () => {
    const http = createHttpObservability({ telemetry });
    const evil = 'a\r\nb\u2028c\u2029d\u001b[31me\u0085f';
    const request = http.start({ method: 'GET', url: `/p/${evil}?q=${evil}`, headers: {} });
    request.setRoute(`/p/${evil}`);
    request.run(() => {
      setUser(evil);
      telemetry.logger.info('inside');
    });
    request.end({ statusCode: 200 });
    expect(logs.raw).toHaveLength(2);
    for (const line of logs.raw) expect(line).not.toMatch(/[\r\n\u2028\u2029\u001b\u0085]/);
    expect(logs.lines.every((l) => !('unparsed' in l))).toBe(true);
  });

  test('any hostile path, query, route or user id gives exactly one parseable line without raw controls', () => {
    const http = createHttpObservability({ telemetry });
    const controls = fc.constantFrom(
      '\r',
      '\n',
      '\u2028',
      '\u2029',
      '\u001b[31m',
      '\u0085',
      '\u0000',
      '\t',
      '"',
      '\\',
    );
    const hostile = fc
      .array(fc.oneof(controls, fc.string({ maxLength: 8 }), fc.constantFrom('%0d%0a', '?', '#', '/')), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(hostile, hostile, hostile, (path, route, user) => {
        const before = logs.raw.length;
        const request = http.start({ method: 'GET', url: `/${path}`, headers: {} });
        request.setRoute(`/${route}`);
        request.run(() => setUser(user || 'u'));
        request.end({ statusCode: 200 });
        const written = logs.raw.slice(before);
        expect(written).toHaveLength(1);
        expect(written[0]).not.toMatch(/[\r\n\u2028\u2029\u001b\u0085\u0000]/);
        expect(JSON.parse(written[0] ?? '')).toMatchObject({ message: 'request completed' });
      }),
      { numRuns: 200 },
    );
  });

  test('excluded paths get a request id but no span and no access log', () => {
    const http = createHttpObservability({ telemetry, excludePaths: ['/internal'] });
    const request = http.start({ method: 'GET', url: '/internal?x=1', headers: {} });
    expect(request.responseHeaders['x-request-id']).toMatch(UUID);
    request.run(() => expect(trace.getActiveSpan()?.isRecording() ?? false).toBe(false));
    request.end({ statusCode: 200 });
    expect(logs.withMessage('request completed')).toHaveLength(0);
  });

  test('the error responder answers a generic body with the request id, never the message', () => {
    const on = createHttpObservability({ telemetry, errorResponder: true });
    const request = on.start({ method: 'GET', url: '/', headers: { 'x-request-id': 'err-1' } });
    const response = request.fail(new Error('password=hunter2 at db'));
    expect(response?.status).toBe(500);
    expect(JSON.parse(response?.body ?? '')).toEqual({ error: 'internal_server_error', request_id: 'err-1' });
    expect(response?.body).not.toContain('hunter2');
    const off = createHttpObservability({ telemetry });
    expect(off.start({ method: 'GET', url: '/', headers: {} }).fail(new Error('x'))).toBeUndefined();
  });

  test('malformed adapter data (no headers, non-string method or url) never throws', () => {
    const http = createHttpObservability({ telemetry });
    const request = http.start({ method: undefined, url: 42, headers: null } as never);
    request.run(() => request.setRoute(undefined as never));
    request.end({ statusCode: Number.NaN });
    expect(request.requestId).toMatch(UUID);
    expect(logs.withMessage('request completed')[0]).toMatchObject({
      method: '_OTHER',
      path: '/',
      status: null,
    });
  });

  test('setUser outside a request does not throw', () => {
    expect(() => setUser('42')).not.toThrow();
  });
});

describe('without a context manager (OTEL_SDK_DISABLED)', () => {
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
  });

  test('the log context alone is bound: request id and user id still reach every line', async () => {
    const logs = new LogLines();
    const telemetry = startTelemetry({ disabled: true, logs: { format: 'json', stream: logs } }, {});
    try {
      const http = createHttpObservability({ telemetry });
      const request = http.start({ method: 'GET', url: '/a', headers: { 'x-request-id': 'no-ctx' } });
      await request.run(async () => {
        await new Promise((r) => setImmediate(r));
        setUser('7');
        telemetry.logger.info('inside');
      });
      request.end({ statusCode: 204 });
      expect(logs.withMessage('inside')[0]).toMatchObject({ request_id: 'no-ctx', user_id: '7' });
      expect(logs.withMessage('request completed')[0]).toMatchObject({ request_id: 'no-ctx', status: 204 });
    } finally {
      await telemetry.shutdown();
    }
  });
});
