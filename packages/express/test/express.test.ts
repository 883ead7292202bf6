import type { Server } from 'node:http';
import { type Telemetry, startTelemetry } from '@fasttodo/telemetry';
import { context, propagation, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { LogLines } from '../../telemetry/test/support/log-lines';
import { expressObservability, setUser } from '../src/index';

// Express-specific route derivation, in process (nothing is exported): the access log's `route` and the
// duration metric's `http_route` show what the adapter derived. The shared behaviour is in test/conformance.

let telemetry: Telemetry;
let logs: LogLines;
let server: Server;
let base: string;

const ok: RequestHandler = (_req, res) => void res.json({ ok: true });

function buildApp() {
  const app = express();
  const observability = expressObservability({ telemetry, errorResponder: true });
  app.use(observability);
  const todos = express.Router().get('/todos/:id', ok).get('/', ok);
  app.use('/api/v1', todos);
  app.use('/mirror', todos); // one router mounted twice: each request gets its own prefix
  const deepest = express.Router().get('/items/:item', ok);
  const middle = express.Router().use('/b/:bee', deepest);
  app.use('/a', express.Router().use('/m', middle));
  const notes = express.Router({ mergeParams: true }).post('/todos/:todoId', (req, res) => {
    setUser(String((req.params as Record<string, string>)['userId']));
    res.status(201).json({});
  });
  app.use('/users/:userId', notes);
  app.get(/^\/files\/.*$/, ok);
  app.get(['/one/:x', '/two/:y'], ok);
  app.get('/next-then-404', (_req, _res, next) => next());
  app.get('/throws', () => {
    throw new Error('secret failure');
  });
  const sub = express();
  sub.use('/inner/:k', express.Router().get('/leaf/:leaf', ok));
  sub.get('/direct/:d', ok);
  app.use('/sub/:tenant', sub);

  app.use((_req, res) => void res.status(404).json({}));
  app.use(observability.errorHandler);
  return app;
}

beforeAll(async () => {
  logs = new LogLines();
  telemetry = startTelemetry({ serviceName: 'express-test', logs: { format: 'json', stream: logs } }, {});
  server = buildApp().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await telemetry.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

async function routeOf(path: string, method = 'GET'): Promise<unknown> {
  const id = `r-${Math.random().toString(36).slice(2)}`;
  await fetch(base + path, { method, headers: { 'x-request-id': id } }).then((r) => r.arrayBuffer());
  for (let i = 0; i < 100; i++) {
    const line = logs.lines.find((l) => l['request_id'] === id && l['message'] === 'request completed');
    if (line) return line['route'];
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no access line for ${path}`);
}

test.each([
  ['/api/v1/todos/7?x=1', '/api/v1/todos/:id'],
  ['/api/v1', '/api/v1'],
  ['/api/v1/', '/api/v1'],
  ['/mirror/todos/8', '/mirror/todos/:id'],
  ['/a/m/b/bzz/items/3', '/a/m/b/:bee/items/:item'],
  ['/files/secret-report.pdf', '/^\\/files\\/.*$/'],
  ['/one/1', '/one/:x'],
  ['/two/2', '/two/:y'],
  ['/throws', '/throws'],
  ['/sub/acme/inner/kk/leaf/9', '/sub/:tenant/inner/:k/leaf/:leaf'],
  ['/sub/acme/direct/4', '/sub/:tenant/direct/:d'],
])('%s → route %s', async (path, route) => {
  expect(await routeOf(path)).toBe(route);
});

test('a parameterised mount path: the template, never req.baseUrl (concrete)', async () => {
  expect(await routeOf('/users/987654/todos/5', 'POST')).toBe('/users/:userId/todos/:todoId');
  const text = await telemetry.metricsText();
  expect(text).toMatch(/http_route="\/users\/:userId\/todos\/:todoId"/);
  expect(text).not.toContain('987654');
  const line = logs.lines.find((l) => l['route'] === '/users/:userId/todos/:todoId');
  expect(line?.['user_id']).toBe('987654');
});

test('unmatched paths, wrong methods and HEAD', async () => {
  expect(await routeOf('/nothing/here')).toBeNull();
  expect(await routeOf('/api/v1/todos/1', 'DELETE')).toBeNull();
  expect(await routeOf('/api/v1/todos/1', 'HEAD')).toBe('/api/v1/todos/:id');
  expect(await telemetry.metricsText()).not.toMatch(/nothing/);
});

test('a route that passes to the 404 handler keeps its matched template', async () => {
  expect(await routeOf('/next-then-404')).toBe('/next-then-404');
});

test("the app's own error middleware after errorHandler stays in control of the response", async () => {
  const app = express();
  const observability = expressObservability({ telemetry });
  app.use(observability);
  app.get('/teapot', () => {
    throw new RangeError('own handling');
  });
  app.use(observability.errorHandler);
  app.use(((_error, _req, res, _next) => void res.status(418).json({ mine: true })) as ErrorRequestHandler);
  const own = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => own.once('listening', resolve));
  const address = own.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const reply = await fetch(`http://127.0.0.1:${port}/teapot`, { headers: { 'x-request-id': 'req-own' } });
  await new Promise((resolve) => own.close(resolve));
  expect([reply.status, await reply.json()]).toEqual([418, { mine: true }]);
  const mine = logs.lines.filter((l) => l['request_id'] === 'req-own');
  expect(mine.map((l) => l['message'])).toEqual(['request failed', 'request completed']);
  expect(mine[1]).toMatchObject({ status: 418, route: '/teapot', error_type: 'RangeError' });
});

test('any parameter values in mount paths and routes give the same template (never a concrete value)', async () => {
  const segment = fc
    .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
    .map(encodeURIComponent)
    .filter((s) => s !== '.' && s !== '..'); // the client normalises dot segments away: another path
  await fc.assert(
    fc.asyncProperty(segment, segment, segment, async (tenant, k, leaf) => {
      expect(await routeOf(`/sub/${tenant}/inner/${k}/leaf/${leaf}`)).toBe(
        '/sub/:tenant/inner/:k/leaf/:leaf',
      );
      expect(await routeOf(`/a/m/b/${k}/items/${leaf}`)).toBe('/a/m/b/:bee/items/:item');
    }),
    { numRuns: 60 },
  );
});
