// Probe storm: 5,000 readiness requests against @fasttodo/health (shared + cached checks) and against a naive
// handler that runs the same three checks on every request (how terminus-style handlers work without a cache).
// Each server runs in its own child process so the load generator does not share its event loop.
// Build first: pnpm --filter @fasttodo/health build
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { createHealth, writeHealthResponse } from '@fasttodo/health';

const REQUESTS = 5000;
const CONNECTIONS = 50;
const CACHE_MS = [1000, 200]; // the default, and a short one so the storm spans several refreshes
const SLOW_MS = 50;

function makeChecks(counts) {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const counted = (name, work) => async () => {
    counts[name]++;
    await work();
  };
  return [
    { name: 'db', check: counted('db', () => sleep(SLOW_MS)) },
    { name: 'cache', check: counted('cache', () => sleep(1)) },
    { name: 'disk', check: counted('disk', async () => undefined) },
  ];
}

function serve(mode, cacheMs) {
  const counts = { db: 0, cache: 0, disk: 0 };
  const checks = makeChecks(counts);
  const health = createHealth({ version: 'bench', cacheMs, checks });
  const naive = async () => {
    const results = await Promise.allSettled(checks.map((c) => c.check(AbortSignal.timeout(2000))));
    const ok = results.every((r) => r.status === 'fulfilled');
    return { httpStatus: ok ? 200 : 503, body: { status: ok ? 'pass' : 'fail', checks: {} } };
  };
  const server = createServer(async (req, res) => {
    if (req.url === '/counts') return res.end(JSON.stringify(counts));
    writeHealthResponse(res, mode === 'cached' ? await health.ready() : await naive());
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

function startServer(mode, cacheMs) {
  const child = fork(new URL(import.meta.url), ['serve', mode, String(cacheMs)]);
  return new Promise((resolve) => child.once('message', ({ port }) => resolve({ child, port })));
}

async function storm(mode, cacheMs = 0) {
  const { child, port } = await startServer(mode, cacheMs);
  try {
    const url = `http://127.0.0.1:${port}/ready`;
    await fetch(url).then((r) => r.text()); // warm-up: one run, so both start from the same state
    const started = performance.now();
    const result = await autocannon({ url, connections: CONNECTIONS, amount: REQUESTS });
    const durationMs = performance.now() - started;
    const counts = await (await fetch(`http://127.0.0.1:${port}/counts`)).json();
    const bound = Math.ceil(durationMs / cacheMs) + 1;
    return { mode, cacheMs, result, durationMs, counts, bound };
  } finally {
    child.kill();
  }
}

function row(run) {
  const { mode, cacheMs, result, durationMs, counts, bound } = run;
  return {
    handler: mode === 'cached' ? `createHealth cacheMs=${cacheMs}` : 'naive (no cache)',
    'duration ms': Math.round(durationMs),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    'req/s': Math.round((result.requests.total / durationMs) * 1000),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'db calls': counts.db,
    'cache calls': counts.cache,
    'disk calls': counts.disk,
    'bound/check': mode === 'cached' ? bound : '-',
  };
}

async function main() {
  const runs = [];
  for (const cacheMs of CACHE_MS) runs.push(await storm('cached', cacheMs));
  runs.push(await storm('naive'));
  const rows = runs.map(row);
  console.log(
    `\n@fasttodo/health probe storm: ${REQUESTS} GET /ready per handler, ${CONNECTIONS} connections`,
  );
  console.log('checks: db (50 ms), cache (1 ms), disk (instant); calls include one warm-up request\n');
  console.table(rows);
  const naive = rows.at(-1);
  for (const cached of rows.slice(0, -1)) {
    const calls = (naive['db calls'] / cached['db calls']).toFixed(0);
    const p99 = (naive['p99 ms'] / Math.max(cached['p99 ms'], 1)).toFixed(1);
    const within = ['db calls', 'cache calls', 'disk calls'].every((k) => cached[k] <= cached['bound/check']);
    console.log(`${cached.handler}: naive makes ${calls}x the dependency calls, naive p99 is ${p99}x;`);
    console.log(
      `  calls per check within ceil(duration/cacheMs)+1 = ${cached['bound/check']}: ${within ? 'yes' : 'NO'}`,
    );
  }
  console.log(`\nJSON ${JSON.stringify(rows)}`);
}

if (process.argv[2] === 'serve') serve(process.argv[3], Number(process.argv[4]));
else await main();
