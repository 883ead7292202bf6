#!/usr/bin/env node
// A service process for the HTTP lifecycle tests: the BUILT @fasttodo/telemetry (CJS, so an optional
// HttpInstrumentation can patch node:http), a tiny reference adapter that plays the framework, and a few
// routes. argv[2] is a JSON config; the first stdout line is {"port":N}. /__control/* is the test's side door.
const { Writable } = require('node:stream');
const { setTimeout: sleep } = require('node:timers/promises');
const config = JSON.parse(process.argv[2] ?? '{}');
Object.assign(process.env, config.env ?? {});
const { context, propagation, trace } = require('@opentelemetry/api');
const telemetryPackage = require('../../dist/index.cjs');
const { createHttpObservability, requestInfo, setUser, startTelemetry } = telemetryPackage;

const logLines = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(line);
    done();
  },
});
const instrumentations = [];
if (config.httpInstrumentation) {
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
  instrumentations.push(new HttpInstrumentation());
}
const telemetry = startTelemetry(
  {
    serviceName: 'http-test',
    environment: 'test',
    logs: { format: 'json', level: 'info', stream: logStream },
    traces: { endpoint: config.tracesUrl, scheduledDelayMs: 20, sampleRatio: 1, ...config.traces },
    instrumentations,
  },
  {},
);
const http = require('node:http');

let healthStatus = 'pass';
const probe = async () => ({
  httpStatus: healthStatus === 'fail' ? 503 : 200,
  body: { status: healthStatus, checks: { db: { status: healthStatus, response_ms: 1 } } },
});
const health = { live: probe, ready: probe, startup: probe };
const observability = createHttpObservability({ telemetry, health, ...config.http });

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const routes = [
  [
    'GET',
    '/api/v1/todos/:id',
    (_req, res) => {
      telemetry.logger.info('loading todo');
      json(res, 200, { id: 1 });
    },
  ],
  [
    'POST',
    '/api/v1/users/:userId/todos',
    (_req, res, params) => {
      setUser(params.userId);
      telemetry.logger.info('creating todo');
      json(res, 201, { ok: true });
    },
  ],
  [
    'GET',
    '/boom',
    () => {
      throw new Error('db failed for alice@example.com with token sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    },
  ],
  [
    'GET',
    '/reject',
    async () => {
      await sleep(1);
      throw new TypeError('rejected');
    },
  ],
  ['GET', '/explicit500', (_req, res) => json(res, 500, { error: 'no' })],
  [
    'GET',
    '/slow',
    async (_req, res) => {
      await sleep(3000);
      if (!res.destroyed) json(res, 200, {});
    },
  ],
  [
    'GET',
    '/context',
    (_req, res) => {
      const span = trace.getActiveSpan()?.spanContext();
      const baggage = propagation.getBaggage(context.active());
      telemetry.logger.info('context read');
      json(res, 200, { span, baggage: Object.fromEntries(baggage?.getAllEntries() ?? []) });
    },
  ],
];
const compiled = routes.map(([method, template, handler]) => {
  const names = [];
  const source = template.replace(/:([A-Za-z]+)/g, (_m, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, template, handler, names, regex: new RegExp(`^${source}$`) };
});

function match(method, path) {
  for (const route of compiled) {
    const m = route.method === method && route.regex.exec(path);
    if (m) return { route, params: Object.fromEntries(route.names.map((n, i) => [n, m[i + 1]])) };
  }
  return undefined;
}

// The reference adapter: only translates node:http into the lifecycle's plain data.
async function handle(req, res) {
  const info = requestInfo(req);
  const endpoint = observability.endpoint(info);
  if (endpoint) {
    const r = await endpoint;
    res.writeHead(r.status, r.headers);
    return res.end(r.body);
  }
  const request = observability.start(info);
  for (const [name, value] of Object.entries(request.responseHeaders)) res.setHeader(name, value);
  res.on('finish', () =>
    request.end({ statusCode: res.statusCode, responseBytes: Number(res.getHeader('content-length')) }),
  );
  res.on('close', () => {
    if (!res.writableFinished) request.abort();
  });
  await request.run(async () => {
    const found = match(req.method, (req.url ?? '/').split('?')[0]);
    if (!found) return json(res, 404, { error: 'not_found' });
    request.setRoute(found.route.template);
    try {
      await found.route.handler(req, res, found.params);
    } catch (error) {
      const response = request.fail(error);
      if (response) {
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      } else json(res, 500, { error: 'framework default' });
    }
  });
}

function control(req, res) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/__control/logs') return json(res, 200, logLines);
  if (url.pathname === '/__control/metrics') return void telemetry.metricsText().then((t) => res.end(t));
  if (url.pathname === '/__control/health') {
    healthStatus = url.searchParams.get('status') ?? 'pass';
    return json(res, 200, {});
  }
  if (url.pathname === '/__control/shutdown') return void telemetry.shutdown().then(() => json(res, 200, {}));
  json(res, 404, {});
}

// The lenient parser lets hostile bytes (ANSI escapes, bare CR) through to the lifecycle, as some proxies do.
const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024, insecureHTTPParser: true }, (req, res) => {
  if (req.url?.startsWith('/__control/')) return control(req, res);
  void handle(req, res);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
