// The lockfile pins what we test: one version of each OpenTelemetry package and of winston (a second copy of
// an SDK package means two registries that do not see each other), and every one of them inside the range
// @fasttodo/telemetry publishes, so what we test is what a fresh install may pick.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const WATCHED = /^(@opentelemetry\/[^@]+|winston)$/;

/** `name -> versions` from the `packages:` section of pnpm-lock.yaml (keys like `'@scope/name@1.2.3':`). */
function lockedVersions(lockfile) {
  const section = lockfile.split(/^packages:$/m)[1]?.split(/^snapshots:$/m)[0] ?? '';
  const versions = new Map();
  for (const match of section.matchAll(/^ {2}'?((?:@[^@/\s]+\/)?[^@\s']+)@([^('\s:]+)/gm)) {
    const [, name, version] = match;
    if (!WATCHED.test(name)) continue;
    versions.set(name, [...new Set([...(versions.get(name) ?? []), version])]);
  }
  return versions;
}

/** `^x.y.z` (caret, as npm reads it for 0.x too) or an exact version, against one version. */
function satisfies(version, range) {
  const [v, r] = [version, range.replace(/^\^/, '')].map((s) => s.split('.').map(Number));
  if (!range.startsWith('^')) return version === range;
  const fixed = r[0] > 0 ? 1 : r[1] > 0 ? 2 : 3; // leading parts that must stay equal
  for (let i = 0; i < fixed; i++) if (v[i] !== r[i]) return false;
  for (let i = 0; i < 3; i++) if (v[i] !== r[i]) return v[i] > r[i];
  return true;
}

// The benchmark measures the official Fastify instrumentation, `@fastify/otel` 0.21, whose every release needs
// `@opentelemetry/instrumentation` ^0.222 (and so `api-logs` 0.222). Those copies serve only that competitor in
// the private bench workspace; nothing we publish or test resolves them.
const BENCH_ALTERNATIVE = new Map([
  ['@opentelemetry/instrumentation', '0.222.0'],
  ['@opentelemetry/api-logs', '0.222.0'],
]);

const versions = lockedVersions(readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8'));
for (const [name, version] of BENCH_ALTERNATIVE) {
  const list = versions.get(name);
  if (list && list.length > 1)
    versions.set(
      name,
      list.filter((v) => v !== version),
    );
}
const manifest = JSON.parse(readFileSync(join(root, 'packages/telemetry/package.json'), 'utf8'));
const problems = [];
for (const [name, list] of versions) {
  if (list.length > 1)
    problems.push(`${name}: ${list.length} versions locked (${list.join(', ')}); want one`);
}
for (const [name, range] of Object.entries(manifest.dependencies)) {
  if (!WATCHED.test(name)) continue;
  if (!range.startsWith('^')) problems.push(`${name}: published range "${range}" is not a caret range`);
  for (const version of versions.get(name) ?? ['(not locked)']) {
    if (!satisfies(version, range))
      problems.push(`${name}: locked ${version} is outside the published ${range}`);
  }
}
for (const problem of problems) console.log(`  FAIL ${problem}`);
console.log(
  `lockfile: ${versions.size} OpenTelemetry/winston packages, one version each: ${problems.length ? 'no' : 'yes'}`,
);
process.exitCode = problems.length ? 1 : 0;
