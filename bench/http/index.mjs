// Express, Koa and Fastify side by side: (a) bare, (b) ours at production defaults (10% sampling, metrics,
// access log to a file), (c) ours at 100% sampling, (d) the official OpenTelemetry setup at 100% sampling with
// the same OTLP exporter and Prometheus metrics. Server pinned to core 1, autocannon to core 0; rounds alternate
// every framework and config. Server CPU per request is also read from /proc (robust to a shared machine), at
// saturation and at one fixed rate for every config (BENCH_RATE req/s, default 1500): at saturation a slower server
// also pays more kernel time per response (waking an idle load generator), so the fixed-rate difference is the
// work a config adds. Build first (pnpm -s build). Usage: node http/index.mjs [rounds] [seconds]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROUNDS = Number(process.argv[2] ?? 3);
const SECONDS = Number(process.argv[3] ?? 5);
const WARMUP_SECONDS = 1;
const RATE = Number(process.env.BENCH_RATE ?? 1500);
const FRAMEWORKS = ['express', 'koa', 'fastify'];
const CONFIGS = ['bare', 'ours', 'ours100', 'otel'];
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const receiverPath = here('../../packages/telemetry/test/support/otlp-receiver.mjs');

/** Starts a child (optionally pinned to a core) and resolves with it and its first stdout JSON line. */
async function startChild(command, args, core) {
  const [cmd, argv] =
    core === undefined ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
  // stdin a pipe: the OTLP receiver exits when its stdin ends (with 'ignore' it would exit at once).
  const child = spawn(cmd, argv, { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffered = '';
  for await (const chunk of child.stdout) {
    buffered += chunk;
    const newline = buffered.indexOf('\n');
    if (newline >= 0) return { child, info: JSON.parse(buffered.slice(0, newline)) };
  }
  throw new Error(`${args.join(' ')} exited before listening`);
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

function load(port, seconds, overallRate) {
  const url = `http://127.0.0.1:${port}/todos/42`;
  return autocannon({ url, connections: 16, duration: seconds, ...(overallRate && { overallRate }) });
}

/** Runs `load` and returns its result and the server's CPU µs per request meanwhile. */
async function measured(label, child, run) {
  const cpuBefore = cpuMicros(child.pid);
  const result = await run();
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: non-2xx responses or errors`);
  return { result, cpu: (cpuMicros(child.pid) - cpuBefore) / result.requests.total };
}

async function measure(framework, config, tracesUrl) {
  const { child, info } = await startChild(
    process.execPath,
    [here('server.cjs'), framework, config, tracesUrl],
    1,
  );
  try {
    await load(info.port, WARMUP_SECONDS);
    const label = `${framework}/${config}`;
    const { result, cpu } = await measured(label, child, () => load(info.port, SECONDS));
    const atRate = await measured(label, child, () => load(info.port, SECONDS, RATE));
    return { rps: result.requests.average, p99: result.latency.p99, cpu, rateCpu: atRate.cpu };
  } finally {
    await stop(child);
  }
}

const TICK_US = 10_000; // USER_HZ = 100 on Linux

/** User + system CPU of a process so far, in µs, from /proc (the server is measured from outside). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

function report(samples) {
  const rows = [];
  for (const framework of FRAMEWORKS) {
    const m = Object.fromEntries(
      CONFIGS.map((config) => {
        const runs = samples.filter((s) => s.framework === framework && s.config === config);
        const pick = (key) => median(runs.map((r) => r[key]));
        return [config, { rps: pick('rps'), p99: pick('p99'), cpu: pick('cpu'), rateCpu: pick('rateCpu') }];
      }),
    );
    const row = { framework };
    for (const config of CONFIGS) {
      row[`${config} req/s`] = Math.round(m[config].rps);
      row[`${config} p99 ms`] = m[config].p99;
    }
    row['(b)/(a)'] = (m.ours.rps / m.bare.rps).toFixed(2);
    row['(c)/(d)'] = (m.ours100.rps / m.otel.rps).toFixed(2);
    row['added µs/req (b)'] = (1e6 / m.ours.rps - 1e6 / m.bare.rps).toFixed(1);
    row['server CPU µs/req a/b/c/d'] = CONFIGS.map((config) => m[config].cpu.toFixed(0)).join('/');
    row['added CPU µs/req (b)'] = (m.ours.cpu - m.bare.cpu).toFixed(1);
    row[`CPU µs/req at ${RATE}/s a/b/c/d`] = CONFIGS.map((config) => m[config].rateCpu.toFixed(0)).join('/');
    row[`added CPU µs/req at ${RATE}/s (b)`] = (m.ours.rateCpu - m.bare.rateCpu).toFixed(1);
    rows.push(row);
  }
  return rows;
}

const receiver = await startChild(process.execPath, [receiverPath, '--keep=false'], 0);
const tracesUrl = `http://127.0.0.1:${receiver.info.port}/v1/traces`;
const samples = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const framework of FRAMEWORKS) {
      for (const config of CONFIGS) {
        const sample = { framework, config, ...(await measure(framework, config, tracesUrl)) };
        samples.push(sample);
        console.error(
          `round ${round} ${framework} ${config}: ${Math.round(sample.rps)} req/s p99 ${sample.p99} ms, ` +
            `CPU ${sample.cpu.toFixed(0)} µs/req (${sample.rateCpu.toFixed(0)} at ${RATE}/s)`,
        );
      }
    }
  }
} finally {
  await stop(receiver.child);
}
console.log(
  `node ${process.version}; ${ROUNDS} rounds x ${SECONDS} s (+${WARMUP_SECONDS} s warm-up), medians`,
);
console.table(report(samples));
