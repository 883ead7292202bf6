// Consumer smoke test: packs every package, installs the tarballs into a temporary project outside the
// workspace with plain npm, then require()s and import()s each one and calls its main function.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const names = readdirSync(packagesDir).filter((d) => !d.startsWith('.'));

/** One call per package, run once through require() and once through import(). */
const probes = {
  redact: `const r = m.createRedactor(); const out = r.redact({ password: 'hunter2', note: 'mail a@b.example' });
    if (out.password === 'hunter2' || out.note.includes('a@b.example')) throw new Error('not redacted');`,
  health: `const h = m.createHealth({ version: '1.0.0', checks: [] }); const r = await h.live();
    if (r.httpStatus !== 200) throw new Error('live() answered ' + r.httpStatus);`,
  telemetry: `const t = m.startTelemetry({ serviceName: 'smoke', logs: { level: 'error' } });
    t.tracer.startSpan('smoke').end(); if (typeof (await t.metricsText()) !== 'string') throw new Error('no metrics');
    await t.shutdown();`,
};

const work = mkdtempSync(join(tmpdir(), 'fasttodo-smoke-'));
try {
  const tarballs = {};
  for (const name of names) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: join(packagesDir, name) });
    const file = out.toString().trim().split('\n').pop();
    tarballs[`@fasttodo/${name}`] = `file:${resolve(work, file.split('/').pop())}`;
  }
  const deps = { ...tarballs, '@opentelemetry/api': '1.10.0' };
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'smoke', private: true, dependencies: deps, overrides: tarballs }, null, 2),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: work,
    stdio: 'inherit',
  });

  let failures = 0;
  for (const name of names) {
    const probe = probes[name];
    if (!probe) throw new Error(`consumer-smoke: no probe for package "${name}"; add one`);
    const spec = `@fasttodo/${name}`;
    const cjs = `(async () => { const m = require('${spec}'); ${probe} })().catch((e) => { console.error(e); process.exit(1); });`;
    const esm = `const m = await import('${spec}'); ${probe}`;
    for (const [kind, code, args] of [
      ['require', cjs, ['-e']],
      ['import', esm, ['--input-type=module', '-e']],
    ]) {
      try {
        execFileSync(process.execPath, [...args, code], { cwd: work, stdio: 'pipe', timeout: 30_000 });
        console.log(`  ok   ${kind}(${spec})`);
      } catch (error) {
        failures++;
        console.log(`  FAIL ${kind}(${spec})\n${error.stderr?.toString() ?? error}`);
      }
    }
  }
  const version = JSON.parse(readFileSync(join(work, 'node_modules/@fasttodo/redact/package.json'), 'utf8'));
  console.log(`consumer smoke: ${names.length} packages (redact ${version.version}), ${failures} failures`);
  process.exitCode = failures ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
