// Benchmark for @fasttodo/telemetry (build first: pnpm --filter @fasttodo/telemetry build).
//  1. Cost of one instrumented operation (span start/end + histogram record + one JSON log line to a
//     counting null stream), ours vs the same hand-wired with plain OpenTelemetry + winston, both exporting
//     over OTLP/HTTP to a local receiver; and one JSON log line alone with two and with ten fields, ours vs
//     plain winston (timestamp + json format, same stream). The clock stops when the last line's bytes have
//     reached the stream, not when the call returned. Each run is a fresh child process; best of 5 rounds.
//  2. RSS while 200,000 spans are created with the collector black-holed (accepts, never answers).
// Bounded: about a minute in total.
// Before/after comparisons: BENCH_TELEMETRY_ENTRY=/abs/path/to/other/dist/index.js runs "ours" from that build.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEN_FIELDS, TWO_FIELDS } from './records.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RECEIVER = join(here, '..', '..', 'packages', 'telemetry', 'test', 'support', 'otlp-receiver.mjs');
const OPS = 30_000;
const WARMUP = 5_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const RSS_SPANS = 200_000;
const RSS_STEP = 50_000;

function startReceiver(mode) {
  const child = spawn(process.execPath, [RECEIVER, `--mode=${mode}`, '--keep=false'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      const { port } = JSON.parse(line);
      resolve({ url: `http://127.0.0.1:${port}/v1/traces`, stop: () => child.kill('SIGTERM') });
    });
  });
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)))
        : reject(new Error(`child failed: ${code}`)),
    );
  });
}

// ---------------------------------------------------------------- child side

/** A stream that drops what it gets and counts the lines, so the clock can wait for the last one. */
const countingStream = async () => {
  const { Writable } = await import('node:stream');
  const stream = new Writable({
    write: (chunk, _e, done) => {
      stream.lines += countLines(chunk);
      done();
    },
  });
  stream.lines = 0;
  return stream;
};

function countLines(chunk) {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

async function ours(endpoint) {
  const sink = await countingStream();
  // BENCH_TELEMETRY_ENTRY points at another build (an absolute path to its index.js) for before/after runs.
  const { startTelemetry } = await import(process.env.BENCH_TELEMETRY_ENTRY || '@fasttodo/telemetry');
  const telemetry = startTelemetry(
    {
      serviceName: 'bench',
      environment: 'production',
      traces: { endpoint, sampler: 'always_on', timeoutMs: 2000 },
      logs: { stream: sink, format: 'json', level: 'info' },
      metrics: { runtimeMetrics: false },
    },
    {},
  );
  const histogram = telemetry.defineHistogram({
    namespace: 'bench',
    name: 'op_duration',
    unit: 'seconds',
    help: 'Duration of one benchmark operation.',
    labelNames: ['route'],
  });
  const op = () =>
    telemetry.tracer.startActiveSpan('GET /todos', (span) => {
      histogram.observe(0.0012, { route: '/todos' });
      telemetry.logger.info('request done', TWO_FIELDS);
      span.end();
    });
  return {
    sink,
    op,
    span: () => telemetry.tracer.startSpan('span').end(),
    histogram: () => histogram.observe(0.0012, { route: '/todos' }),
    log2: () => telemetry.logger.info('request done', TWO_FIELDS),
    log10: () => telemetry.logger.info('request done', TEN_FIELDS),
    shutdown: () => telemetry.shutdown(),
  };
}

async function plain(endpoint) {
  const sink = await countingStream();
  // The alternative, wired by hand the way the OpenTelemetry and winston docs show it. These packages
  // are dependencies of @fasttodo/telemetry, so they are resolved from there.
  const require = createRequire(join(here, '..', '..', 'packages', 'telemetry', 'package.json'));
  const api = require('@opentelemetry/api');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
  const { MeterProvider } = require('@opentelemetry/sdk-metrics');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
  const { resourceFromAttributes } = require('@opentelemetry/resources');
  const winston = require('winston');
  const resource = resourceFromAttributes({ 'service.name': 'bench' });
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint, timeoutMillis: 2000 }))],
  });
  provider.register();
  const meterProvider = new MeterProvider({
    resource,
    readers: [new PrometheusExporter({ preventServerStart: true })],
  });
  const histogram = meterProvider.getMeter('bench').createHistogram('bench.op.duration', { unit: 's' });
  const traceIds = winston.format((info) => {
    const ctx = api.trace.getActiveSpan()?.spanContext();
    if (ctx) Object.assign(info, { trace_id: ctx.traceId, span_id: ctx.spanId });
    return info;
  });
  const logger = winston.createLogger({
    level: 'info',
    format: winston.format.combine(traceIds(), winston.format.timestamp(), winston.format.json()),
    transports: [new winston.transports.Stream({ stream: sink })],
  });
  const tracer = api.trace.getTracer('bench');
  const op = () =>
    tracer.startActiveSpan('GET /todos', (span) => {
      histogram.record(0.0012, { route: '/todos' });
      logger.info('request done', TWO_FIELDS);
      span.end();
    });
  return {
    sink,
    op,
    span: () => tracer.startSpan('span').end(),
    histogram: () => histogram.record(0.0012, { route: '/todos' }),
    log2: () => logger.info('request done', TWO_FIELDS),
    log10: () => logger.info('request done', TEN_FIELDS),
    shutdown: async () => {
      await provider.shutdown().catch(() => {});
      await meterProvider.shutdown().catch(() => {});
    },
  };
}

