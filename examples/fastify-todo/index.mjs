// FastTodo on Fastify 5, ES modules. Telemetry starts before the framework loads (dynamic imports below);
// the rest is routing glue: the behaviour lives in @fasttodo/todo-domain, the observability in @fasttodo/fastify.
import { startTelemetry } from '@fasttodo/telemetry';
import * as domain from '@fasttodo/todo-domain';

const config = domain.loadConfig();
const telemetry = startTelemetry({
  serviceName: 'fasttodo-fastify',
  serviceVersion: domain.SERVICE_VERSION,
  // pg and ioredis spans as children of the request span when DATABASE_URL / REDIS_URL are set.
  instrumentations: domain.storageInstrumentations(),
});

const { default: Fastify } = await import('fastify');
const { fastifyObservability, setUser } = await import('@fasttodo/fastify');

const send = (reply, { status, body }) => reply.code(status).send(body);

try {
  const { health, service } = await domain.prepareFastTodo({ telemetry, config, setUser });
  const app = Fastify({ bodyLimit: domain.BODY_LIMIT_BYTES });
  await app.register(fastifyObservability, { telemetry, health });
  // Every body is read as JSON whatever its content type, as on the other two apps: anything else is a 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  for (const route of domain.ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const { headers, params, body } = request;
        send(reply, await service.handle(route, { authorization: headers.authorization, params, body }));
      },
    });
  }
  app.setNotFoundHandler((_request, reply) => send(reply, domain.NOT_FOUND));
  app.setErrorHandler((error, _request, reply) => send(reply, domain.errorResult(error)));

  await app.listen({ port: config.port, host: config.host });
  domain.serveFastTodo(app.server, {
    framework: 'fastify',
    telemetry,
    config,
    health,
    service,
    closeApp: () => app.close(),
  });
} catch (error) {
  telemetry.logger.error('FastTodo (fastify) failed to start', { error });
  process.exitCode = 1;
  await telemetry.shutdown();
}
