import { type IncomingHttpHeaders, type OutgoingHttpHeaders, request } from 'node:http';

/** A response as the test client saw it. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Options of one test request. */
export interface SendOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string;
  /** Send the body this many ms after the headers (it arrives in later socket reads). */
  bodyDelayMs?: number;
  /** Destroy the socket after this many ms (an aborted request); resolves with status 0 then. */
  abortAfterMs?: number;
}

/** One request on a fresh connection to 127.0.0.1:`port`; shared by the lifecycle, adapter and conformance tests. */
export function send(port: number, path: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    if (options.abortAfterMs !== undefined) {
      req.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
      setTimeout(() => req.destroy(), options.abortAfterMs);
    } else req.on('error', reject);
    if (options.bodyDelayMs === undefined) return void req.end(options.body);
    req.flushHeaders();
    setTimeout(() => req.end(options.body), options.bodyDelayMs);
  });
}

/** Sends a request and destroys the socket after `ms`, before the response: a client abort. */
export async function abortAfter(port: number, path: string, ms: number): Promise<void> {
  await send(port, path, { abortAfterMs: ms });
}
