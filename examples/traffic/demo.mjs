// The main job (`bash scripts/demo.sh`): starts the Express example on built-in defaults (no collector, no
// database), drives the traffic scenario, shows where to look and a few log lines (trace correlation,
// redaction), then drains it with SIGTERM and exits. `--serve` keeps it serving until Ctrl-C.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { EXPECTED_STEPS, runScenario } from './scenario.mjs';

const serve = process.argv.includes('--serve');
const app = fileURLToPath(new URL('../express-todo', import.meta.url));
// A one-shot run takes any free port unless PORT is set; --serve uses the service's default (3000).
const env = { ...process.env, ...(serve || process.env.PORT ? {} : { PORT: '0', DRAIN_DELAY_MS: '200' }) };
const child = spawn(process.execPath, [app], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const exited = once(child, 'exit').then(([code]) => code);
// However this script ends (an error included), the app does not outlive it.
process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
});

const section = (title) => console.log(`\n== ${title}`);
const logLines = () => output.split('\n').filter((line) => / (INFO|WARN|ERROR) +\[/.test(line));

async function listening() {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const url = /^FastTodo \(express\) listening on (\S+)$/m.exec(output)?.[1];
    if (url) return url;
    if (child.exitCode !== null || Date.now() > deadline) {
      process.stdout.write(output);
      throw new Error('the Express example did not start (is the port taken? set PORT)');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The log lines of the first request that created a todo: same trace_id on the app's line and the access log. */
function correlatedLines() {
  const created = logLines().find((line) => line.includes(' todo created '));
  const traceId = / trace_id=(\w+)/.exec(created ?? '')?.[1];
  return traceId ? logLines().filter((line) => line.includes(`trace_id=${traceId}`)) : [];
}

const url = await listening();
console.log(
  `FastTodo (express) listening on ${url}  (no collector, no database; OTEL_EXPORTER_OTLP_ENDPOINT exports traces)`,
);

section('traffic scenario (examples/traffic/scenario.mjs)');
const steps = await runScenario(url);
for (const { step, status } of steps) console.log(`  ${status}  ${step}`);
const asExpected = JSON.stringify(steps) === JSON.stringify(EXPECTED_STEPS);

section('where to look');
console.log(
  `  ${url}/metrics        Prometheus text (fasttodo_* business metrics, http_server_request_duration_seconds)`,
);
console.log(`  ${url}/health/ready   readiness (also /health/live, /health/startup)`);
const ready = await fetch(`${url}/health/ready`);
console.log(`  GET /health/ready → ${ready.status} ${JSON.stringify((await ready.json()).status)}`);
const metrics = (await (await fetch(`${url}/metrics`)).text()).split('\n');
for (const line of metrics.filter((l) =>
  /^fasttodo_(logins|todos_created|ai_requests|circuit_breaker_state)/.test(l),
))
  console.log(`  ${line.replace(/,?otel_scope_name="[^"]*"/, '').replace('{}', '')}`);

section('one request, correlated by trace_id (the app line and the access log)');
for (const line of correlatedLines()) console.log(`  ${line}`);
section('a redacted field (the failed login logs the e-mail it was given, on purpose)');
for (const line of logLines().filter((l) => l.includes(' login failed '))) console.log(`  ${line}`);

if (serve) {
  section('serving');
  console.log(`  ${url} — Ctrl-C (SIGINT) or SIGTERM drains and stops it`);
  child.stdout.pipe(process.stdout);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  process.exitCode = (await exited) ?? 1;
} else {
  child.kill('SIGTERM');
  const code = await exited;
  section('shutdown');
  console.log(
    `  SIGTERM → readiness failed, in-flight requests drained, telemetry flushed, exit code ${code}`,
  );
  if (!asExpected)
    console.log('  unexpected statuses: compare with EXPECTED_STEPS in examples/traffic/scenario.mjs');
  process.exitCode = code === 0 && asExpected ? 0 : 1;
  console.log(process.exitCode === 0 ? '\nFastTodo demo: done.' : '\nFastTodo demo: FAILED');
}
