#!/usr/bin/env node
// The conformance service process: the BUILT packages, one adapter driver (argv[2] config.driver names a file
// in ../drivers), the same routes for every framework. The first stdout line is {"port":N}.
// /__control/* is the test's side door, served by a separate server so no adapter sees it.
const http = require('node:http');
const { join } = require('node:path');
const { Writable } = require('node:stream');
const { setTimeout: sleep } = require('node:timers/promises');
const config = JSON.parse(process.argv[2] ?? '{}');
process.env.NODE_ENV = 'production';
const { context, propagation, trace } = require('@opentelemetry/api');
const { setUser, startTelemetry } = require('@fasttodo/telemetry');
const { createHealth } = require('@fasttodo/health');

const logLines = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(line);
    done();
  },
});
const telemetry = startTelemetry(
  {
    serviceName: 'conformance',
    environment: 'test',
    logs: { format: 'json', level: 'info', stream: logStream },
    traces: { endpoint: config.tracesUrl, scheduledDelayMs: 20, sampleRatio: 1 },
  },
  {},
);
let dependency = 'pass';
const health = createHealth({
  version: '1.0.0',
  cacheMs: 0,
  checks: [
    { name: 'db', check: () => (dependency === 'fail' ? Promise.reject(new Error('db down')) : undefined) },
    {
      name: 'cache',
      critical: false,
      check: () => (dependency === 'warn' ? Promise.reject(new Error('slow')) : undefined),
    },
  ],
});

/** The routes every driver mounts; each handler gets { params } and returns { status, body } or throws. */
const handlers = {
  todo: ({ params }) => {
    telemetry.logger.info('loading todo');
    return { status: 200, body: { id: params.id } };
  },
  stats: ({ params }) => ({ status: 200, body: { day: params.day } }),
  userTodo: ({ params }) => {
    setUser(params.userId);
    telemetry.logger.info('creating todo');
    return { status: 201, body: { todo: params.todoId } };
  },
  boom: () => {
    throw new Error('db failed for alice@example.com with token sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  },
  reject: async () => {
    await sleep(1);
    throw new TypeError('rejected');
  },
  explicit500: () => ({ status: 500, body: { error: 'no' } }),
  slow: async () => {
    await sleep(1500);
    return { status: 200, body: { slow: true } };
  },
  context: () => {
    const span = trace.getActiveSpan()?.spanContext();
    const baggage = propagation.getBaggage(context.active());
    telemetry.logger.info('context read');
    return { status: 200, body: { span, baggage: Object.fromEntries(baggage?.getAllEntries() ?? []) } };
  },
};

function json(res, body) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function control(req, res) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/__control/logs') return json(res, logLines);
  if (url.pathname === '/__control/metrics') return void telemetry.metricsText().then((t) => res.end(t));
  if (url.pathname === '/__control/health') {
    dependency = url.searchParams.get('status') ?? 'pass';
    return json(res, {});
  }
  if (url.pathname === '/__control/drain') return json(res, health.drain() ?? {});
  if (url.pathname === '/__control/shutdown') return void telemetry.shutdown().then(() => json(res, {}));
  json(res, {});
}

async function main() {
  const driver = require(join(__dirname, '..', 'drivers', `${config.driver}.cjs`));
  const options = { telemetry, health, ...config.http };
  const serverOptions = { maxHeaderSize: 4 * 1024 * 1024, insecureHTTPParser: true };
  const app = await driver.start({ options, handlers, serverOptions });
  const side = http.createServer(control);
  await new Promise((resolve) => side.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: app.port, control: side.address().port })}\n`);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
