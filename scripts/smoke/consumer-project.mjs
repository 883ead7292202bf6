// A consumer project outside the workspace: every package packed with pnpm, the tarballs installed with plain
// npm beside what a service that already uses OpenTelemetry and winston has, so npm resolves our caret ranges.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What the consumer app itself depends on: the API peer, and SDK packages and winston it already uses. */
export const APP_DEPENDENCIES = {
  '@opentelemetry/api': '1.9.1',
  '@opentelemetry/core': '^2.12.0',
  '@opentelemetry/resources': '^2.12.0',
  '@opentelemetry/sdk-metrics': '^2.12.0',
  '@opentelemetry/sdk-trace-base': '^2.12.0',
  winston: '^3.19.0',
};

/** Names of the workspace packages under `packages/`. */
export function packageNames(root) {
  return readdirSync(join(root, 'packages')).filter((d) => !d.startsWith('.'));
}

/** Packs and installs every package into a new temporary project; `remove()` deletes it. */
export function createConsumerProject(root) {
  const dir = mkdtempSync(join(tmpdir(), 'fasttodo-smoke-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tarballs = {};
    for (const name of packageNames(root)) {
      const out = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
        cwd: join(root, 'packages', name),
      });
      const file = out.toString().trim().split('\n').pop();
      tarballs[`@fasttodo/${name}`] = `file:${resolve(dir, file.split('/').pop())}`;
    }
    const manifest = { name: 'smoke', private: true, dependencies: { ...tarballs, ...APP_DEPENDENCIES } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, overrides: tarballs }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: 'inherit',
    });
    return { dir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
