// Where the time goes: one or more configs of one server, each under a CPU profile on core 1 while autocannon
// loads it from core 0. The profile starts after a warm-up (server.cjs BENCH_CPU_PROFILE), so start-up stays out.
// Prints main-thread µs per request by group (our packages, OpenTelemetry, winston, the framework, node internals,
// native bindings such as the socket and file writes, GC) and by function; with two configs, the difference.
// Build first (pnpm -s build). Usage: node http/profile.mjs [framework] [config[,config2]] [seconds]
//   e.g. node http/profile.mjs fastify bare,ours 6   (PROFILE_JSON=1: one JSON line per config instead)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const [framework = 'express', configList = 'ours', seconds = '5'] = process.argv.slice(2);
const WARMUP_SECONDS = 2;
const TOP = 30;
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

async function startChild(args, core, env = {}) {
  const child = spawn('taskset', ['-c', String(core), process.execPath, ...args], {
    // stdin a pipe: the OTLP receiver exits when its stdin ends.
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  let buffered = '';
  for await (const chunk of child.stdout) {
    buffered += chunk;
    if (buffered.includes('\n')) return { child, info: JSON.parse(buffered.split('\n')[0]) };
  }
  throw new Error(`${args.join(' ')} exited before listening`);
}

/** The group a profile frame belongs to. */
function groupOf(frame) {
  const { url, functionName } = frame;
  if (functionName.startsWith('(')) return functionName;
  if (!url) return 'native bindings (syscalls)';
  if (url.startsWith('node:')) return 'node internals';
  const ours = url.match(/\/packages\/([^/]+)\//);
  if (ours) return `@fasttodo/${ours[1]}`;
  const module = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@[^/]+\/[^/]+|[^/]+)/);
  if (module)
    return /^(winston|logform|readable-stream|winston-transport)$/.test(module[1]) ? 'winston' : module[1];
  return url.includes('/bench/') ? 'benchmark app' : url;
}

/** µs of main-thread self time per request, by function and by group, from a V8 profile. */
function perRequest(profile, requests) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map();
  const groups = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us / requests);
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i]).callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '')}:${frame.lineNumber + 1}` : '';
    add(functions, `${frame.functionName || '(anonymous)'} ${where}`.trim(), us);
    add(groups, groupOf(frame), us);
  }
  return { functions, groups };
}

async function profileOne(config, tracesUrl, dir) {
  const file = join(dir, `${config}.cpuprofile`);
  const server = await startChild([here('server.cjs'), framework, config, tracesUrl], 1, {
    BENCH_CPU_PROFILE: file,
  });
  const url = `http://127.0.0.1:${server.info.port}/todos/42`;
  await autocannon({ url, connections: 16, duration: WARMUP_SECONDS });
  server.child.kill('SIGUSR2');
  const result = await autocannon({ url, connections: 16, duration: Number(seconds) });
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  return { config, rps: result.requests.average, ...perRequest(profile, result.requests.total) };
}

const busy = (map) => [...map].filter(([key]) => key !== '(idle)').reduce((sum, [, us]) => sum + us, 0);
const sorted = (map) => [...map].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));

function print(title, rows, columns) {
  console.log(title);
  for (const [name, ...values] of rows)
    console.log(`${values.map((v) => v.toFixed(2).padStart(columns)).join(' ')}  ${name}`);
}

function report(runs) {
  for (const run of runs)
    console.log(
      `${framework}/${run.config}: ${Math.round(run.rps)} req/s, ${busy(run.groups).toFixed(1)} µs busy/req`,
    );
  if (runs.length === 1) {
    print('µs/request by group:', sorted(runs[0].groups), 7);
    print('µs/request by function:', sorted(runs[0].functions).slice(0, TOP), 7);
    return;
  }
  const [a, b] = runs;
  const diff = (x, y) =>
    sorted(
      new Map([...new Set([...x.keys(), ...y.keys()])].map((k) => [k, (y.get(k) ?? 0) - (x.get(k) ?? 0)])),
    ).map(([k, d]) => [k, d, x.get(k) ?? 0, y.get(k) ?? 0]);
  print(
    `µs/request by group: ${b.config} − ${a.config}, ${a.config}, ${b.config}`,
    diff(a.groups, b.groups),
    7,
  );
  print(
    `µs/request by function: ${b.config} − ${a.config}, ${a.config}, ${b.config}`,
    diff(a.functions, b.functions).slice(0, TOP),
    7,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'bench-http-prof-'));
const receiver = await startChild(
  [here('../../packages/telemetry/test/support/otlp-receiver.mjs'), '--keep=false'],
  0,
);
const tracesUrl = `http://127.0.0.1:${receiver.info.port}/v1/traces`;
const runs = [];
try {
  for (const config of configList.split(',')) runs.push(await profileOne(config, tracesUrl, dir));
} finally {
  receiver.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.PROFILE_JSON === '1') {
  for (const { config, rps, functions, groups } of runs)
    console.log(JSON.stringify({ framework, config, rps, groups: [...groups], functions: [...functions] }));
} else {
  report(runs);
}
