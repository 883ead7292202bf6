import type { Options } from 'tsup';

/** Shared build: ESM + CJS + .d.ts/.d.cts from src/index.ts, one per package. */
export const baseConfig: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  treeshake: true,
  tsconfig: 'tsconfig.json',
};
