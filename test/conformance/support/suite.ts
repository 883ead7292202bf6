// The ONE conformance suite: identical assertions for every adapter. A driver (drivers/<name>.cjs) builds the
// same app in its framework; `<name>.test.ts` calls runConformance('<name>').
import { randomBytes } from 'node:crypto';
import { promtoolCheck } from '../../../packages/telemetry/test/metrics-helpers';
import {
  accessLine,
  durationSeries,
  eventually,
  spanOfRequest,
} from '../../../packages/telemetry/test/support/http-harness';
import {
  type ReceivedSpan,
  type Receiver,
  startReceiver,
} from '../../../packages/telemetry/test/support/receiver';
import { type ConformanceApp, refused, startApp } from './harness';

const SERVER = 2;
const ERROR = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';
const SECRETS = {
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXNlY3JldA',
  cookie: 'session=s3cr3t-session-cookie-value',
  apiKey: 'ak_live_9f8e7d6c5b4a39281706',
  email: 'carol.secret@example.com',
  token: 'tok_q8W3eR5tY7uI9oP1aS3d',
  card: '4111111111111111',
};
const GENERIC_500 = 'internal_server_error';

/**
 * The label sets of every sample except `target_info` (whose pid may hold any digits). Sample values are
 * left out: a duration sum such as 0.0158424201 must not look like a leaked label.
 */
function sampleLabels(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#') && !line.startsWith('target_info'))
    .map((line) => line.slice(0, line.lastIndexOf('}') + 1))
    .join('\n');
}

