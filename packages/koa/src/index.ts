import {
  createHttpObservability,
  type HttpObservabilityOptions,
  type HttpResponse,
  type ObservedRequest,
  requestInfo,
  setUser,
} from '@fasttodo/telemetry';
import type { Context, Middleware } from 'koa';

export { setUser };
export type { HttpObservabilityOptions };

function write(ctx: Context, response: HttpResponse): void {
  ctx.status = response.status;
  ctx.set(response.headers);
  ctx.body = response.body;
}

/**
 * The route template `@koa/router` matched, with router prefixes and nested-router mount paths (a route given
 * as a RegExp has no template). Koa without a router, or no route matched: undefined.
 */
function routeOf(ctx: Context): string | undefined {
  const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  return typeof route === 'string' ? route : undefined;
}

/**
 * Ends the request when the response finishes (or aborts it when the client left first). A downstream error
 * counts as a failure only if the answer was a 5xx: an outer handler may turn it into a 4xx.
 */
function finishWith(
  ctx: Context,
  observed: ObservedRequest,
  thrown: { error?: unknown },
  capturesHeaders: boolean,
): void {
  const res = ctx.res;
  const setRoute = () => {
    const route = routeOf(ctx);
    if (route !== undefined) observed.setRoute(route);
  };
  res.once('finish', () => {
    setRoute();
    if ('error' in thrown && res.statusCode >= 500) observed.fail(thrown.error);
    const length = Number(res.getHeader('content-length'));
    observed.end({
      statusCode: res.statusCode,
      responseBytes: Number.isFinite(length) ? length : undefined,
      responseHeaders: capturesHeaders ? res.getHeaders() : undefined,
    });
  });
  res.once('close', () => {
    if (res.writableFinished) return;
    setRoute();
    observed.abort();
  });
}

/** Koa's error handler clears the response headers and then sets `error.headers`: keep the request id. */
function keepHeaders(error: unknown, headers: Readonly<Record<string, string>>): void {
  if (!(error instanceof Error) || !Object.isExtensible(error)) return;
  const withHeaders = error as { headers?: Record<string, string> };
  try {
    withHeaders.headers = { ...withHeaders.headers, ...headers };
  } catch {
    // A read-only `headers`: the error goes on unchanged (only the echoed request id is lost).
  }
}

/**
 * Koa middleware (Koa 2 and 3): every request gets a request id, one SERVER span named by its `@koa/router`
 * route template (router prefixes and nested routers included), log correlation, the duration metric and an
 * access-log line through the `@fasttodo/telemetry` HTTP lifecycle; health and `/metrics` are answered here.
 * Use it first. Errors thrown downstream are recorded and rethrown, so Koa's error handling answers, unless
 * `errorResponder: true`. Options are validated once, here (a bad one throws `TelemetryConfigError`).
 * @example
 * const app = new Koa();
 * app.use(koaObservability({ telemetry, health }));
 * app.use(router.routes());
 */
export function koaObservability(options: HttpObservabilityOptions): Middleware {
  const lifecycle = createHttpObservability(options);
  const responder = options.errorResponder === true;
  return async function observability(ctx, next) {
    const info = requestInfo(ctx.req);
    const endpoint = lifecycle.endpoint(info);
    if (endpoint) return write(ctx, await endpoint);
    const observed = lifecycle.start(info);
    ctx.set(observed.responseHeaders);
    const thrown: { error?: unknown } = {};
    finishWith(ctx, observed, thrown, lifecycle.capturesResponseHeaders);
    try {
      await observed.run(next);
    } catch (error) {
      const response = responder ? observed.fail(error) : undefined;
      if (response !== undefined) return write(ctx, response);
      thrown.error = error;
      keepHeaders(error, observed.responseHeaders);
      throw error;
    }
  };
}
