import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-reader';
import type { Warn } from '../shared/warn';

/** The optional internal listener that serves `GET /metrics`. */
export interface MetricsServer {
  /** Resolves with the bound address once listening, or `undefined` when the listener failed. */
  readonly address: Promise<AddressInfo | undefined>;
  /** Stops accepting, drops open connections; never rejects. */
  close(): Promise<void>;
}

function handler(render: () => Promise<string>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?', 1)[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n');
      return;
    }
    render().then(
      (text) => {
        res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => res.writeHead(500).end(),
    );
  };
}

/**
 * Starts a plain `node:http` listener for Prometheus scrapes, separate from the application port so
 * `/metrics` is never public. Listen errors (port in use) are warned, never thrown.
 */
export function startMetricsServer(
  port: number,
  host: string,
  render: () => Promise<string>,
  warn: Warn,
): MetricsServer {
  const server = createServer(handler(render));
  const address = new Promise<AddressInfo | undefined>((resolve) => {
    server.once('listening', () => resolve(server.address() as AddressInfo));
    let started = false;
    server.once('listening', () => {
      started = true;
    });
    // Kept for the server's whole life: a later 'error' (e.g. EMFILE on accept) must not crash the service.
    server.on('error', (error) => {
      if (started) return;
      warn('metrics listener failed to start', { port, host, error: error.message });
      resolve(undefined);
    });
  });
  server.listen(port, host);
  return {
    address,
    close: async () => {
      if ((await address) === undefined) return;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
