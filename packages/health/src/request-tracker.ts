import type { ServerResponse } from 'node:http';
import type { DrainableServer } from './server-option';

/** Counts in-flight requests of a `node:http` server and closes keep-alive sockets once it is closing. */
export interface RequestTracker {
  inFlight(): number;
  /** From now on responses carry `Connection: close` and idle keep-alive sockets are closed. */
  startClosing(): void;
  /** Resolves `true` when no request is in flight, or `false` after `timeoutMs`. */
  waitIdle(timeoutMs: number): Promise<boolean>;
  dispose(): void;
}

/** Starts tracking requests of `server` with the standard library only. */
export function trackRequests(server: DrainableServer): RequestTracker {
  const active = new Set<ServerResponse>();
  const waiters = new Set<() => void>();
  let closing = false;

  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  const onRequest = (_req: unknown, res: ServerResponse) => {
    active.add(res);
    if (closing) markClose(res);
    res.once('close', () => {
      active.delete(res);
      if (closing) closeIdle();
      if (active.size === 0) for (const wake of waiters) wake();
    });
  };
  server.prependListener('request', onRequest);

  return {
    inFlight: () => active.size,
    startClosing() {
      closing = true;
      for (const res of active) markClose(res);
      server.closeIdleConnections();
    },
    waitIdle(timeoutMs) {
      if (active.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (idle: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(idle);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(wake);
      });
    },
    dispose() {
      server.removeListener('request', onRequest);
    },
  };
}

// Responses whose headers already left keep their socket alive; it is closed once idle (see closeIdle).
function markClose(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
