import type { Server } from 'node:http';
import { errorMessage } from './output';
import { trackRequests } from './request-tracker';
import type { RequestTracker } from './request-tracker';
import { resolveShutdownOptions } from './shutdown-options';
import type {
  GracefulShutdown,
  GracefulShutdownOptions,
  ResolvedShutdownOptions,
  ShutdownHook,
  ShutdownLogger,
} from './shutdown-options';

/**
 * Drains a `node:http` server on SIGTERM: readiness fails → wait `drainDelayMs` → stop accepting and close
 * idle keep-alive sockets → let in-flight requests complete (up to `timeoutMs`, then cut) → run hooks → exit
 * (0, or 1 when requests had to be cut or a hook failed). Install it before the server gets connections.
 * @example
 * const server = http.createServer(app).listen(3000);
 * installGracefulShutdown(server, { health, drainDelayMs: 5000, timeoutMs: 10000, onShutdown: () => telemetry.shutdown() });
 */
export function installGracefulShutdown(server: Server, options?: GracefulShutdownOptions): GracefulShutdown {
  const config = resolveShutdownOptions(server, options);
  const tracker = trackRequests(server);
  let running: Promise<number> | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    if (!running) {
      void shutdown(`signal ${signal}`);
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
    running ??= drainAndExit(server, tracker, config, reason)
      .catch((error: unknown) => {
        config.logger.warn(`@fasttodo/health: shutdown failed: ${errorMessage(error)}`);
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
  reason: string,
): Promise<number> {
  config.logger.info(`@fasttodo/health: shutting down (${reason}); draining for ${config.drainDelayMs}ms`);
  config.health?.shutdown();
  await sleep(config.drainDelayMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  tracker.startClosing();
  const drained = await tracker.waitIdle(config.timeoutMs);
  if (!drained)
    config.logger.warn(`@fasttodo/health: ${tracker.inFlight()} request(s) cut after ${config.timeoutMs}ms`);
  server.closeAllConnections();
  await closed;
  const hooksOk = await runHooks(config.hooks, config.hookTimeoutMs, config.logger);
  config.logger.info('@fasttodo/health: shutdown complete');
  return drained && hooksOk ? 0 : 1;
}

async function runHooks(hooks: readonly ShutdownHook[], timeoutMs: number, logger: ShutdownLogger) {
  let ok = true;
  for (const [index, hook] of hooks.entries()) {
    const outcome = await settleWithin(hook, timeoutMs);
    if (outcome === 'ok') continue;
    ok = false;
    logger.warn(
      `@fasttodo/health: onShutdown[${index}] ${outcome === 'timeout' ? 'timed out' : `failed: ${outcome}`}`,
    );
  }
  return ok;
}

function settleWithin(hook: ShutdownHook, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    const settle = (outcome: string) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    new Promise((run) => run(hook())).then(
      () => settle('ok'),
      (error: unknown) => settle(errorMessage(error)),
    );
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
