// One JSON log line, @fasttodo/telemetry against plain winston (timestamp + json format), in ONE process:
// batches of 5,000 lines alternate between the two loggers (same JIT state, same GC pressure), the clock of a
// batch stops when its last line reached the stream, and the median of the 15 paired batch ratios is reported.
// Less noisy than comparing separate processes on a shared machine.
// Run: node bench/telemetry/log-line-ab.mjs [2|10]   (BENCH_TELEMETRY_ENTRY=/abs/dist/index.js for another build)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { TEN_FIELDS, TWO_FIELDS } from './records.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', '..', 'packages', 'telemetry', 'package.json'));
const winston = require('winston');
const { startTelemetry } = await import(process.env.BENCH_TELEMETRY_ENTRY || '@fasttodo/telemetry');

const BATCH = 5000;
const ROUNDS = 15;

function countingStream() {
  const stream = new Writable({
    write(_chunk, _encoding, done) {
      stream.lines++;
      done();
    },
  });
  stream.lines = 0;
  return stream;
}

const ourSink = countingStream();
const plainSink = countingStream();
const telemetry = startTelemetry(
  {
    serviceName: 'bench',
    environment: 'production',
    traces: { exporter: 'none' },
    logs: { stream: ourSink, format: 'json', level: 'info' },
    metrics: { runtimeMetrics: false },
  },
  {},
);
const plain = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Stream({ stream: plainSink })],
});

/** µs per line for one batch, the clock stopping once the batch's last line reached the stream. */
async function batch(logger, sink, fields) {
  const want = sink.lines + BATCH;
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) {
    logger.info('request done', fields);
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
  }
  while (sink.lines < want) await new Promise((resolve) => setImmediate(resolve));
  return ((performance.now() - start) * 1000) / BATCH;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function compare(label, fields) {
  for (let i = 0; i < 3; i++) {
    await batch(telemetry.logger, ourSink, fields);
    await batch(plain, plainSink, fields);
  }
  const ours = [];
  const theirs = [];
  const ratios = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = await batch(telemetry.logger, ourSink, fields);
    const b = await batch(plain, plainSink, fields);
    ours.push(a);
    theirs.push(b);
    ratios.push(a / b);
  }
  return { record: label, ours: median(ours), plain: median(theirs), ratio: median(ratios) };
}

const only = process.argv[2];
const rows = [];
if (only !== '10') rows.push(await compare('2 fields', TWO_FIELDS));
if (only !== '2') rows.push(await compare('10 fields', TEN_FIELDS));
console.table(
  rows.map((r) => ({
    record: r.record,
    'ours µs': r.ours.toFixed(2),
    'plain winston µs': r.plain.toFixed(2),
    'ours / plain (median of paired batches)': r.ratio.toFixed(3),
  })),
);
console.log(JSON.stringify(rows));
await telemetry.shutdown();
