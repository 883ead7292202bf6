import { performance } from 'node:perf_hooks';
import { failWithoutChecks, toHealthResult } from './aggregate';
import type { ResolvedCheck } from './options';
import type { OutputSanitizer } from './output';
import { createCheckRunner } from './run-check';
import type { HealthResult } from './types';

/** Runs a set of checks in parallel; concurrent callers share one run and results are reused for `cacheMs`. */
export interface CheckGroup {
  run(): Promise<HealthResult>;
}

/** Builds a {@link CheckGroup}; nothing here throws at request time. */
export function createCheckGroup(
  checks: readonly ResolvedCheck[],
  version: string,
  cacheMs: number,
  sanitize: OutputSanitizer,
): CheckGroup {
  const runners = checks.map((def) => ({ def, runner: createCheckRunner(def, sanitize) }));
  let inFlight: Promise<HealthResult> | undefined;
  let cached: { result: HealthResult; expiresAt: number } | undefined;

  const runAll = async (): Promise<HealthResult> => {
    const timestamp = new Date().toISOString();
    try {
      const results = await Promise.all(
        runners.map(async ({ def, runner }) => ({
          name: def.name,
          critical: def.critical,
          result: await runner.run(),
        })),
      );
      return toHealthResult(version, results, timestamp);
    } catch {
      // Runners never reject; this only guards the promise every waiting probe shares.
      return failWithoutChecks(version, 'health check run failed');
    }
  };

  return {
    run() {
      if (cached && performance.now() < cached.expiresAt) return Promise.resolve(cached.result);
      if (inFlight) return inFlight;
      const run = runAll();
      inFlight = run;
      run.then((result) => {
        cached = { result, expiresAt: performance.now() + cacheMs };
        inFlight = undefined;
      });
      return run;
    },
  };
}
