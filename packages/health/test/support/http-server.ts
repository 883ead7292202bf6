import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';

/** A real node:http server on 127.0.0.1:0 with its base URL. */
export interface TestServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `handler` on a loopback port chosen by the OS. */
export function startHttpServer(handler: RequestListener): Promise<TestServer> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