/** Runs the whole suite against the adapter driven by `drivers/<driver>.cjs`. */
export function runConformance(driver: string): void {
  let receiver: Receiver;
  let app: ConformanceApp;
  let guarded: ConformanceApp;
  let proxied: ConformanceApp;

  beforeAll(async () => {
    receiver = await startReceiver();
    const tracesUrl = receiver.tracesUrl;
    [app, guarded, proxied] = await Promise.all([
      startApp(driver, {
        tracesUrl,
        http: { captureHeaders: { request: ['authorization', 'cookie', 'x-api-key'] } },
      }),
      startApp(driver, {
        tracesUrl,
        http: { errorResponder: true, metricsEndpoint: { allow: ['10.0.0.0/8'] } },
      }),
      startApp(driver, {
        tracesUrl,
        http: { metricsEndpoint: { allow: ['10.0.0.0/8'], trustedProxies: ['127.0.0.1'] } },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app, guarded, proxied].map((a) => a?.stop()));
    await receiver?.stop();
  });

  function spanOf(requestId: string, on: ConformanceApp = app): Promise<ReceivedSpan> {
    return spanOfRequest(on, receiver, requestId);
  }

  async function everything(): Promise<string> {
    await receiver.settle();
    return [JSON.stringify(await receiver.raw()), ...(await app.rawLogs()), await app.metricsText()].join(
      '\n',
    );
  }

  describe(`${driver}: route templates`, () => {
    test.each([
      ['GET', '/api/v1/todos/7?page=2', 'GET /api/v1/todos/:id', '/api/v1/todos/:id', 200],
      ['GET', '/api/v1/admin/stats/monday', 'GET /api/v1/admin/stats/:day', '/api/v1/admin/stats/:day', 200],
      ['POST', '/users/42/todos/9', 'POST /users/:userId/todos/:todoId', '/users/:userId/todos/:todoId', 201],
    ])('%s %s → span %s', async (method, path, name, route, status) => {
      const id = `req-route-${route.length}-${status}`;
      const reply = await app.send(path, {
        method,
        headers: { 'x-request-id': id, 'user-agent': 'conf/1.0' },
      });
      expect(reply.status).toBe(status);
      expect(reply.headers['x-request-id']).toBe(id);
      const span = await spanOf(id);
      expect(span).toMatchObject({ name, kind: SERVER });
      expect(span.attributes).toMatchObject({
        'http.request.method': method,
        'http.route': route,
        'url.scheme': 'http',
        'http.response.status_code': status,
        'client.address': '127.0.0.0',
        'network.protocol.version': '1.1',
        'user_agent.original': 'conf/1.0',
      });
      expect(span.attributes).not.toHaveProperty('error.type');
      expect(await accessLine(app, id)).toMatchObject({ route, status, method });
    });

    test('the concrete value of a parameterised mount never names a span or labels a metric', async () => {
      await app.send('/users/31337/todos/9', { method: 'POST', headers: { 'x-request-id': 'req-mount' } });
      const span = await spanOf('req-mount');
      expect(span.name).toBe('POST /users/:userId/todos/:todoId');
      expect(span.attributes['url.path']).toBe('/users/31337/todos/9');
      expect(sampleLabels(await app.metricsText())).not.toContain('31337');
    });

    test('an unmatched path: span named by the method, no route; 5,000 distinct ones add no series', async () => {
      await app.send('/no/such/path/12345', { headers: { 'x-request-id': 'req-unmatched' } });
      const span = await spanOf('req-unmatched');
      expect(span.name).toBe('GET');
      expect(span.attributes).not.toHaveProperty('http.route');
      expect(await accessLine(app, 'req-unmatched')).not.toHaveProperty(
        'route',
        expect.stringContaining('12345'),
      );
      const before = durationSeries(await app.metricsText()).length;
      for (let i = 0; i < 5000; i += 100) {
        await Promise.all(Array.from({ length: 100 }, (_, j) => app.send(`/missing/${i + j}`)));
      }
      const text = await app.metricsText();
      expect(durationSeries(text)).toHaveLength(before);
      expect(text).not.toMatch(/missing/);
    }, 120_000);

    test('HEAD on a GET route: no body, span named by HEAD and the template', async () => {
      const reply = await app.send('/api/v1/todos/5', {
        method: 'HEAD',
        headers: { 'x-request-id': 'req-head' },
      });
      expect([reply.status, reply.body]).toEqual([200, '']);
      const span = await spanOf('req-head');
      expect(span.name).toBe('HEAD /api/v1/todos/:id');
      expect(span.attributes['http.route']).toBe('/api/v1/todos/:id');
    });

    test('an unknown method is _OTHER with the original kept, and the span is named HTTP', async () => {
      await app.send('/api/v1/todos/7', { method: 'PURGE', headers: { 'x-request-id': 'req-purge' } });
      const span = await spanOf('req-purge');
      expect(span.name).toBe('HTTP');
      expect(span.attributes).toMatchObject({
        'http.request.method': '_OTHER',
        'http.request.method_original': 'PURGE',
      });
    });
  });

  describe(`${driver}: errors`, () => {
    test.each([
      ['/boom', 'GET /boom', 'Error'],
      ['/reject', 'GET /reject', 'TypeError'],
    ])(
      '%s: span ERROR with a redacted exception event, the framework answers 500',
      async (path, name, type) => {
        const id = `req-err-${type}`;
        const reply = await app.send(path, { headers: { 'x-request-id': id } });
        expect(reply.status).toBe(500);
        expect(reply.body).not.toContain(GENERIC_500);
        expect(reply.headers['x-request-id']).toBe(id);
        const span = await spanOf(id);
        expect(span.name).toBe(name);
        expect(span.status.code).toBe(ERROR);
        expect(span.attributes).toMatchObject({ 'error.type': type, 'http.response.status_code': 500 });
        expect(span.events.find((e) => e.name === 'exception')?.attributes['exception.type']).toBe(type);
        const lines = (await app.logs()).filter((l) => l['request_id'] === id);
        expect(lines.map((l) => l['message'])).toEqual(
          expect.arrayContaining(['request failed', 'request completed']),
        );
        expect(lines.filter((l) => l['level'] === 'error')).toEqual([
          expect.objectContaining({ message: 'request failed', error_type: type }),
        ]);
        const all = await everything();
        expect(all).not.toContain('alice@example.com');
        expect(all).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
      },
    );

    test('an explicit 500 sets ERROR with error.type 500 and no exception event', async () => {
      const reply = await app.send('/explicit500', { headers: { 'x-request-id': 'req-500' } });
      expect(reply.status).toBe(500);
      expect(reply.body).toBe('{"error":"no"}');
      const span = await spanOf('req-500');
      expect(span.status.code).toBe(ERROR);
      expect(span.attributes['error.type']).toBe('500');
      expect(span.events.filter((e) => e.name === 'exception')).toEqual([]);
    });

    test('an error carrying a 4xx status is an answer, not a failure (also with the error responder)', async () => {
      for (const [on, id] of [
        [app, 'req-400'],
        [guarded, 'req-400-responder'],
      ] as const) {
        const reply = await on.send('/invalid', { headers: { 'x-request-id': id } });
        expect(reply.status).toBe(400);
        expect(reply.body).not.toContain(GENERIC_500);
        expect(reply.headers['x-request-id']).toBe(id);
        const span = await spanOf(id, on);
        expect(span.status.code).not.toBe(ERROR);
        expect(span.attributes).not.toHaveProperty('error.type');
        const lines = (await on.logs()).filter((l) => l['request_id'] === id);
        expect(lines.map((l) => [l['level'], l['message']])).toEqual([['info', 'request completed']]);
      }
    });

    test('the error responder answers the generic body with the request id, never the message', async () => {
      const reply = await guarded.send('/boom', { headers: { 'x-request-id': 'req-responder' } });
      expect(reply.status).toBe(500);
      expect(JSON.parse(reply.body)).toEqual({ error: GENERIC_500, request_id: 'req-responder' });
      const rejected = await guarded.send('/reject');
      expect(JSON.parse(rejected.body)).toEqual({
        error: GENERIC_500,
        request_id: rejected.headers['x-request-id'],
      });
      expect((await spanOf('req-responder', guarded)).attributes['http.response.status_code']).toBe(500);
    });
  });

  describe(`${driver}: trace context and request id`, () => {
    test('a sampled incoming traceparent is continued', async () => {
      await app.send('/api/v1/todos/1', {
        headers: { 'x-request-id': 'req-sampled', traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
      });
      const span = await spanOf('req-sampled');
      expect(span.traceId).toBe(TRACE_ID);
      expect(span.parentSpanId).toBe(PARENT_ID);
    });

    test('an unsampled incoming traceparent exports no span but logs carry its trace id', async () => {
      const traceId = '1af7651916cd43dd8448eb211c80319d';
      await app.send('/api/v1/todos/1', {
        headers: { 'x-request-id': 'req-unsampled', traceparent: `00-${traceId}-${PARENT_ID}-00` },
      });
      expect(await accessLine(app, 'req-unsampled')).toMatchObject({ trace_id: traceId });
      await app.send('/api/v1/todos/2', { headers: { 'x-request-id': 'req-after-unsampled' } });
      await spanOf('req-after-unsampled');
      await receiver.settle();
      expect((await receiver.spans()).filter((s) => s.traceId === traceId)).toEqual([]);
    });

    test('baggage and the span are active in the handler', async () => {
      const reply = await app.send('/context', {
        headers: { baggage: 'tenant=acme,plan=pro', traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
      });
      const body = JSON.parse(reply.body);
      expect(body.baggage).toMatchObject({ tenant: { value: 'acme' }, plan: { value: 'pro' } });
      expect(body.span.traceId).toBe(TRACE_ID);
    });

    test('a body arriving after the headers is parsed in the request context', async () => {
      const reply = await app.send('/api/v1/todos', {
        method: 'POST',
        headers: { 'x-request-id': 'req-body', 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x'.repeat(50_000) }),
        bodyDelayMs: 150,
      });
      expect([reply.status, JSON.parse(reply.body)]).toEqual([201, { titleLength: 50_000 }]);
      const span = await spanOf('req-body');
      expect(span.name).toBe('POST /api/v1/todos');
      const line = (await app.logs()).find((l) => l['message'] === 'todo read from the body');
      expect(line).toMatchObject({ request_id: 'req-body', trace_id: span.traceId, span_id: span.spanId });
    });

    test('a safe request id is kept and carried by every log line of the request', async () => {
      const id = 'Abc.123:x_y-z';
      const reply = await app.send('/context', { headers: { 'x-request-id': id } });
      expect(reply.headers['x-request-id']).toBe(id);
      const lines = (await app.logs()).filter((l) => l['request_id'] === id);
      expect(lines.map((l) => l['message'])).toEqual(['context read', 'request completed']);
    });

    test.each([
      ['missing', undefined],
      ['unsafe', 'abc<script>'],
      ['too long', 'a'.repeat(129)],
    ])('a %s request id is replaced by a generated one', async (_label, incoming) => {
      const reply = await app.send('/api/v1/todos/3', {
        headers: incoming ? { 'x-request-id': incoming } : {},
      });
      const id = String(reply.headers['x-request-id']);
      expect(id).toMatch(UUID);
      expect(await accessLine(app, id)).toMatchObject({ status: 200 });
    });

    test('user id in the log lines and on the span, never on a metric', async () => {
      await app.send('/users/4242/todos/1', { method: 'POST', headers: { 'x-request-id': 'req-user' } });
      const lines = (await app.logs()).filter((l) => l['request_id'] === 'req-user');
      expect(lines.map((l) => l['user_id'])).toEqual(['4242', '4242']);
      const span = await spanOf('req-user');
      expect(span.attributes['enduser.id']).toBe('4242');
      expect(lines.find((l) => l['message'] === 'creating todo')).toMatchObject({
        trace_id: span.traceId,
        span_id: span.spanId,
      });
      expect(sampleLabels(await app.metricsText())).not.toContain('4242');
    });
  });

  describe(`${driver}: hostile input`, () => {
    test('secrets in headers, query and path never reach a span, a log line or a metric', async () => {
      const path = `/api/v1/todos/${SECRETS.card}?email=${SECRETS.email}&access_token=${SECRETS.token}`;
      const reply = await app.send(path, {
        headers: {
          'x-request-id': 'req-secrets',
          authorization: SECRETS.authorization,
          cookie: SECRETS.cookie,
          'x-api-key': SECRETS.apiKey,
        },
      });
      expect(reply.status).toBe(200);
      const span = await spanOf('req-secrets');
      expect(span.attributes['http.request.header.authorization']).toBeDefined();
      const all = await everything();
      for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
      expect(all).not.toContain('s3cr3t');
    });

    test('CR/LF, U+2028 and ANSI escapes in a header and the path never split or colour a log line', async () => {
      const before = (await app.rawLogs()).length;
      const status = await app.raw(
        'GET /api/v1/todos/%0d%0a%1b[31mred%e2%80%a8x?q=%0a%1b[0m HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          Buffer.from('User-Agent: evil\u001b[31m-agent \u2028 line\r\n', 'utf8').toString('latin1') +
          'x-request-id: ok-evil\r\nConnection: close\r\n\r\n',
      );
      expect(status).toMatch(/ 200 /);
      const mine = await eventually(
        async () => (await app.rawLogs()).slice(before),
        (l) => l.some((line) => line.includes('ok-evil') && line.includes('request completed')),
      );
      for (const line of mine) {
        expect(() => JSON.parse(line)).not.toThrow();
        expect(line).not.toMatch(/[\r\n\u001b\u2028\u2029]/);
      }
    });

    test('a 1 MB header value and an 8 KB path are handled without crash and stay bounded', async () => {
      const big = 'a'.repeat(1024 * 1024);
      const reply = await app.send(`/api/v1/todos/${'p'.repeat(8 * 1024)}`, {
        headers: { 'x-request-id': 'req-big', 'user-agent': big, cookie: big },
      });
      expect(reply.status).toBe(200);
      const line = (await app.rawLogs()).find(
        (l) => l.includes('req-big') && l.includes('request completed'),
      );
      expect(line?.length ?? Number.POSITIVE_INFINITY).toBeLessThan(20_000);
      expect(JSON.stringify(await spanOf('req-big')).length).toBeLessThan(10_000);
      expect((await app.send('/api/v1/todos/1')).status).toBe(200);
    });

    test('an aborted request: one span, one record, one access line, error.type aborted', async () => {
      const before = (await app.metricsText()).match(/error_type="aborted"/g) ?? [];
      expect(before).toEqual([]);
      await app.send('/slow', { headers: { 'x-request-id': 'req-abort' }, abortAfterMs: 200 });
      expect(await accessLine(app, 'req-abort')).toMatchObject({ error_type: 'aborted', route: '/slow' });
      expect((await spanOf('req-abort')).attributes['error.type']).toBe('aborted');
      await new Promise((r) => setTimeout(r, 1800));
      await receiver.settle();
      const line = (await app.metricsText())
        .split('\n')
        .find((l) => l.startsWith('http_server_request_duration_seconds_count{') && l.includes('aborted'));
      expect(line).toMatch(/http_route="\/slow".* 1$/);
      expect((await receiver.spans()).filter((s) => s.name === 'GET /slow')).toHaveLength(1);
      expect((await app.logs()).filter((l) => l['request_id'] === 'req-abort')).toHaveLength(1);
    });
  });

  describe(`${driver}: endpoints`, () => {
    test('/metrics: Prometheus 0.0.4 text that promtool accepts; HEAD; not itself observed', async () => {
      await app.send('/api/v1/todos/1');
      const reply = await app.send('/metrics');
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(reply.body).toMatch(
        /^http_server_request_duration_seconds_count\{[^}]*http_route="\/api\/v1\/todos\/:id"/m,
      );
      expect(reply.body).not.toMatch(/http_route="\/metrics"/);
      expect(await promtoolCheck(reply.body)).toEqual({ code: 0, output: '' });
      const head = await app.send('/metrics', { method: 'HEAD' });
      expect([head.status, head.body]).toEqual([200, '']);
    });

    test('/metrics denied (403, empty body) outside the allowed networks, also with a spoofed X-Forwarded-For', async () => {
      for (const headers of [{}, { 'x-forwarded-for': '10.1.2.3' }]) {
        const reply = await guarded.send('/metrics', { headers });
        expect([reply.status, reply.body]).toEqual([403, '']);
      }
    });

    test('/metrics honours X-Forwarded-For from a trusted proxy', async () => {
      expect((await proxied.send('/metrics', { headers: { 'x-forwarded-for': '10.1.2.3' } })).status).toBe(
        200,
      );
      expect((await proxied.send('/metrics', { headers: { 'x-forwarded-for': '8.8.8.8' } })).status).toBe(
        403,
      );
    });

    test.each([
      ['pass', 200],
      ['warn', 200],
      ['fail', 503],
    ] as const)('health %s answers %i; HEAD has the same status and no body', async (status, code) => {
      await app.setHealth(status);
      const reply = await app.send('/health');
      expect(reply.status).toBe(code);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(reply.body).status).toBe(status);
      const head = await app.send('/health/ready', { method: 'HEAD' });
      expect([head.status, head.body]).toEqual([code, '']);
      expect((await app.send('/health/live')).status).toBe(200);
      await app.setHealth('pass');
    });

    test('endpoints are neither traced, logged nor counted; other methods get 405', async () => {
      for (const path of ['/health', '/health/ready', '/health/live', '/health/startup', '/metrics']) {
        expect((await app.send(path, { headers: { 'x-request-id': 'req-endpoint' } })).status).toBe(200);
      }
      expect((await app.send('/health/ready', { method: 'POST' })).status).toBe(405);
      await app.send('/api/v1/todos/1', { headers: { 'x-request-id': 'req-after-endpoints' } });
      await accessLine(app, 'req-after-endpoints');
      expect((await app.logs()).filter((l) => l['request_id'] === 'req-endpoint')).toEqual([]);
      expect(sampleLabels(await app.metricsText())).not.toMatch(/http_route="\/(health|metrics)/);
      await receiver.settle();
      const endpointSpans = (await receiver.spans()).filter((s) =>
        /^\/(health|metrics)/.test(String(s.attributes['url.path'])),
      );
      expect(endpointSpans).toEqual([]);
    });
  });

  describe(`${driver}: graceful drain through the framework's own close path`, () => {
    test('SIGTERM: readiness 503 draining, in-flight completes, new connections refused, span flushed, exit 0', async () => {
      // Its own process (it exits); spans are batched for a minute, so only the exit flush delivers them.
      const draining = await startApp(driver, {
        tracesUrl: receiver.tracesUrl,
        traces: { scheduledDelayMs: 60_000 },
        drainDelayMs: 500,
        slowMs: 20_000,
      });
      try {
        const traceId = randomBytes(16).toString('hex');
        const inFlight = draining.send('/slow', {
          headers: { traceparent: `00-${traceId}-${PARENT_ID}-01` },
        });
        await eventually(draining.held, (n) => n === 1);
        draining.kill('SIGTERM');
        const ready = await eventually(
          () => draining.send('/health/ready'),
          (r) => r.status === 503,
        );
        expect(JSON.parse(ready.body)).toMatchObject({ status: 'fail', output: 'draining' });
        await eventually(() => refused(draining.port), Boolean);
        expect(await draining.held()).toBe(1); // still in flight after the server stopped accepting
        await draining.release();
        expect((await inFlight).status).toBe(200);
        expect(await draining.exited).toBe(0);
        expect(draining.events).toEqual(expect.arrayContaining(['framework closed', 'telemetry flushed']));
        const spans = await receiver.waitForSpans((all) => all.some((span) => span.traceId === traceId));
        expect(spans.find((span) => span.traceId === traceId)).toMatchObject({
          name: 'GET /slow',
          attributes: expect.objectContaining({ 'http.response.status_code': 200 }),
        });
      } finally {
        await draining.stop();
      }
    });
  });
}
