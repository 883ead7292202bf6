import { type Agent, request } from 'node:http';

/** Outcome of one HTTP request made by the test. */
export interface Outcome {
  readonly startedAt: number;
  /** When the answer or the error arrived. */
  readonly endedAt: number;
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
}

/** GET `path` on 127.0.0.1:`port`; resolves with the status and body, or the error, never rejects. */
export function get(port: number, path: string, agent?: Agent): Promise<Outcome> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ startedAt, endedAt: performance.now(), status: res.statusCode, body }));
      res.on('error', (error) => resolve({ startedAt, endedAt: performance.now(), error: error.message }));
    });
    req.on('error', (error) => resolve({ startedAt, endedAt: performance.now(), error: error.message }));
    req.end();
  });
}
