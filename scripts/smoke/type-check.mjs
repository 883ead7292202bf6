// Type-level test: the consumer sources in test/types/ compiled against the .d.ts files the packed tarballs
// installed, once as ESM (.mts, `module: nodenext` picks the `import` types) and once as CJS (.cts, `require`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FORMATS = { esm: '.mts', cjs: '.cts' };

function compilerOptions(root) {
  return {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    strict: true,
    noEmit: true,
    // Our .d.ts files are what is under test: check them too, not only the cases that use them.
    skipLibCheck: false,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  };
}

/** Copies every case to `<format>/<name><ext>` in the consumer project and runs tsc there; returns the failures. */
export function checkConsumerTypes(root, projectDir) {
  const sources = join(root, 'test/types');
  const files = readdirSync(sources);
  const cases = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const globals = files.filter((file) => file.endsWith('.d.ts'));
  if (cases.length === 0) throw new Error('consumer types: no cases in test/types');
  const results = [];
  for (const [format, ext] of Object.entries(FORMATS)) {
    const dir = join(projectDir, 'types', format);
    mkdirSync(dir, { recursive: true });
    for (const file of cases) copyFileSync(join(sources, file), join(dir, file.replace(/\.ts$/, ext)));
    for (const file of globals) copyFileSync(join(sources, file), join(dir, file));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: compilerOptions(root) }, null, 2),
    );
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
        stdio: 'pipe',
      });
      results.push({ ok: true, line: `types ${format} (${cases.length} cases as ${ext})` });
    } catch (error) {
      results.push({ ok: false, line: `types ${format}:\n${error.stdout?.toString() ?? error}` });
    }
  }
  return results;
}
