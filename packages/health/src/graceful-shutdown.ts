import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEFAULTS } from './options';
import { createOutputSanitizer } from './output';
import type { OutputSanitizer } from './output';
import { trackRequests } from './request-tracker';
import type { RequestTracker } from './request-tracker';
import { resolveShutdownOptions } from './shutdown-options';
import { runHooks } from './shutdown-hooks';
import type { GracefulShutdown, GracefulShutdownOptions, ResolvedShutdownOptions } from './shutdown-options';

/**
 * Drains a `node:http` server on SIGTERM: readiness fails → wait `drainDelayMs` → stop accepting and close
 * idle keep-alive sockets → let in-flight requests complete (up to `timeoutMs`, then cut) → run hooks → wait
 * (bounded) for upgraded sockets → exit (0, or 1 when requests had to be cut, a hook failed or upgraded
 * sockets stayed open). Install it before the server gets connections.
 * @example
 * const server = http.createServer(app).listen(3000);
 * installGracefulShutdown(server, { health, drainDelayMs: 5000, timeoutMs: 10000, onShutdown: () => telemetry.shutdown() });
 */
export function installGracefulShutdown(server: Server, options?: GracefulShutdownOptions): GracefulShutdown {
  const config = resolveShutdownOptions(server, options);
  // Hook errors often quote connection strings: log lines are scrubbed like check output.
  const scrub = createOutputSanitizer(DEFAULTS.maxOutputLength);
  const tracker = trackRequests(server);
  let running: Promise<number> | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    if (!running) {
      // Only a throwing custom `exit` can reject here; it must not become an unhandled rejection.
      shutdown(`signal ${signal}`).catch((error: unknown) =>
        config.logger.warn(`@fasttodo/health: exit failed: ${scrub.error(error)}`),
      );
      return;
    }
    config.logger.warn(`@fasttodo/health: second ${signal} during shutdown, exiting now`);
    config.exit(1);
  };
  const dispose = () => {
    for (const signal of config.signals) process.removeListener(signal, onSignal);
    tracker.dispose();
  };
  const shutdown = (reason = 'requested'): Promise<number> => {
    running ??= drainAndExit(server, tracker, config, scrub, scrub.text(String(reason)))
      .catch((error: unknown) => {
        config.logger.warn(`@fasttodo/health: shutdown failed: ${scrub.error(error)}`);
        return 1;
      })
      .then((code) => {
        dispose();
        config.exit(code);
        return code;
      });
    return running;
  };
  for (const signal of config.signals) process.on(signal, onSignal);
  return { shutdown, dispose };
}

async function drainAndExit(
  server: Server,
  tracker: RequestTracker,
  config: ResolvedShutdownOptions,
  scrub: OutputSanitizer,
  reason: string,
): Promise<number> {
  config.logger.info(`@fasttodo/health: shutting down (${reason}); draining for ${config.drainDelayMs}ms`);
  try {
    config.health?.shutdown();
  } catch (error) {
    // A custom health object that throws must not skip the drain.
    config.logger.warn(`@fasttodo/health: health.shutdown() failed: ${scrub.error(error)}`);
  }
  await sleep(config.drainDelayMs);
  const stoppedAt = performance.now();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  tracker.startClosing();
  const drained = await tracker.waitIdle(config.timeoutMs);
  if (!drained)
    config.logger.warn(`@fasttodo/health: ${tracker.inFlight()} request(s) cut after ${config.timeoutMs}ms`);
  server.closeAllConnections();
  const hooksOk = await runHooks(config, scrub);
  // Upgraded sockets (WebSocket) are not HTTP connections any more: closeAllConnections() leaves them and
  // `close` waits for them, so the wait is bounded (and comes after the hooks, which may close them).
  const allClosed = await closedWithin(closed, config.timeoutMs - (performance.now() - stoppedAt));
  if (!allClosed)
    config.logger.warn('@fasttodo/health: upgraded connection(s) still open after timeoutMs; exiting anyway');
  config.logger.info('@fasttodo/health: shutdown complete');
  return drained && hooksOk && allClosed ? 0 : 1;
}

function closedWithin(promise: Promise<void>, ms: number): Promise<boolean> {
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
