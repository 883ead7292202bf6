// Load-independent cost per request: instructions executed by the server process (all threads: JIT, GC,
// exporters) per request, counted by valgrind's callgrind, for each framework and config of index.mjs.
// Method: start server.cjs under callgrind, warm up with WARMUP requests, zero the counters, send REQUESTS
// more (4 connections), dump, and divide the Ir total by REQUESTS. Needs valgrind (callgrind_control).
// Build first (pnpm -s build). Usage: node http/instructions.mjs [requests] [frameworks] [configs]
//   e.g. node http/instructions.mjs 2000 express,koa,fastify bare,ours,ours100,otel,als (WARMUP=N env: warm-up requests)
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const REQUESTS = Number(process.argv[2] ?? 2000);
const FRAMEWORKS = (process.argv[3] ?? 'express,koa,fastify').split(',');
const CONFIGS = (process.argv[4] ?? 'bare,ours,ours100').split(',');
const WARMUP = Number(process.env.WARMUP ?? REQUESTS);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

async function startChild(command, args) {
  // stdin a pipe: the OTLP receiver exits when its stdin ends (with 'ignore' it would exit at once).
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  let buffered = '';
  for await (const chunk of child.stdout) {
    buffered += chunk;
    const newline = buffered.indexOf('\n');
    if (newline >= 0) return { child, info: JSON.parse(buffered.slice(0, newline)) };
  }
  throw new Error(`${args.join(' ')} exited before listening:\n${errors.slice(-2000)}`);
}

async function send(port, amount) {
  const url = `http://127.0.0.1:${port}/todos/42`;
  // A server under valgrind is ~50x slower: a generous timeout, so a loaded machine gives no false errors.
  const result = await autocannon({ url, connections: 4, amount, timeout: 300 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error('non-2xx or errors');
}

/** The `totals:` (Ir) of the newest callgrind dump in `dir`. */
function dumpedInstructions(dir) {
  const dumps = readdirSync(dir).filter((name) => /\.\d+$/.test(name) || /-\d+$/.test(name));
  const newest = dumps.sort().at(-1);
  const text = readFileSync(join(dir, newest), 'utf8');
  const totals = text.match(/^(?:totals|summary): (\d+)/m);
  if (!totals) throw new Error(`no totals in ${newest}`);
  return Number(totals[1]);
}

async function measure(framework, config, tracesUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-http-cg-'));
  const { child, info } = await startChild('valgrind', [
    '--tool=callgrind',
    '--smc-check=all-non-file',
    `--callgrind-out-file=${join(dir, 'cg.out')}`,
    process.execPath,
    here('server.cjs'),
    framework,
    config,
    tracesUrl,
  ]);
  try {
    await send(info.port, WARMUP);
    execFileSync('callgrind_control', ['-z', String(child.pid)], { stdio: 'ignore' });
    await send(info.port, REQUESTS);
    execFileSync('callgrind_control', ['-d', String(child.pid)], { stdio: 'ignore' });
    return dumpedInstructions(dir) / REQUESTS;
  } finally {
    child.kill('SIGKILL');
    await once(child, 'exit').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

const receiver = await startChild(process.execPath, [
  here('../../packages/telemetry/test/support/otlp-receiver.mjs'),
  '--keep=false',
]);
const tracesUrl = `http://127.0.0.1:${receiver.info.port}/v1/traces`;
const rows = [];
try {
  for (const framework of FRAMEWORKS) {
    const row = { framework };
    for (const config of CONFIGS) {
      const perRequest = await measure(framework, config, tracesUrl);
      row[`${config} instr/req`] = Math.round(perRequest);
      console.error(`${framework} ${config}: ${Math.round(perRequest)} instructions/request`);
    }
    if (row['ours instr/req'] && row['bare instr/req'])
      row['added (b)-(a)'] = row['ours instr/req'] - row['bare instr/req'];
    if (row['ours100 instr/req'] && row['otel instr/req'])
      row['(d)/(c)'] = (row['otel instr/req'] / row['ours100 instr/req']).toFixed(2);
    rows.push(row);
  }
} finally {
  receiver.child.kill('SIGKILL');
}
console.log(
  `node ${process.version}; callgrind Ir per request, ${REQUESTS} requests after ${WARMUP} warm-up`,
);
console.table(rows);
