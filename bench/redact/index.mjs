// Benchmark @fasttodo/redact side by side with fast-redact and @pinojs/redact (build first:
// `pnpm --filter @fasttodo/redact build`). Every contender produces a JSON string from the same record.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createRedactor } from '@fasttodo/redact';

const require = createRequire(import.meta.url);
const fastRedact = require('fast-redact');
const pinoRedact = require('@pinojs/redact');

const ROUNDS = 7;
const ROUND_MS = 400;

/** A realistic ~30-field access-log record (pino-http shape plus app fields). */
function record(i) {
  return {
    level: 30,
    time: 1732660000000 + i,
    pid: 4242,
    hostname: 'api-7d9f8c6b5-x2k4p',
    msg: 'request completed',
    reqId: `req-${i}`,
    req: {
      id: i,
      method: 'POST',
      url: '/api/v1/todos?page=2&sort=desc',
      remoteAddress: '10.0.3.17',
      remotePort: 53122,
      headers: {
        host: 'api.fasttodo.dev',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36',
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig',
        cookie: 'sid=abcdef0123456789; theme=dark',
        'x-request-id': '6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b',
      },
    },
    res: {
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'set-cookie': ['sid=abc; HttpOnly'] },
    },
    user: { id: 'u_1842', name: 'Ada', email: 'ada@example.com', password: 'correct horse battery staple' },
    body: {
      title: 'Buy milk',
      done: false,
      tags: ['home', 'errands'],
      card: { number: '4111111111111111', cvv: '123' },
    },
    responseTime: 12.7,
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    service: { name: 'fasttodo-api', version: '1.4.2', env: 'production' },
  };
}

const PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'user.email',
  'user.password',
  'body.card.number',
  'body.card.cvv',
];

function measure(fn, inputs) {
  const results = [];
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += fn(inputs[i % inputs.length]).length; // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    let ops = 0;
    const start = performance.now();
    while (performance.now() - start < ROUND_MS) {
      for (let i = 0; i < 200; i++) sink += fn(inputs[(ops + i) % inputs.length]).length;
      ops += 200;
    }
    results.push((ops * 1000) / (performance.now() - start));
  }
  if (sink === 0) throw new Error('unreachable');
  return median(results);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Copy of a record with `suffix` appended to every string value. */
function uniqueStrings(value, suffix) {
  if (typeof value === 'string') return value + suffix;
  if (Array.isArray(value)) return value.map((v) => uniqueStrings(v, suffix));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, uniqueStrings(v, suffix)]));
  }
  return value;
}

function objectBench(title, inputs) {
  const ours = createRedactor({ paths: PATHS, detectors: false });
  const oursDefaults = createRedactor({ paths: PATHS });
  const fast = fastRedact({ paths: PATHS }); // serializes with JSON.stringify, restores the input
  const pino = pinoRedact({ paths: PATHS }); // serialize defaults to JSON.stringify
  const rows = [
    ['@pinojs/redact 0.4.0 (paths)', measure((o) => pino(o), inputs)],
    ['fast-redact 3.5.0 (paths)', measure((o) => fast(o), inputs)],
    ['ours: paths + keys, detectors off', measure((o) => JSON.stringify(ours.redact(o)), inputs)],
    [
      'ours: paths + defaults (keys + detectors)',
      measure((o) => JSON.stringify(oursDefaults.redact(o)), inputs),
    ],
  ];
  const base = rows[0][1];
  console.log(`\n${title}`);
  console.table(
    rows.map(([name, ops]) => ({
      contender: name,
      'ops/s': Math.round(ops),
      'vs @pinojs/redact': `${(ops / base).toFixed(2)}x`,
    })),
  );
  return rows.map(([name, ops]) => ({
    name,
    opsPerSec: Math.round(ops),
    ratioVsPinojsRedact: +(ops / base).toFixed(2),
  }));
}

function cleanText(bytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-11-26T22:${String(i % 60).padStart(2, '0')}:05.123Z INFO worker ${i % 8} processed batch ${i} of todos in ${(i % 97) + 3} ms; queue depth ${i % 13}, cache hit ratio 0.${i % 10}7, version 1.4.${i % 9} build 20261126.${i % 5}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function denseText(bytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `user ada${i}@example.com paid with 4111 1111 1111 1111 from +1 415 555 ${String(2000 + (i % 7000))}, ssn 123-45-6789, token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIke2l9In0.c2lnbmF0dXJl iban DE89370400440532013000 key AKIAIOSFODNN7EXAMPLE`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** A URL with credentials nested in its own query value, repeated (the input that hung before issue 8). */
function nestedUrls(bytes) {
  const unit = 'http://u:p@a/?x=';
  return unit.repeat(Math.ceil(bytes / unit.length));
}

function textBench() {
  const r = createRedactor();
  const rows = [];
  for (const [name, text] of [
    ['clean log text', cleanText(1 << 20)],
    ['PII-dense text', denseText(1 << 20)],
    ['nested URLs (hostile)', nestedUrls(1 << 20)],
  ]) {
    r.redactText(text);
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      r.redactText(text);
      times.push(performance.now() - start);
    }
    const ms = median(times);
    rows.push({
      input: name,
      MB: +(text.length / 1048576).toFixed(2),
      'ms (median)': +ms.toFixed(1),
      'MB/s': +(text.length / 1048576 / (ms / 1000)).toFixed(1),
    });
  }
  console.log('\nredactText throughput on ~1 MB of text, default detectors (median of 7 runs)');
  console.table(rows);
  return rows;
}

const started = performance.now();
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
const objects = objectBench(
  'Object redaction, ~30-field log record -> JSON string, 64 records cycled (values repeat, as in real logs)',
  Array.from({ length: 64 }, (_, i) => record(i)),
);
const uniqueObjects = objectBench(
  'Same, 8192 records with every string unique (our clean-string cache never hits)',
  Array.from({ length: 8192 }, (_, i) => uniqueStrings(record(i), `-${i}`)),
);
const text = textBench();
console.log('\nJSON:', JSON.stringify({ objects, uniqueObjects, text }));
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
