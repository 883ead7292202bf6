import { performance } from 'node:perf_hooks';
import { runHooks } from './exit-hooks';
import type { OutputSanitizer } from './output';
import type { RequestTracker } from './request-tracker';
import type { ResolvedShutdownOptions } from './shutdown-options';

/**
 * Drains the server and runs the `beforeExit` hooks; resolves with the exit code (0, or 1 when requests had
 * to be cut, a hook failed or upgraded sockets stayed open). Its log lines go through `config.logger`.
 */
export async function runDrain(
  config: ResolvedShutdownOptions,
  tracker: RequestTracker,
  scrub: OutputSanitizer,
  reason: string,
): Promise<number> {
  const { server, logger, drainTimeoutMs } = config;
  logger.info(
    `@fasttodo/health: draining (${reason}); readiness fails, accepting for ${config.drainDelayMs}ms`,
  );
  try {
    config.health?.drain();
  } catch (error) {
    // A custom health object that throws must not skip the drain.
    logger.warn(`@fasttodo/health: health.drain() failed: ${scrub.error(error)}`);
  }
  await sleep(config.drainDelayMs);
  const stoppedAt = performance.now();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  tracker.startClosing();
  const drained = await tracker.waitIdle(drainTimeoutMs);
  if (!drained)
    logger.warn(
      `@fasttodo/health: ${tracker.inFlight()} request(s) cut after drainTimeoutMs (${drainTimeoutMs}ms)`,
    );
  server.closeAllConnections();
  const hooksOk = await runHooks(config, scrub);
  // Upgraded sockets (WebSocket) are not HTTP connections any more: closeAllConnections() leaves them and
  // `close` waits for them, so the wait is bounded (and comes after the hooks, which may close them).
  const allClosed = await settledWithin(closed, drainTimeoutMs - (performance.now() - stoppedAt));
  if (!allClosed)
    logger.warn('@fasttodo/health: upgraded connection(s) still open after drainTimeoutMs; exiting anyway');
  return drained && hooksOk && allClosed ? 0 : 1;
}

function settledWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
