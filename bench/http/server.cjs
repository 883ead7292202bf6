// One benchmark server: argv framework (express|koa|fastify), config (bare|ours|ours100|otel|als), OTLP traces URL;
// env knobs BENCH_LOG_SINK, BENCH_TRACES, BENCH_ACCESS_LOG, BENCH_KEEP_ERRORS, BENCH_CPU_PROFILE (below).
// `als` is the bare framework with one AsyncLocalStorage run per request: the floor of any context propagation.
// CommonJS on purpose: the official instrumentations patch `require`, so for `otel` the SDK starts before the
// framework is required. Prints one JSON line {"port":N} once listening.
'use strict';
const fs = require('node:fs');
const { Writable } = require('node:stream');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const [framework, config, tracesUrl] = process.argv.slice(2);
const todo = (id) => ({ id, title: 'Write the benchmark', done: false });

function startOtel() {
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
  const {
    BatchSpanProcessor,
    ParentBasedSampler,
    TraceIdRatioBasedSampler,
  } = require('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
  const { MeterProvider } = require('@opentelemetry/sdk-metrics');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
  const { resourceFromAttributes } = require('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
  const { metrics } = require('@opentelemetry/api');
  const resource = resourceFromAttributes({ 'service.name': 'bench' });
  const provider = new NodeTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(1) }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl }))],
  });
  provider.register();
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  metrics.setGlobalMeterProvider(new MeterProvider({ resource, readers: [prometheus] }));
  const instrumentations = [new HttpInstrumentation()];
  if (framework === 'express') {
    const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');
    instrumentations.push(new ExpressInstrumentation());
  } else if (framework === 'koa') {
    const { KoaInstrumentation } = require('@opentelemetry/instrumentation-koa');
    instrumentations.push(new KoaInstrumentation());
  }
  registerInstrumentations({ instrumentations });
  return prometheus;
}

// Where the access log goes (BENCH_LOG_SINK): `file` (default) is a file written the way Node writes a process's
// stdout redirected to a file (the SDK's default destination: one synchronous write per line); `stream` is
// fs.createWriteStream (each write a libuv thread-pool job, which on the pinned core preempts the server);
// `discard` drops every line, to measure what the I/O itself costs.
function logSink() {
  const sink = process.env.BENCH_LOG_SINK ?? 'file';
  if (sink === 'discard') return new Writable({ write: (_chunk, _encoding, done) => done() });
  const path = join(tmpdir(), `bench-http-access-${process.pid}.log`);
  process.on('exit', () => fs.rmSync(path, { force: true }));
  if (sink === 'stream') return fs.createWriteStream(path);
  const fd = fs.openSync(path, 'w');
  return new Writable({
    write(chunk, _encoding, done) {
      fs.writeSync(fd, chunk);
      done();
    },
  });
}

function startOurs() {
  const { startTelemetry } = require('@fasttodo/telemetry');
  const file = logSink();
  // BENCH_TRACES=none: no span export (spans are still made), to see what the export costs.
  const traces =
    process.env.BENCH_TRACES === 'none' ? { exporter: 'none' } : { exporter: 'otlp', endpoint: tracesUrl };
  if (config === 'ours100') traces.sampleRatio = 1;
  // BENCH_KEEP_ERRORS=0: unsampled requests get no recorded span (keep-errors off).
  if (process.env.BENCH_KEEP_ERRORS === '0') traces.keepErrors = { enabled: false };
  return startTelemetry(
    { serviceName: 'bench', environment: 'production', traces, logs: { format: 'json', stream: file } },
    {},
  );
}

const prometheus = config === 'otel' ? startOtel() : undefined;
// BENCH_ACCESS_LOG=0: no access line, to see what it costs.
const ourOptions = { accessLog: process.env.BENCH_ACCESS_LOG !== '0' };
const als = config === 'als' ? new (require('node:async_hooks').AsyncLocalStorage)() : undefined;
const telemetry = config.startsWith('ours') ? startOurs() : undefined;

function listen(server) {
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
}

function express() {
  const app = require('express')();
  const observability =
    telemetry && require('@fasttodo/express').expressObservability({ telemetry, ...ourOptions });
  if (observability) app.use(observability);
  if (als) app.use((_req, _res, next) => als.run({}, next));
  app.get('/todos/:id', (req, res) => res.json(todo(req.params.id)));
  if (prometheus) app.get('/metrics', (req, res) => prometheus.getMetricsRequestHandler(req, res));
  if (observability) app.use(observability.errorHandler);
  listen(require('node:http').createServer(app));
}

function koa() {
  const Koa = require('koa');
  const Router = require('@koa/router');
  const app = new Koa();
  if (telemetry) app.use(require('@fasttodo/koa').koaObservability({ telemetry, ...ourOptions }));
  if (als) app.use((_ctx, next) => als.run({}, next));
  const router = new Router();
  router.get('/todos/:id', (ctx) => {
    ctx.body = todo(ctx.params.id);
  });
  app.use(router.routes());
  listen(require('node:http').createServer(app.callback()));
}

async function fastify() {
  let otelPlugin;
  if (prometheus) {
    const { FastifyOtelInstrumentation } = require('@fastify/otel');
    otelPlugin = new FastifyOtelInstrumentation().plugin();
  }
  const app = require('fastify')();
  if (otelPlugin) await app.register(otelPlugin);
  if (telemetry)
    await app.register(require('@fasttodo/fastify').fastifyObservability, { telemetry, ...ourOptions });
  if (als) app.addHook('onRequest', (_request, _reply, done) => als.run({}, done));
  app.get('/todos/:id', async (request) => todo(request.params.id));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ port: app.server.address().port }));
}

// BENCH_CPU_PROFILE=<file> (profile.mjs): SIGUSR2 starts a CPU profile after the warm-up, SIGTERM writes it, so
// start-up and warm-up stay out of the per-request figures.
const profileFile = process.env.BENCH_CPU_PROFILE;
const session = profileFile && new (require('node:inspector').Session)();
if (session) {
  session.connect();
  process.on('SIGUSR2', () => {
    session.post('Profiler.enable', () => session.post('Profiler.start'));
  });
}
process.on('SIGTERM', () => {
  if (!session) process.exit(0);
  session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(profileFile, JSON.stringify(result.profile));
    process.exit(0);
  });
});
({ express, koa, fastify })[framework]();
