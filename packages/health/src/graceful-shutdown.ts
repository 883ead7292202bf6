import type { Server } from 'node:http';
import { runDrain } from './drain';
import { createOutputSanitizer } from './output';
import { trackRequests } from './request-tracker';
import type { RequestTracker } from './request-tracker';
import { safeLogger } from './safe-logger';
import type { GracefulShutdown, GracefulShutdownOptions } from './shutdown-options';
import { resolveShutdownOptions } from './shutdown-options';
import { listenToSignals } from './signal-listeners';
import type { SignalListeners } from './signal-listeners';
import type { DrainableServer } from './server-option';

// Bounds each log line: a short prefix and one scrubbed error message.
const LOG_LINE_MAX = 1024;

/**
 * The whole drain-and-exit sequence on SIGTERM (Kubernetes' "graceful shutdown"): readiness fails (drain) →
 * wait `drainDelayMs` → stop accepting and close idle keep-alive sockets → let in-flight requests complete
 * (up to `drainTimeoutMs`, then cut) → run `beforeExit` hooks → wait (bounded) for upgraded sockets → exit
 * (0, or 1 when requests had to be cut, a hook failed or upgraded sockets stayed open). Every option is
 * validated before anything is installed; install it before the server gets connections.
 * @example
 * const server = http.createServer(app).listen(3000);
 * installGracefulShutdown(server, { health, drainDelayMs: 5000, drainTimeoutMs: 10000, beforeExit: () => telemetry.shutdown() });
 */
export function installGracefulShutdown(server: Server, options?: GracefulShutdownOptions): GracefulShutdown {
  const config = resolveShutdownOptions(server, options);
  const scrub = createOutputSanitizer(LOG_LINE_MAX);
  const logger = safeLogger(config.logger, scrub);
  let running: Promise<number> | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    if (!running) {
      // Only a throwing custom `exit` can reject here; it must not become an unhandled rejection.
      shutdown(`signal ${signal}`).catch((error: unknown) =>
        logger.warn(`@fasttodo/health: exit failed: ${scrub.error(error)}`),
      );
      return;
    }
    logger.warn(`@fasttodo/health: second ${signal} while draining, exiting now`);
    config.exit(1);
  };
  // Signals first: it is the step that can fail, and it removes what it installed when it does.
  const signals = listenToSignals(config.signals, onSignal);
  const tracker = trackOrUndo(config.server, signals);
  const dispose = () => {
    signals.dispose();
    tracker.dispose();
  };
  const shutdown = (reason = 'requested'): Promise<number> => {
    running ??= runDrain(
      { ...config, logger },
      tracker,
      scrub,
      typeof reason === 'string' ? reason : 'requested',
    )
      .catch((error: unknown) => {
        logger.warn(`@fasttodo/health: drain failed: ${scrub.error(error)}`);
        return 1;
      })
      .then((code) => {
        dispose();
        logger.info(`@fasttodo/health: exiting with code ${code}`);
        config.exit(code);
        return code;
      });
    return running;
  };
  return { shutdown, dispose };
}

// Installation is all or nothing: nothing stays installed when it throws.
function trackOrUndo(server: DrainableServer, signals: SignalListeners): RequestTracker {
  try {
    return trackRequests(server);
  } catch (error) {
    signals.dispose();
    throw error;
  }
}
