import { connect } from 'node:net';
import {
  accessLine as accessLineOf,
  durationSeries,
  spanOfRequest,
  useTracedHttpApp,
} from './support/http-harness';
import type { ReceivedSpan } from './support/receiver';

const SERVER = 2;
const ERROR = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

const { app: appOf, receiver: receiverOf } = useTracedHttpApp({
  http: { captureHeaders: { request: ['authorization', 'cookie', 'x-api-key', 'x-tenant'] } },
});

const spanOf = (requestId: string): Promise<ReceivedSpan> => spanOfRequest(appOf(), receiverOf(), requestId);
const accessLine = (requestId: string) => accessLineOf(appOf(), requestId);

describe('HTTP lifecycle: spans', () => {
  test('a routed request gets one SERVER span named by the route template with semconv attributes', async () => {
    const reply = await appOf().send('/api/v1/todos/7?page=2', {
      headers: { 'x-request-id': 'req-templated', 'user-agent': 'jest-client/1.0' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['x-request-id']).toBe('req-templated');
    const span = await spanOf('req-templated');
    expect(span).toMatchObject({ name: 'GET /api/v1/todos/:id', kind: SERVER });
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/v1/todos/:id',
      'url.path': '/api/v1/todos/7',
      'url.query': 'page=2',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'client.address': '127.0.0.0',
      'network.protocol.version': '1.1',
      'user_agent.original': 'jest-client/1.0',
    });
    expect(span.attributes).not.toHaveProperty('error.type');
  });

  test('an unmatched path names the span by the method alone and has no route', async () => {
    await appOf().send('/no/such/path/12345', { headers: { 'x-request-id': 'req-unmatched' } });
    const span = await spanOf('req-unmatched');
    expect(span.name).toBe('GET');
    expect(span.attributes).not.toHaveProperty('http.route');
    expect(JSON.stringify(span)).not.toMatch(/"name":"[^"]*12345/);
  });

  test('an unknown method is _OTHER with the original kept, and the span is named HTTP', async () => {
    const reply = await appOf().send('/api/v1/todos/7', {
      method: 'PROPFIND',
      headers: { 'x-request-id': 'req-propfind' },
    });
    expect(reply.status).toBe(404);
    const span = await spanOf('req-propfind');
    expect(span.name).toBe('HTTP');
    expect(span.attributes).toMatchObject({
      'http.request.method': '_OTHER',
      'http.request.method_original': 'PROPFIND',
    });
    expect(await appOf().metricsText()).toMatch(/http_request_method="_OTHER"/);
  });

  test.each([
    ['/boom', 'Error'],
    ['/reject', 'TypeError'],
  ])(
    'a thrown error on %s sets ERROR, a redacted exception event and an error log line',
    async (path, type) => {
      const id = `req-error-${type}`;
      const reply = await appOf().send(path, { headers: { 'x-request-id': id } });
      expect(reply.status).toBe(500);
      const span = await spanOf(id);
      expect(span.status.code).toBe(ERROR);
      expect(span.attributes['error.type']).toBe(type);
      expect(span.attributes['http.response.status_code']).toBe(500);
      const event = span.events.find((e) => e.name === 'exception');
      expect(event?.attributes['exception.type']).toBe(type);
      const errorLine = (await appOf().logs()).find((l) => l['request_id'] === id && l['level'] === 'error');
      expect(errorLine).toMatchObject({ message: 'request failed', error_type: type, status: 500 });
    },
  );

  test('an explicit 500 sets ERROR with error.type 500', async () => {
    await appOf().send('/explicit500', { headers: { 'x-request-id': 'req-500' } });
    const span = await spanOf('req-500');
    expect(span.status.code).toBe(ERROR);
    expect(span.attributes['error.type']).toBe('500');
    const lines = (await appOf().logs()).filter((l) => l['request_id'] === 'req-500');
    expect(lines.map((l) => l['level']).sort()).toEqual(['error', 'info']);
  });

  test('a sampled incoming traceparent is continued', async () => {
    await appOf().send('/api/v1/todos/1', {
      headers: { 'x-request-id': 'req-sampled', traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
    });
    const span = await spanOf('req-sampled');
    expect(span.traceId).toBe(TRACE_ID);
    expect(span.parentSpanId).toBe(PARENT_ID);
  });

  test('an unsampled incoming traceparent exports no span but logs carry its trace id', async () => {
    const traceId = '1af7651916cd43dd8448eb211c80319d';
    await appOf().send('/api/v1/todos/1', {
      headers: { 'x-request-id': 'req-unsampled', traceparent: `00-${traceId}-${PARENT_ID}-00` },
    });
    const line = await accessLine('req-unsampled');
    expect(line).toMatchObject({ trace_id: traceId, trace_flags: '00' });
    await appOf().send('/api/v1/todos/2', { headers: { 'x-request-id': 'req-after-unsampled' } });
    await spanOf('req-after-unsampled');
    await receiverOf().settle();
    expect((await receiverOf().spans()).filter((s) => s.traceId === traceId)).toEqual([]);
  });

  test('baggage is extracted into the request context', async () => {
    const reply = await appOf().send('/context', {
      headers: { baggage: 'tenant=acme,plan=pro', traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
    });
    const body = JSON.parse(reply.body);
    expect(body.baggage).toMatchObject({ tenant: { value: 'acme' }, plan: { value: 'pro' } });
    expect(body.span.traceId).toBe(TRACE_ID);
  });
});

describe('HTTP lifecycle: request id', () => {
  test('a safe incoming id is kept and carried by every log line of the request', async () => {
    const id = 'Abc.123:x_y-z';
    const reply = await appOf().send('/context', { headers: { 'x-request-id': id } });
    expect(reply.headers['x-request-id']).toBe(id);
    const lines = (await appOf().logs()).filter((l) => l['request_id'] === id);
    expect(lines.map((l) => l['message'])).toEqual(['context read', 'request completed']);
  });

  test.each([
    ['missing', undefined],
    ['too long', 'a'.repeat(129)],
    ['unsafe characters', 'abc<script>'],
    ['spaces', 'a b'],
    ['empty', ''],
  ])('a %s id is replaced by a generated one', async (_label, incoming) => {
    const headers = incoming === undefined ? {} : { 'x-request-id': incoming };
    const reply = await appOf().send('/api/v1/todos/3', { headers });
    const id = String(reply.headers['x-request-id']);
    expect(id).toMatch(UUID);
    expect(await accessLine(id)).toMatchObject({ status: 200 });
  });
});

describe('HTTP lifecycle: metrics', () => {
  test('5,000 distinct unmatched paths leave the duration series count unchanged', async () => {
    await appOf().send('/unmatched/first');
    const before = durationSeries(await appOf().metricsText()).length;
    const paths = Array.from({ length: 5000 }, (_, i) => `/unmatched/${i}/${(i * 7919).toString(36)}`);
    for (let i = 0; i < paths.length; i += 50)
      await Promise.all(paths.slice(i, i + 50).map((p) => appOf().send(p)));
    const text = await appOf().metricsText();
    expect(durationSeries(text).length).toBe(before);
    expect(text).not.toMatch(/unmatched/);
  }, 120_000);

  test('duration series carry bounded labels only', async () => {
    await appOf().send('/api/v1/todos/99');
    const series = durationSeries(await appOf().metricsText());
    const labels = new Set(series.flatMap((line) => [...line.matchAll(/([a-z_]+)="/g)].map((m) => m[1])));
    const allowed = [
      'error_type',
      'http_request_method',
      'http_response_status_code',
      'http_route',
      'otel_scope_name',
      'url_scheme',
    ];
    expect(labels.size).toBeGreaterThan(3);
    for (const label of labels) expect(allowed).toContain(label);
    expect(labels).not.toContain('user_id');
    expect(labels).not.toContain('url_path');
  });
});

describe('HTTP lifecycle: user context and abort', () => {
  test('setUser puts user_id in log lines and enduser.id on the span, never on a metric', async () => {
    await appOf().send('/api/v1/users/4242/todos', {
      method: 'POST',
      headers: { 'x-request-id': 'req-user' },
    });
    const lines = (await appOf().logs()).filter((l) => l['request_id'] === 'req-user');
    expect(lines.map((l) => l['user_id'])).toEqual(['4242', '4242']);
    const span = await spanOf('req-user');
    expect(span.attributes['enduser.id']).toBe('4242');
    expect(await appOf().metricsText()).not.toMatch(/4242/);
  });

  test('an aborted request is ended and recorded exactly once, with error.type aborted', async () => {
    const countBefore = (await appOf().metricsText()).match(/error_type="aborted"[^\n]*\} (\d+)/g) ?? [];
    expect(countBefore).toEqual([]);
    await new Promise<void>((resolve) => {
      const socket = connect(appOf().port, '127.0.0.1', () => {
        socket.write('GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: req-abort\r\n\r\n');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 200);
      });
    });
    const line = await accessLine('req-abort');
    expect(line).toMatchObject({ error_type: 'aborted', status: null, route: '/slow' });
    const span = await spanOf('req-abort');
    expect(span.attributes['error.type']).toBe('aborted');
    await new Promise((r) => setTimeout(r, 3200));
    await receiverOf().settle();
    expect((await receiverOf().spans()).filter((s) => s.name === 'GET /slow')).toHaveLength(1);
    expect((await appOf().logs()).filter((l) => l['request_id'] === 'req-abort')).toHaveLength(1);
    const count =
      /http_server_request_duration_seconds_count\{[^}]*http_route="\/slow"[^}]*error_type="aborted"[^}]*\} (\d+)/.exec(
        await appOf().metricsText(),
      );
    expect(count?.[1]).toBe('1');
  }, 20_000);
});
