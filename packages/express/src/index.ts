import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createHttpObservability,
  type HttpObservabilityOptions,
  type HttpResponse,
  type ObservedRequest,
  type RequestHeaders,
  requestInfo,
} from '@fasttodo/telemetry';
import { routeTemplate } from './route-template';

export { setUser } from '@fasttodo/telemetry';
export type { HttpObservabilityOptions } from '@fasttodo/telemetry';

type Next = (error?: unknown) => void;

// Per-request state lives on the request itself: a WeakMap entry per request would cost every garbage collection.
const OBSERVED = Symbol('@fasttodo/express.observed');
type Tagged = { [OBSERVED]?: { request: ObservedRequest; resolveRoute(): void } };
type Request = IncomingMessage & { app?: unknown; route?: unknown; originalUrl?: string; protocol?: string };

/**
 * The middleware `expressObservability()` returns, with the error handler that goes after the routes.
 *
 * @example
 * app.use(observability);              // before the routes
 * app.use(observability.errorHandler); // after them
 */
export interface ExpressObservability {
  (req: IncomingMessage, res: ServerResponse, next: Next): void;
  /**
   * Express error middleware (`app.use(observability.errorHandler)` after the routes): records the error on
   * the request, answers the generic 500 when `errorResponder` is on, else passes the error on.
   */
  readonly errorHandler: (error: unknown, req: IncomingMessage, res: ServerResponse, next: Next) => void;
}

function send(res: ServerResponse, response: HttpResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

/**
 * Express (4 and 5) middleware on the `@fasttodo/telemetry` request lifecycle: one SERVER span named by the
 * full route template (mount prefixes included), the request-duration metric, the access log, request id,
 * health and `/metrics` endpoints. Register it first; add `errorHandler` after the routes.
 *
 * @example
 * const observability = expressObservability({ telemetry, health });
 * app.use(observability);
 * app.use('/api/v1', todosRouter);
 * app.use(observability.errorHandler);
 */
export function expressObservability(options: HttpObservabilityOptions): ExpressObservability {
  const http = createHttpObservability(options);

  const middleware = (req: Request, res: ServerResponse, next: Next): void => {
    const info = requestInfo(req, req.originalUrl ?? req.url);
    const endpoint = http.endpoint(info);
    if (endpoint) {
      endpoint.then((response) => send(res, response), next);
      return;
    }
    const request = http.start(info);
    for (const [name, value] of Object.entries(request.responseHeaders)) res.setHeader(name, value);
    const app = req.app;
    const resolveRoute = () => {
      const route = routeTemplate(app, req.app, req.route, info.url);
      if (route !== undefined) request.setRoute(route);
    };
    (req as Tagged)[OBSERVED] = { request, resolveRoute };
    res.once('finish', () => {
      resolveRoute();
      const length = Number(res.getHeader('content-length'));
      request.end({
        statusCode: res.statusCode,
        responseBytes: Number.isFinite(length) ? length : undefined,
        responseHeaders: http.capturesResponseHeaders ? (res.getHeaders() as RequestHeaders) : undefined,
      });
    });
    res.once('close', () => {
      if (res.writableFinished) return;
      resolveRoute();
      request.abort();
    });
    request.run(next);
  };

  const errorHandler = (error: unknown, req: Request, res: ServerResponse, next: Next): void => {
    const observed = (req as Tagged)[OBSERVED];
    observed?.resolveRoute();
    const response = observed?.request.fail(error);
    if (response && !res.headersSent) send(res, response);
    else next(error);
  };

  return Object.assign(middleware, { errorHandler }) as ExpressObservability;
}
