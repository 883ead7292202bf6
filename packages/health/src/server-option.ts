import type { Server } from 'node:http';
import { HealthConfigError } from './errors';

/** What the drain uses of a `node:http` / `node:https` server. */
export type DrainableServer = Pick<
  Server,
  'close' | 'closeAllConnections' | 'closeIdleConnections' | 'prependListener' | 'removeListener'
>;

const METHODS = [
  'close',
  'closeAllConnections',
  'closeIdleConnections',
  'prependListener',
  'removeListener',
] as const;

/**
 * Checks the server is an HTTP(S) server the drain can close: a `net.Server` (no `closeAllConnections`)
 * or an HTTP/2 server would only fail half-way through a shutdown, when nobody is looking.
 */
export function serverOption(value: unknown): DrainableServer {
  const missing =
    value === null || typeof value !== 'object'
      ? 'close'
      : METHODS.find((name) => typeof (value as Record<string, unknown>)[name] !== 'function');
  if (missing !== undefined) {
    throw new HealthConfigError(
      'installGracefulShutdown(server)',
      `a node:http or node:https Server (it has no ${missing}() method)`,
      value,
    );
  }
  return value as DrainableServer;
}
