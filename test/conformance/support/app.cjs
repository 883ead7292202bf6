#!/usr/bin/env node
// The conformance service process: the BUILT packages, one adapter driver (argv[2] config.driver names a file
// in ../drivers), the same routes for every framework, and the health drain through the framework's own close
// path (SIGTERM). The first stdout line is {"port":N,"control":N}; later lines are lifecycle events
// ({"event":"framework closed"}, {"event":"telemetry flushed"}) the test reads after the process exited.
// /__control/* is the test's side door, served by a separate server so no adapter sees it.
const http = require('node:http');
const { join } = require('node:path');
const { Writable } = require('node:stream');
const { setTimeout: sleep } = require('node:timers/promises');
const config = JSON.parse(process.argv[2] ?? '{}');
process.env.NODE_ENV = 'production';
const { context, propagation, trace } = require('@opentelemetry/api');
const { setUser, startTelemetry } = require('@fasttodo/telemetry');
const { createHealth, installGracefulShutdown } = require('@fasttodo/health');

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
    traces: { endpoint: config.tracesUrl, scheduledDelayMs: 20, sampleRatio: 1, ...config.traces },
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

const say = (event) => process.stdout.write(`${JSON.stringify({ event })}\n`);

/** Requests of `/slow` still waiting; `/__control/release` lets them answer before their time is up. */
const held = new Set();
function hold(ms) {
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      held.delete(release);
      resolve();
    };
    const timer = setTimeout(release, ms);
    held.add(release);
  });
}

/**
 * The routes every driver mounts; each handler gets { params, body } and returns { status, body } or throws.
 * `root` holds the routes mounted at `/<name>` (GET).
 */
const handlers = {
  todo: ({ params }) => {
    telemetry.logger.info('loading todo');
    return { status: 200, body: { id: params.id } };
  },
  createTodo: ({ body }) => {
    telemetry.logger.info('todo read from the body');
    return { status: 201, body: { titleLength: String(body?.title ?? '').length } };
  },
  stats: ({ params }) => ({ status: 200, body: { day: params.day } }),
  userTodo: ({ params }) => {
    setUser(params.userId);
    telemetry.logger.info('creating todo');
    return { status: 201, body: { todo: params.todoId } };
  },
  root: {
    boom: () => {
      throw new Error('db failed for alice@example.com with token sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    },
    reject: async () => {
      await sleep(1);
      throw new TypeError('rejected');
    },
    // `status`/`statusCode`/`expose` is how all three frameworks' own error handling reads a client error.
    invalid: () => {
      throw Object.assign(new RangeError('invalid input'), { status: 400, statusCode: 400, expose: true });
    },
    explicit500: () => ({ status: 500, body: { error: 'no' } }),
    slow: async () => {
      await hold(config.slowMs ?? 1500);
      return { status: 200, body: { slow: true } };
    },
    context: () => {
      const span = trace.getActiveSpan()?.spanContext();
      const baggage = propagation.getBaggage(context.active());
      telemetry.logger.info('context read');
      return { status: 200, body: { span, baggage: Object.fromEntries(baggage?.getAllEntries() ?? []) } };
    },
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
  if (url.pathname === '/__control/held') return json(res, held.size);
  if (url.pathname === '/__control/release') {
    const count = held.size;
    for (const release of [...held]) release();
    return json(res, count);
  }
  if (url.pathname === '/__control/shutdown') return void telemetry.shutdown().then(() => json(res, {}));
  json(res, {});
}

/** SIGTERM drains: readiness fails, the delay, the server stops accepting, in-flight requests finish, then the
 * driver's own close step (Fastify's app.close()), the telemetry flush and exit 0. */
function drainOnSigterm({ server, close }) {
  installGracefulShutdown(server, {
    health,
    drainDelayMs: config.drainDelayMs ?? 500,
    beforeExit: [
      ...(close ? [close] : []),
      async () => {
        await telemetry.shutdown();
        say('telemetry flushed');
      },
    ],
  });
}

async function main() {
  const driver = require(join(__dirname, '..', 'drivers', `${config.driver}.cjs`));
  const options = { telemetry, health, ...config.http };
  const app = await driver.start({ options, handlers, onClose: () => say('framework closed') });
  drainOnSigterm(app);
  const side = http.createServer(control);
  await new Promise((resolve) => side.listen(0, '127.0.0.1', resolve));
  process.stdout.write(
    `${JSON.stringify({ port: app.server.address().port, control: side.address().port })}\n`,
  );
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
