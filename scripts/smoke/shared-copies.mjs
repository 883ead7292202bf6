// Caret ranges exist so that a service which already has OpenTelemetry (or winston) shares its copy with us:
// for every package the app depends on directly, @fasttodo/telemetry must resolve the very same directory.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The directory Node would load `name` from, looking up `node_modules` folders from `fromDir`. */
function resolvePackageDir(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** One line per package the app and `dependent` both use: `ok` when they share a copy, `FAIL` when not. */
export function checkSharedCopies(projectDir, dependent, names) {
  const dependentDir = join(projectDir, 'node_modules', dependent);
  const wanted = JSON.parse(readFileSync(join(dependentDir, 'package.json'), 'utf8')).dependencies ?? {};
  return names
    .filter((name) => Object.hasOwn(wanted, name))
    .map((name) => {
      const app = resolvePackageDir(projectDir, name);
      const ours = resolvePackageDir(dependentDir, name);
      const version = (dir) =>
        dir ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version : 'none';
      const where = `one copy of ${name}@${version(app)} (${dependent} wants ${wanted[name]})`;
      if (app && app === ours) return { ok: true, line: where };
      return {
        ok: false,
        line: `${where}: ${dependent} got its own copy ${version(ours)} at ${ours && relative(projectDir, ours)}`,
      };
    });
}
