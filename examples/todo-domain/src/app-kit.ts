import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checks, createHealth, installGracefulShutdown } from '@fasttodo/health';
import type { ExitHook } from '@fasttodo/health';
import type { Telemetry } from '@fasttodo/telemetry';
import type { FastTodoConfig } from './config';
import { defineFastTodoMetrics } from './metrics';
import { createFastTodo } from './service';
import { openStorage } from './storage/open';

/** Version the examples report in health bodies and telemetry. */
export const SERVICE_VERSION = '0.1.0';

/** What {@link prepareFastTodo} needs: started telemetry, the config, and the adapter's `setUser`. */
export interface PrepareOptions {
  readonly telemetry: Telemetry;
  readonly config: FastTodoConfig;
  readonly setUser: (userId: string) => void;
}

/** Metrics, storage, health (the storage's readiness checks) and the service, ready for an app to mount. */
export async function prepareFastTodo({ telemetry, config, setUser }: PrepareOptions) {
  const metrics = defineFastTodoMetrics(telemetry);
  const storage = await openStorage({
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    db: metrics.db,
  });
  const health = createHealth({
    version: SERVICE_VERSION,
    cacheMs: 1000,
    checks: [...storage.checks, checks.eventLoopDelay({ critical: false })],
  });
  const service = createFastTodo({ telemetry, metrics, storage, breaker: config.breaker, setUser });
  return { health, service };
}

/** What {@link serveFastTodo} needs besides the listening server. */
export interface ServeOptions {
  readonly framework: string;
  readonly telemetry: Telemetry;
  readonly config: FastTodoConfig;
  readonly health: ReturnType<typeof createHealth>;
  readonly service: { close(): Promise<void> };
  /** Run first on exit, e.g. Fastify's `app.close()`. */
  readonly closeApp?: ExitHook;
}

/**
 * Installs the SIGTERM drain (readiness 503 for `DRAIN_DELAY_MS`, in-flight requests finish, then the app,
 * the storage and telemetry close, exit 0) and prints `FastTodo (<framework>) listening on <url>` first.
 */
export function serveFastTodo(server: Server, options: ServeOptions): string {
  const { framework, telemetry, config, health, service, closeApp } = options;
  installGracefulShutdown(server, {
    health,
    drainDelayMs: config.drainDelayMs,
    beforeExit: [...(closeApp ? [closeApp] : []), () => service.close(), () => telemetry.shutdown()],
    logger: { info: (line) => telemetry.logger.info(line), warn: (line) => telemetry.logger.warn(line) },
  });
  const url = listeningUrl(server.address() as AddressInfo);
  process.stdout.write(`FastTodo (${framework}) listening on ${url}\n`);
  return url;
}

function listeningUrl({ address, family, port }: AddressInfo): string {
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
