// Consumer smoke test: packs every package, installs the tarballs into a temporary project outside the
// workspace with plain npm (beside the OpenTelemetry and winston packages a service already has), then
// - require()s and import()s each package and calls its main function,
// - loads the ESM and the CJS build of telemetry in one process and proves they are one instance,
// - checks that telemetry shares the app's copy of every SDK package the app already has (caret ranges),
// - compiles the consumer type tests in test/types/ against the packed .d.ts, as ESM and as CJS.
// Probes run on the Node binary running this script: `PATH=<node dir>:$PATH node scripts/consumer-smoke.mjs`.
// `--no-types` skips the type check (it does not depend on the Node line).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_DEPENDENCIES, createConsumerProject, packageNames } from './smoke/consumer-project.mjs';
import { DUAL_BUILD_PROBE } from './smoke/dual-build.mjs';
import { checkSharedCopies } from './smoke/shared-copies.mjs';
import { checkConsumerTypes } from './smoke/type-check.mjs';

const root = resolve(import.meta.dirname, '..');
const names = packageNames(root);
const withTypes = !process.argv.includes('--no-types');

/** One call per package, run once through require() and once through import(). */
const probes = {
  redact: `const r = m.createRedactor(); const out = r.redact({ password: 'hunter2', note: 'mail a@b.example' });
    if (out.password === 'hunter2' || out.note.includes('a@b.example')) throw new Error('not redacted');`,
  health: `const h = m.createHealth({ version: '1.0.0', checks: [] }); const r = await h.live();
    if (r.httpStatus !== 200) throw new Error('live() answered ' + r.httpStatus);`,
  telemetry: `const t = m.startTelemetry({ serviceName: 'smoke', logs: { level: 'error' } });
    t.tracer.startSpan('smoke').end();
    t.defineCounter({ namespace: 'smoke', name: 'probes', help: 'Probes.' }).inc();
    if (!/^smoke_probes_total({[^}]*})? 1$/m.test(await t.metricsText())) throw new Error('counter missing from metricsText()');
    await t.shutdown();`,
  // Telemetry through import() even in the CJS run (the adapter then require()s it): still one instance.
  express: `const { startTelemetry } = await import('@fasttodo/telemetry');
    const express = (await import('express')).default;
    const { Writable } = await import('node:stream');
    const lines = [];
    const stream = new Writable({ write(c, _e, done) { lines.push(String(c)); done(); } });
    const t = startTelemetry({ serviceName: 'smoke', logs: { format: 'json', stream } });
    const app = express();
    app.use(m.expressObservability({ telemetry: t }));
    app.get('/todos/:id', (_req, res) => res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await fetch('http://127.0.0.1:' + server.address().port + '/todos/7');
    if (res.status !== 200 || !res.headers.get('x-request-id')) throw new Error('request answered ' + res.status);
    await new Promise((r) => setTimeout(r, 50));
    if (!lines.some((l) => l.includes('"route":"/todos/:id"') && /"trace_id":"[0-9a-f]{32}"/.test(l)))
      throw new Error('no traced access line with the route: ' + lines.join(''));
    server.close();
    await t.shutdown();`,
  fastify: `const { startTelemetry } = await import('@fasttodo/telemetry');
    const t = startTelemetry({ serviceName: 'smoke', logs: { level: 'error' } });
    const app = (await import('fastify')).default();
    await app.register(m.fastifyObservability, { telemetry: t });
    app.get('/todos/:id', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch('http://127.0.0.1:' + app.server.address().port + '/todos/7');
    if (res.status !== 200 || !res.headers.get('x-request-id')) throw new Error('fastify answered ' + res.status);
    if (!(await t.metricsText()).includes('http_route="/todos/:id"')) throw new Error('request not recorded');
    await app.close(); await t.shutdown();`,
  koa: `const { startTelemetry } = await import('@fasttodo/telemetry');
    const t = startTelemetry({ serviceName: 'smoke', logs: { level: 'error' } });
    const app = new (await import('koa')).default();
    app.use(m.koaObservability({ telemetry: t }));
    app.use((ctx) => { ctx.body = { ok: true }; });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const res = await fetch('http://127.0.0.1:' + server.address().port + '/todos/7');
    if (res.status !== 200 || !res.headers.get('x-request-id')) throw new Error('koa answered ' + res.status);
    if (!/http_server_request_duration_seconds_count\\{[^}]*\\} 1/.test(await t.metricsText())) throw new Error('request not recorded');
    server.close(); await t.shutdown();`,
};

const ESM = ['--input-type=module', '-e'];

/** Runs `code` with this script's Node binary in the consumer project; a result line for the report. */
function run(label, args, code, cwd) {
  try {
    execFileSync(process.execPath, [...args, code], { cwd, stdio: 'pipe', timeout: 30_000 });
    return { ok: true, line: label };
  } catch (error) {
    return { ok: false, line: `${label}\n${error.stderr?.toString() || error}` };
  }
}

function runtimeProbes(dir) {
  const results = [];
  for (const name of names) {
    const probe = probes[name];
    if (!probe) throw new Error(`consumer-smoke: no probe for package "${name}"; add one`);
    const spec = `@fasttodo/${name}`;
    const cjs = `(async () => { const m = require('${spec}'); ${probe} })().catch((e) => { console.error(e); process.exit(1); });`;
    results.push(run(`require(${spec})`, ['-e'], cjs, dir));
    results.push(run(`import(${spec})`, ESM, `const m = await import('${spec}'); ${probe}`, dir));
  }
  results.push(run('ESM + CJS build of telemetry in one process: one instance', ESM, DUAL_BUILD_PROBE, dir));
  return results;
}

const project = createConsumerProject(root);
try {
  const results = [
    ...runtimeProbes(project.dir),
    ...checkSharedCopies(project.dir, '@fasttodo/telemetry', Object.keys(APP_DEPENDENCIES)),
    ...(withTypes ? checkConsumerTypes(root, project.dir) : []),
  ];
  for (const { ok, line } of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${line}`);
  const failures = results.filter((r) => !r.ok).length;
  const version = JSON.parse(
    readFileSync(join(project.dir, 'node_modules/@fasttodo/redact/package.json'), 'utf8'),
  );
  console.log(
    `consumer smoke on Node ${process.versions.node}: ${names.length} packages (redact ${version.version}), ` +
      `${results.length} checks, ${failures} failures`,
  );
  process.exitCode = failures ? 1 : 0;
} finally {
  project.remove();
}
