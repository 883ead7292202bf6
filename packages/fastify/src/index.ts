import {
  createHttpObservability,
  type HttpObservabilityOptions,
  type HttpResponse,
  type ObservedRequest,
  requestInfo,
  setUser,
} from '@fasttodo/telemetry';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export { setUser };
export type { HttpObservabilityOptions };

// Per-request state lives on the raw request: no decorator, so the plugin adds nothing to Fastify's shapes.
const OBSERVED = Symbol('@fasttodo/fastify.observed');
const ERROR = Symbol('@fasttodo/fastify.error');
type Tagged = { [OBSERVED]?: ObservedRequest; [ERROR]?: unknown };

function observedOf(request: FastifyRequest): ObservedRequest | undefined {
  return (request.raw as Tagged)[OBSERVED];
}

function write(reply: FastifyReply, response: HttpResponse): FastifyReply {
  return reply.code(response.status).headers(response.headers).send(response.body);
}

/** The reply's body length when the framework set `content-length`. */
function bytesOf(reply: FastifyReply): number | undefined {
  const length = Number(reply.getHeader('content-length'));
  return Number.isFinite(length) ? length : undefined;
}

// Async: a bad option (TelemetryConfigError naming it) rejects `app.register()` / `app.ready()`.
async function observability(app: FastifyInstance, options: HttpObservabilityOptions): Promise<void> {
  const lifecycle = createHttpObservability(options);

  app.addHook('onRequest', (request, reply, next) => {
    const info = requestInfo(request.raw);
    const endpoint = lifecycle.endpoint(info);
    if (endpoint) {
      endpoint.then((response) => write(reply, response), next);
      return;
    }
    const observed = lifecycle.start(info);
    (request.raw as Tagged)[OBSERVED] = observed;
    reply.headers(observed.responseHeaders);
    // Fastify sets routeOptions.url to the full template (register prefixes included); absent on a 404.
    const route = request.routeOptions.url;
    if (route !== undefined) observed.setRoute(route);
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) observed.abort();
    });
    // The rest of the request (later hooks, body parsing, the handler) continues from here, in its context.
    observed.run(next);
  });

  // onError runs before the error handler decides the status: the error counts only if the answer is a 5xx
  // (a validation error or one the app maps to 4xx is an answer, not a failure).
  app.addHook('onError', (request, _reply, error, next) => {
    (request.raw as Tagged)[ERROR] = error;
    next();
  });

  app.addHook('onResponse', (request, reply, next) => {
    const observed = observedOf(request);
    const error = (request.raw as Tagged)[ERROR];
    if (error !== undefined && reply.statusCode >= 500) observed?.fail(error);
    observed?.end({
      statusCode: reply.statusCode,
      responseBytes: bytesOf(reply),
      responseHeaders: lifecycle.capturesResponseHeaders ? reply.getHeaders() : undefined,
    });
    next();
  });

  if (options.errorResponder === true) {
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode ?? 500;
      const response = status >= 500 ? observedOf(request)?.fail(error) : undefined;
      // A client error, or a request the plugin does not observe: Fastify's default handler answers.
      if (response === undefined) return reply.send(error);
      return write(reply, response);
    });
  }
}

/**
 * Fastify plugin (Fastify 4 and 5): every request gets a request id, one SERVER span named by its route
 * template (register prefixes included), log correlation, the duration metric and an access-log line through
 * the `@fasttodo/telemetry` HTTP lifecycle; health and `/metrics` endpoints are answered in `onRequest`.
 * Options are validated once, at registration. The app's own error handler stays in control of error responses
 * unless `errorResponder: true`.
 * @example
 * const app = Fastify();
 * await app.register(fastifyObservability, { telemetry, health });
 * app.get('/todos/:id', async (request) => { setUser(request.user.id); return todo; });
 */
export const fastifyObservability = fp(observability, {
  fastify: '4.x || 5.x',
  name: '@fasttodo/fastify',
});
