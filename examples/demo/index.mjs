// The main job: a tiny FastTodo service on node:http with the whole SDK on built-in defaults (no collector, no
// database). It starts, sends itself a few requests (one carrying PII, one failing), prints what the SDK emitted
// (log lines, health answers, Prometheus text) and shuts down gracefully; `--serve` keeps it running.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { HEALTH_RESPONSE_HEADERS, checks, createHealth, installGracefulShutdown } from '@fasttodo/health';
import { createRedactor, escapeControlChars } from '@fasttodo/redact';
import { startTelemetry, withLogContext } from '@fasttodo/telemetry';

const telemetry = startTelemetry({
  serviceName: 'fasttodo',
  serviceVersion: '0.1.0',
  environment: process.env.NODE_ENV ?? 'development',
});
const { logger, tracer, meter } = telemetry;
const requestDuration = meter.createHistogram('http.server.request.duration', {
  unit: 's',
  description: 'Duration of HTTP server requests.',
});
const todosCreated = telemetry.defineCounter({
  namespace: 'fasttodo',
  subsystem: 'todos',
  name: 'created',
  help: 'Todos created.',
  labelNames: ['list'],
});

const health = createHealth({
  version: '0.1.0',
  cacheMs: 1000,
  checks: [
    checks.disk({ path: process.cwd(), warnPercent: 90, failPercent: 98 }),
    checks.memory({ warnPercent: 80, failPercent: 95, critical: false }),
    checks.eventLoopDelay({ critical: false }),
  ],
});

const todos = new Map();

/** Routes of the service; returns [status, body]. */
async function route(method, path, body) {
  if (method === 'GET' && path === '/todos') return [200, [...todos.values()]];
  if (method === 'POST' && path === '/todos') {
    const todo = { id: randomUUID(), title: String(body.title ?? ''), owner: body.owner, done: false };
    todos.set(todo.id, todo);
    todosCreated.inc(1, { list: 'default' });
    logger.info('todo created', { todo_id: todo.id, owner: body.owner, title: todo.title });
    return [201, todo];
  }
  if (method === 'GET' && path === '/boom')
    throw new Error('database password=hunter2 rejected for jane@example.com');
  return [404, { error: 'not found' }];
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/health')) return serveHealth(url.pathname, res);
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    return res.end(await telemetry.metricsText());
  }
  const started = performance.now();
  const routeName = `${req.method} ${url.pathname}`;
  const span = tracer.startSpan(routeName, { kind: SpanKind.SERVER, attributes: { 'url.full': req.url } });
  const requestId = randomUUID();
  await withLogContext({ request_id: requestId }, () =>
    context.with(trace.setSpan(context.active(), span), async () => {
      let status = 500;
      try {
        const body = req.method === 'POST' ? JSON.parse(await readBody(req)) : {};
        const [code, payload] = await route(req.method, url.pathname, body);
        status = code;
        res.writeHead(code, { 'content-type': 'application/json', 'x-request-id': requestId });
        res.end(JSON.stringify(payload));
      } catch (error) {
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        logger.error('request failed', { error });
        res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': requestId });
        res.end(JSON.stringify({ error: 'internal error', request_id: requestId }));
      } finally {
        span.setAttribute('http.response.status_code', status);
        span.end();
        const labels = { 'http.request.method': req.method, 'http.response.status_code': status };
        requestDuration.record((performance.now() - started) / 1000, labels);
        logger.info('request', { method: req.method, path: url.pathname, status });
      }
    }),
  );
}

async function serveHealth(path, res) {
  const probe =
    path === '/health/live' ? health.live() : path === '/health/startup' ? health.startup() : health.ready();
  const { httpStatus, body } = await probe;
  res.writeHead(httpStatus, HEALTH_RESPONSE_HEADERS);
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text || '{}';
}

const show = (title, value) =>
  console.log(`\n== ${title}\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`);

const server = createServer((req, res) => void handle(req, res));
// `--serve`: keep running on PORT (default 3000) until SIGTERM/SIGINT, then drain gracefully.
const serve = process.argv.includes('--serve');
server.listen(serve ? Number(process.env.PORT ?? 3000) : 0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${server.address().port}`;
console.log(`FastTodo demo listening on ${base} (no collector, no database; logs below are the SDK's own)`);
if (serve) {
  installGracefulShutdown(server, { health, drainDelayMs: 1000, beforeExit: () => telemetry.shutdown() });
  console.log('try: /todos, /health/live, /health/ready, /metrics; Ctrl-C drains and exits');
  await new Promise(() => {}); // runs until a signal; installGracefulShutdown exits the process
}

const post = (title, owner) =>
  fetch(`${base}/todos`, { method: 'POST', body: JSON.stringify({ title, owner }) });
await post('buy milk', 'jane.doe@example.com');
await post('pay card 4111 1111 1111 1111 before Friday', 'bob@example.org');
await post('line one\nINFO forged log line \u001b[31m', 'mallory');
await fetch(`${base}/todos`);
await fetch(`${base}/boom?token=abc123`);

show('GET /health/live', await (await fetch(`${base}/health/live`)).json());
show('GET /health/ready', await (await fetch(`${base}/health/ready`)).json());
const metrics = await (await fetch(`${base}/metrics`)).text();
show(
  'GET /metrics (excerpt)',
  metrics
    .split('\n')
    .filter((line) => /^(# TYPE )?(fasttodo_|http_server_request_duration_seconds_count)/.test(line))
    .join('\n'),
);

const redactor = createRedactor();
show(
  'redactUrl',
  redactor.redactUrl('https://admin:s3cret@api.example.com/users/jane@example.com?token=abc&page=2'),
);
show(
  'redactHeaders',
  redactor.redactHeaders({ authorization: 'Bearer abc.def.ghi', cookie: 'sid=1', accept: '*/*' }),
);
show('escapeControlChars', escapeControlChars('login failed\nINFO forged line \u001b[31mred'));

health.drain();
show('GET /health/ready after drain()', await (await fetch(`${base}/health/ready`)).json());
server.close();
await telemetry.shutdown();
console.log('\nFastTodo demo: done.');
