import type { IncomingMessage } from 'node:http';
import type { RequestInfo } from './types';

/**
 * The plain request data of a Node `IncomingMessage`, as every adapter hands it to the lifecycle. The scheme
 * comes from the socket's TLS state (never `X-Forwarded-Proto`), the address from the socket (never a forwarded
 * header). `url` overrides the message's own (Express rewrites `req.url` inside mounted routers).
 * @example
 * const request = http.start(requestInfo(req));
 */
export function requestInfo(message: IncomingMessage, url: string | undefined = message.url): RequestInfo {
  const socket = message.socket as (IncomingMessage['socket'] & { encrypted?: boolean }) | undefined;
  return {
    method: message.method ?? 'GET',
    url: url ?? '/',
    headers: message.headers,
    remoteAddress: socket?.remoteAddress,
    scheme: socket?.encrypted ? 'https' : 'http',
    httpVersion: message.httpVersion,
  };
}
