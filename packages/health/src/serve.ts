import type { HealthResult } from './types';

/**
 * Media type of every probe response: plain `application/json`. The body is our own shape (`checks` maps a
 * name to one object with `response_ms`), not the IETF draft's `application/health+json` shape.
 */
export const HEALTH_CONTENT_TYPE = 'application/json';

/** Headers to send with every probe response: `Content-Type: application/json` and `Cache-Control: no-store`. */
export const HEALTH_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': HEALTH_CONTENT_TYPE,
  'cache-control': 'no-store',
});

/** The part of a `node:http` ServerResponse that {@link writeHealthResponse} uses. */
export interface HealthResponseSink {
  writeHead(statusCode: number, headers: Record<string, string | number>): unknown;
  end(chunk: string): unknown;
}

/**
 * Writes a probe result to a `node:http` response with the health headers.
 * @example http.createServer(async (req, res) => writeHealthResponse(res, await health.ready()))
 */
export function writeHealthResponse(res: HealthResponseSink, result: HealthResult): void {
  const payload = JSON.stringify(result.body);
  res.writeHead(result.httpStatus, {
    ...HEALTH_RESPONSE_HEADERS,
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
