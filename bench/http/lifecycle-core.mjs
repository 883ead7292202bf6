// CPU cost of the framework-neutral HTTP lifecycle alone (no sockets, no framework), per request:
// endpoint() check + start() + run() + setRoute() + end() with a realistic header set, at production
// defaults (10% sampling, duration metric, one JSON access-log line to a file) and at 100% sampling.
// Build first (pnpm -s build). Usage: node bench/http/lifecycle-core.mjs [ratio] ; one ratio per process.
// Env: BENCH_OPS (requests per round, 5 rounds), BENCH_ACCESS_LOG=0 (no access line), BENCH_KEEP_ERRORS=0.
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpObservability, startTelemetry } from '@fasttodo/telemetry';

const ratio = Number(process.argv[2] ?? '0.1');
const OPS = Number(process.env.BENCH_OPS ?? 50_000);
const ROUNDS = 5;
const file = createWriteStream(join(tmpdir(), `http-lifecycle-bench-${process.pid}.log`));
const telemetry = startTelemetry(
  {
    serviceName: 'bench',
    environment: 'production',
    traces: {
      sampleRatio: ratio,
      exporter: 'none',
      keepErrors: { enabled: process.env.BENCH_KEEP_ERRORS !== '0' },
    },
    logs: { format: 'json', level: 'info', stream: file },
  },
  {},
);
const http = createHttpObservability({ telemetry, accessLog: process.env.BENCH_ACCESS_LOG !== '0' });
const headers = {
  host: 'api.example.com',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  authorization: 'Bearer abc.def.ghi',
};

function one(i) {
  const info = {
    method: 'GET',
    url: `/api/v1/todos/${i}?page=2`,
    headers,
    remoteAddress: '10.1.2.3',
    httpVersion: '1.1',
  };
  if (http.endpoint(info)) throw new Error('not an endpoint');
  const request = http.start(info);
  request.run(() => request.setRoute('/api/v1/todos/:id'));
  request.end({ statusCode: 200, responseBytes: 42 });
}

const results = [];
for (let round = 0; round < ROUNDS; round++) {
  const started = process.cpuUsage();
  for (let i = 0; i < OPS; i++) one(i);
  await new Promise((resolve) => file.write('', resolve));
  const used = process.cpuUsage(started);
  results.push((used.user + used.system) / OPS);
}
results.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    sampleRatio: ratio,
    opsPerRound: OPS,
    cpuUsPerRequest: { best: results[0], median: results[2] },
  }),
);
await telemetry.shutdown();
file.end();