/**
 * Run `fn` count times in chunks, yielding so the exporter runs too; returns elapsed ms. With `sink`, the clock
 * stops only once the sink has received `lines` more lines (the log line's bytes reached the stream).
 */
function timed(fn, count, { chunk = 1000, onChunk = () => {}, sink, lines = 0 } = {}) {
  return new Promise((resolve) => {
    let done = 0;
    const expected = (sink?.lines ?? 0) + lines;
    const start = performance.now();
    const finish = () => {
      if (sink && sink.lines < expected) return setImmediate(finish);
      resolve(performance.now() - start);
    };
    const step = () => {
      const n = Math.min(chunk, count - done);
      for (let i = 0; i < n; i++) fn();
      done += n;
      onChunk(done);
      if (done < count) setImmediate(step);
      else finish();
    };
    step();
  });
}

const PARTS = ['op', 'span', 'histogram', 'log2', 'log10'];
const WRITES_A_LINE = new Set(['op', 'log2', 'log10']);

async function childOps(kind, endpoint) {
  const impl = kind === 'ours' ? await ours(endpoint) : await plain(endpoint);
  const result = { kind };
  for (const part of PARTS) {
    const lines = (n) => ({ sink: impl.sink, lines: WRITES_A_LINE.has(part) ? n : 0 });
    await timed(impl[part], WARMUP, lines(WARMUP));
    globalThis.gc?.();
    result[part] = ((await timed(impl[part], OPS, lines(OPS))) * 1000) / OPS;
  }
  await impl.shutdown();
  return result;
}

async function childRss(kind, endpoint) {
  const impl = kind === 'ours' ? await ours(endpoint) : await plain(endpoint);
  const samples = [];
  const sample = (spans) => {
    globalThis.gc?.();
    samples.push({
      spans,
      rssMb: process.memoryUsage().rss / 1048576,
      heapMb: process.memoryUsage().heapUsed / 1048576,
    });
  };
  sample(0);
  await timed(impl.span, RSS_SPANS, {
    onChunk: (done) => {
      if (done % RSS_STEP === 0) sample(done);
    },
  });
  const shutdownStart = performance.now();
  await impl.shutdown();
  return { kind, samples, shutdownMs: performance.now() - shutdownStart };
}

// ---------------------------------------------------------------- parent side

async function main() {
  const ok = await startReceiver('ok');
  const rounds = { ours: [], plain: [] };
  for (let r = 0; r < ROUNDS; r++)
    for (const kind of ['ours', 'plain']) rounds[kind].push(await runChild(['--child=ops', kind, ok.url]));
  ok.stop();
  const bestOf = (kind, part) => Math.min(...rounds[kind].map((r) => r[part]));
  const best = {};
  for (const kind of ['ours', 'plain'])
    best[kind] = Object.fromEntries(PARTS.map((p) => [p, bestOf(kind, p)]));

  // BENCH_SKIP_RSS=1 measures only the per-operation costs (quicker while profiling).
  const rss = {};
  if (!process.env.BENCH_SKIP_RSS) {
    const hole = await startReceiver('blackhole');
    for (const kind of ['ours', 'plain']) rss[kind] = await runChild(['--child=rss', kind, hole.url]);
    hole.stop();
  }

  console.log(
    `\nµs per operation (${OPS} each, best of ${ROUNDS} fresh processes; op = span + histogram + JSON log line;` +
      ' the clock stops when the last line reached the stream)',
  );
  const row = (kind) => ({
    'op (all three)': best[kind].op.toFixed(2),
    'span only': best[kind].span.toFixed(2),
    'histogram only': best[kind].histogram.toFixed(2),
    'log line, 2 fields': best[kind].log2.toFixed(2),
    'log line, 10 fields': best[kind].log10.toFixed(2),
    'op rounds': rounds[kind].map((r) => r.op.toFixed(1)).join(' / '),
  });
  console.table({ '@fasttodo/telemetry': row('ours'), 'plain OpenTelemetry + winston': row('plain') });
  // Paired ratios: round i of ours against round i of plain (same machine load), then the median.
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratios = Object.fromEntries(
    ['op', 'log2', 'log10'].map((p) => [
      p,
      median(rounds.ours.map((r, i) => r[p] / rounds.plain[i][p])).toFixed(3),
    ]),
  );
  console.log('ours / plain, median of paired rounds:', ratios);
  if (process.env.BENCH_SKIP_RSS) return console.log(JSON.stringify({ best, ratios }, null, 0));
  console.log(`\nRSS (MB) while creating ${RSS_SPANS} spans, collector black-holed`);
  const table = {};
  for (const kind of ['ours', 'plain'])
    table[kind === 'ours' ? '@fasttodo/telemetry' : 'plain OpenTelemetry'] = Object.fromEntries([
      ...rss[kind].samples.map((s) => [`${s.spans / 1000}k`, s.rssMb.toFixed(1)]),
      ['shutdown ms', rss[kind].shutdownMs.toFixed(0)],
    ]);
  console.table(table);
  console.log(JSON.stringify({ best, ratios, rss }, null, 0));
}

const childArg = process.argv.find((a) => a.startsWith('--child='));
if (childArg) {
  const [kind, endpoint] = process.argv.slice(3);
  const result = childArg === '--child=ops' ? await childOps(kind, endpoint) : await childRss(kind, endpoint);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await main();
}
