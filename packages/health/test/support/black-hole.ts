import { createServer } from 'node:net';
import type { Socket } from 'node:net';

/** A TCP server that accepts connections and never writes a byte. */
export interface BlackHole {
  readonly port: number;
  /** Connections accepted so far. */
  accepted(): number;
  /** Destroys every open connection (lets hung clients settle). */
  release(): void;
  close(): Promise<void>;
}

/** Starts a black-hole server on 127.0.0.1, port chosen by the OS. */
export function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const release = () => {
    for (const socket of sockets) socket.destroy();
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        accepted: () => accepted,
        release,
        close: () =>
          new Promise((done) => {
            release();
            server.close(() => done());
          }),
      });
    });
  });
}
