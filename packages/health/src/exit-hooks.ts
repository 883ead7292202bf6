import type { OutputSanitizer } from './output';
import type { ExitHook, ResolvedShutdownOptions } from './shutdown-options';

/** Runs the `beforeExit` hooks in order, each bounded by `hookTimeoutMs`; `false` if any failed or hung. */
export async function runHooks(config: ResolvedShutdownOptions, scrub: OutputSanitizer): Promise<boolean> {
  const { hooks, hookTimeoutMs, logger } = config;
  let ok = true;
  for (const [index, hook] of hooks.entries()) {
    const outcome = await settleWithin(hook, hookTimeoutMs, scrub);
    if (outcome === 'ok') continue;
    ok = false;
    logger.warn(
      `@fasttodo/health: beforeExit[${index}] ${outcome === 'timeout' ? 'timed out' : `failed: ${outcome}`}`,
    );
  }
  return ok;
}

function settleWithin(hook: ExitHook, timeoutMs: number, scrub: OutputSanitizer): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    const settle = (outcome: string) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    new Promise((run) => run(hook())).then(
      () => settle('ok'),
      (error: unknown) => settle(scrub.error(error)),
    );
  });
}
