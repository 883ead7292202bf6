// Where the time goes: one server (default: Express, config `ours`) under --cpu-prof on core 1 for a few seconds
// of autocannon load on core 0, then the top self-time functions. Build first (pnpm -s build).
// Usage: node http/profile.mjs [framework] [config] [seconds]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const [framework = 'express', config = 'ours', seconds = '5'] = process.argv.slice(2);
const TOP = 25;
const json = process.env.PROFILE_JSON === '1';
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

async function startChild(args, core) {
  const child = spawn('taskset', ['-c', String(core), process.execPath, ...args], {
    // stdin a pipe: the OTLP receiver exits when its stdin ends.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffered = '';
  for await (const chunk of child.stdout) {
    buffered += chunk;
    if (buffered.includes('\n')) return { child, info: JSON.parse(buffered.split('\n')[0]) };
  }
  throw new Error(`${args.join(' ')} exited before listening`);
}

/** Self time per function (name and file:line), in ms, from a V8 .cpuprofile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ticks = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i]).callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`;
    ticks.set(key, (ticks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return [...ticks].sort((x, y) => y[1] - x[1]);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-http-prof-'));
const receiver = await startChild(
  [here('../../packages/telemetry/test/support/otlp-receiver.mjs'), '--keep=false'],
  0,
);
const tracesUrl = `http://127.0.0.1:${receiver.info.port}/v1/traces`;
const server = await startChild(
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, here('server.cjs'), framework, config, tracesUrl],
  1,
);
const url = `http://127.0.0.1:${server.info.port}/todos/42`;
const result = await autocannon({ url, connections: 16, duration: Number(seconds) });
server.child.kill('SIGTERM');
await once(server.child, 'exit');
receiver.child.kill('SIGKILL');
const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
rmSync(dir, { recursive: true, force: true });
const times = selfTimes(profile);
const total = times.reduce((sum, [, ms]) => sum + ms, 0);
if (json) {
  // µs of self time per request, per function, for diffing two configs.
  const perRequest = times.map(([name, ms]) => [name, (ms * 1000) / result.requests.total]);
  console.log(JSON.stringify({ framework, config, rps: result.requests.average, perRequest }));
  process.exit(0);
}
console.log(
  `${framework}/${config}: ${Math.round(result.requests.average)} req/s; top self time of ${Math.round(total)} ms`,
);
const byModule = new Map();
for (const [name, ms] of times) {
  const where = name.split(' ')[1] ?? '';
  const module = where.match(/^(@[^/]+\/[^/]+|[^/:]+)/)?.[1] ?? '';
  const key = name.startsWith('(')
    ? name.trim()
    : where.includes('/packages/')
      ? where.replace(/^.*\/packages\/([^/]+).*$/, '@fasttodo/$1')
      : module || name;
  byModule.set(key, (byModule.get(key) ?? 0) + ms);
}
console.log('by module:');
for (const [name, ms] of [...byModule].sort((x, y) => y[1] - x[1]).slice(0, 12))
  console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
console.log('by function:');
for (const [name, ms] of times.slice(0, TOP))
  console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
