import { type IncomingHttpHeaders, type OutgoingHttpHeaders, request } from 'node:http';

/** A response as the test client saw it. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request on a fresh connection to 127.0.0.1:`port`. */
export function send(
  port: number,
  path: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string; bodyDelayMs?: number } = {},
): Promise<Reply> {
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
    req.on('error', reject);
    if (options.bodyDelayMs === undefined) return void req.end(options.body);
    // The body arrives in later socket reads, after the server began handling the request.
    req.flushHeaders();
    setTimeout(() => req.end(options.body), options.bodyDelayMs);
  });
}

/** Sends a request and destroys the socket after `ms`, before the response: a client abort. */
export function abortAfter(port: number, path: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false });
    req.on('error', () => resolve());
    req.end();
    setTimeout(() => {
      req.destroy();
      resolve();
    }, ms);
  });
}
