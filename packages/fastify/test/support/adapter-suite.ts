// The behaviour every adapter of this helper shares, run against one driver (the standard app) in a child
// process with the BUILT packages: spans from a real OTLP receiver, JSON log lines, the Prometheus text.
// The framework-specific tests live beside it in each package; the lead's conformance suite supersedes this.
import { type ReceivedSpan, type Receiver, startReceiver } from '../../../telemetry/test/support/receiver';
import { eventually } from '../../../telemetry/test/support/http-harness';
import { abortAfter } from '../../../telemetry/test/support/send';
import { type Service, startService } from './service';

const SERVER = 2;
const ERROR = 2;

/** What a suite needs to know about the framework's own answers. */
export interface AdapterSuiteOptions {
  /** The framework's own body for an unhandled error (its error handling stays in control). */
  frameworkErrorBody: RegExp;
}

export interface SuiteHandles {
  service(): Service;
  spanOf(requestId: string): Promise<ReceivedSpan>;
  accessLine(requestId: string): Promise<Record<string, unknown>>;
}

/** Registers the shared tests for the driver at `driver` (absolute path of its driver.cjs). */
export function adapterSuite(driver: string, options: AdapterSuiteOptions): SuiteHandles {
  let receiver: Receiver;
  let service: Service;
  beforeAll(async () => {
    receiver = await startReceiver();
    service = await startService(driver, { tracesUrl: receiver.tracesUrl });
  });
  afterAll(async () => {
    await service?.stop();
    await receiver?.stop();
  });

  const accessLine = async (requestId: string) => {
    const find = (lines: Record<string, unknown>[]) =>
      lines.find((l) => l['request_id'] === requestId && l['message'] === 'request completed');
    return (
      find(
        await eventually(
          () => service.logs(),
          (lines) => find(lines) !== undefined,
        ),
      ) ?? {}
    );
  };
  const spanOf = async (requestId: string) => {
    const line = await accessLine(requestId);
    const spans = await receiver.waitForSpans((s) => s.some((span) => span.spanId === line['span_id']));
    return spans.find((span) => span.spanId === line['span_id']) as ReceivedSpan;
  };
  const get = (path: string, id: string, method = 'GET') =>
    service.send(path, { method, headers: { 'x-request-id': id } });

  describe('routes', () => {
    test.each([
      ['/todos', '/todos'],
      ['/todos/7', '/todos/:id'],
      ['/api/v1/todos/9', '/api/v1/todos/:id'],
      ['/users/4242/todos/77', '/users/:userId/todos/:todoId'],
    ])('%s is traced, logged and counted as %s', async (path, route) => {
      const id = `route-${route.replace(/[^a-z]/gi, '')}`;
      const reply = await get(path, id);
      expect(reply.status).toBe(200);
      expect(reply.headers['x-request-id']).toBe(id);
      const span = await spanOf(id);
      expect(span).toMatchObject({ name: `GET ${route}`, kind: SERVER });
      expect(span.attributes).toMatchObject({ 'http.route': route, 'url.path': path });
      expect(await accessLine(id)).toMatchObject({ route, status: 200 });
      const metrics = await service.metricsText();
      expect(metrics).toContain(`http_route="${route}"`);
    });

    test('the concrete value of a parameterised mount path leaks into no name, route or label', async () => {
      await get('/users/98765/todos/55555', 'mount-leak');
      const span = await spanOf('mount-leak');
      const { 'url.path': _path, ...rest } = span.attributes;
      expect(JSON.stringify({ name: span.name, rest })).not.toMatch(/98765|55555/);
      expect(await service.metricsText()).not.toMatch(/98765|55555/);
      const line = await accessLine('mount-leak');
      expect(line['route']).toBe('/users/:userId/todos/:todoId');
    });

    test('a log line written in the handler carries the request trace id', async () => {
      await get('/users/1/todos/2', 'handler-log');
      const span = await spanOf('handler-log');
      const lines = await service.logs();
      const line = lines.find(
        (l) => l['message'] === 'loading user todo' && l['request_id'] === 'handler-log',
      );
      expect(line).toMatchObject({ trace_id: span.traceId, span_id: span.spanId });
    });

    test('a handler after body parsing still runs in the request context', async () => {
      const reply = await service.send('/todos', {
        method: 'POST',
        headers: { 'x-request-id': 'post-body', 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x'.repeat(50_000) }),
        bodyDelayMs: 150,
      });
      expect(reply.status).toBe(201);
      const span = await spanOf('post-body');
      expect(span.name).toBe('POST /todos');
      const line = (await service.logs()).find((l) => l['message'] === 'creating todo');
      expect(line).toMatchObject({ request_id: 'post-body', trace_id: span.traceId });
    });

    test('HEAD of a GET route is traced under its template', async () => {
      const reply = await get('/todos/3', 'head-route', 'HEAD');
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('');
      expect((await spanOf('head-route')).name).toBe('HEAD /todos/:id');
    });
  });

  describe('unmatched paths', () => {
    test('a 404 names the span by the method alone and has no route', async () => {
      const reply = await get('/no/such/path/31337', 'unmatched');
      expect(reply.status).toBe(404);
      const span = await spanOf('unmatched');
      expect(span.name).toBe('GET');
      expect(span.attributes).not.toHaveProperty('http.route');
      expect(JSON.stringify(span.name)).not.toContain('31337');
    });

    test('5,000 distinct unmatched paths add no duration series', async () => {
      await get('/nothing/here/0', 'unmatched-0');
      await accessLine('unmatched-0');
      const series = (text: string) =>
        text.split('\n').filter((l) => l.startsWith('http_server_request_duration_seconds_count{'));
      const before = series(await service.metricsText());
      const base = `http://127.0.0.1:${service.port}/nothing/here/`;
      for (let batch = 0; batch < 100; batch++) {
        const requests = Array.from({ length: 50 }, (_, i) => fetch(`${base}${batch * 50 + i + 1}`));
        for (const response of await Promise.all(requests)) await response.arrayBuffer();
      }
      const after = await eventually(
        () => service.metricsText(),
        (text) => /http_response_status_code="404"[^}]*\} 50\d\d/.test(text),
      );
      expect(series(after)).toHaveLength(before.length);
      expect(after).not.toMatch(/nothing\/here/);
    }, 60_000);
  });

  describe('errors', () => {
    test.each([
      ['/boom', 'Error'],
      ['/reject', 'TypeError'],
    ])(
      '%s: ERROR span with an exception event, one error line, the framework answers',
      async (path, type) => {
        const id = `error-${type}`;
        const reply = await get(path, id);
        expect(reply.status).toBe(500);
        expect(reply.body).toMatch(options.frameworkErrorBody);
        expect(reply.headers['x-request-id']).toBe(id);
        const span = await spanOf(id);
        expect(span.status.code).toBe(ERROR);
        expect(span.attributes).toMatchObject({ 'error.type': type, 'http.response.status_code': 500 });
        expect(span.events.find((e) => e.name === 'exception')?.attributes['exception.type']).toBe(type);
        expect(JSON.stringify(span)).not.toMatch(/alice@example\.com|sk_live_4eC39HqLyjWDarjtT1zdp7dc/);
        const errors = (await service.logs()).filter((l) => l['request_id'] === id && l['level'] === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ message: 'request failed', error_type: type });
      },
    );

    test('an explicit 500 is an error without an exception event', async () => {
      expect((await get('/explicit500', 'explicit-500')).status).toBe(500);
      const span = await spanOf('explicit-500');
      expect(span.status.code).toBe(ERROR);
      expect(span.attributes['error.type']).toBe('500');
      expect(span.events.filter((e) => e.name === 'exception')).toHaveLength(0);
    });

    test('an error with a 4xx status is an answer, not a failure', async () => {
      expect((await get('/bad-request', 'client-error')).status).toBe(400);
      const span = await spanOf('client-error');
      expect(span.status.code).not.toBe(ERROR);
      expect(span.attributes).not.toHaveProperty('error.type');
      const lines = (await service.logs()).filter((l) => l['request_id'] === 'client-error');
      expect(lines.map((l) => l['level'])).toEqual(['info']);
    });
  });

  describe('user, abort and endpoints', () => {
    test('setUser puts user_id in the logs and enduser.id on the span, never in a label', async () => {
      await get('/me', 'user-request');
      const line = await accessLine('user-request');
      expect(line['user_id']).toBe('user-42');
      const handlerLine = (await service.logs()).find((l) => l['message'] === 'who am i');
      expect(handlerLine?.['user_id']).toBe('user-42');
      expect((await spanOf('user-request')).attributes['enduser.id']).toBe('user-42');
      expect(await service.metricsText()).not.toContain('user-42');
    });

    test('a client abort ends the span and records the duration once, as aborted', async () => {
      await abortAfter(service.port, '/slow', 300);
      const lines = await eventually(
        () => service.logs(),
        (all) => all.some((l) => l['error_type'] === 'aborted'),
      );
      const aborted = lines.filter((l) => l['error_type'] === 'aborted');
      expect(aborted).toHaveLength(1);
      expect(aborted[0]).toMatchObject({ route: '/slow', status: null });
      const span = await spanOf(String(aborted[0]?.['request_id']));
      expect(span).toMatchObject({ name: 'GET /slow' });
      expect(span.attributes['error.type']).toBe('aborted');
      await new Promise((r) => setTimeout(r, 3200)); // the handler finishes; nothing is recorded again
      const metrics = await service.metricsText();
      expect(metrics).toMatch(/_count\{[^}]*http_route="\/slow"[^}]*error_type="aborted"[^}]*\} 1\n/);
      expect(metrics).not.toMatch(/_count\{[^}]*http_route="\/slow"[^}]*status_code="200"/);
    }, 20_000);

    test('health and metrics endpoints answer and are neither traced, logged nor counted', async () => {
      const health = await get('/health', 'health-get');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'pass' });
      expect(health.headers['content-type']).toContain('application/json');
      const head = await get('/health/live', 'health-head', 'HEAD');
      expect([head.status, head.body]).toEqual([200, '']);
      const metrics = await get('/metrics', 'metrics-get');
      expect(metrics.status).toBe(200);
      expect(metrics.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(metrics.body).toContain('http_server_request_duration_seconds');
      expect(await get('/health/ready', 'health-post', 'POST')).toMatchObject({ status: 405 });
      await get('/todos', 'after-endpoints');
      await accessLine('after-endpoints');
      const ids = (await service.logs()).map((l) => l['request_id']);
      expect(ids).not.toContain('health-get');
      expect(ids).not.toContain('metrics-get');
      expect(metrics.body).not.toMatch(/http_route="\/(health|metrics)/);
    });
  });

  return { service: () => service, spanOf, accessLine };
}
