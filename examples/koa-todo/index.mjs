// FastTodo on Koa 3, ES modules. Telemetry starts before the framework loads (dynamic imports below); the
// rest is routing glue: the behaviour lives in @fasttodo/todo-domain, the observability in @fasttodo/koa.
import { once } from 'node:events';
import { startTelemetry } from '@fasttodo/telemetry';
import * as domain from '@fasttodo/todo-domain';

const config = domain.loadConfig();
const telemetry = startTelemetry({
  serviceName: 'fasttodo-koa',
  serviceVersion: domain.SERVICE_VERSION,
  // pg and ioredis spans as children of the request span when DATABASE_URL / REDIS_URL are set.
  instrumentations: domain.storageInstrumentations(),
});

const { default: Koa } = await import('koa');
const { Router } = await import('@koa/router');
const { bodyParser } = await import('@koa/bodyparser');
const { koaObservability, setUser } = await import('@fasttodo/koa');

const send = (ctx, { status, body }) => {
  ctx.status = status;
  if (body !== undefined) ctx.body = body;
};

// Outermost, so the observability middleware sees (and records) an error before it is answered here.
const answerErrors = async (ctx, next) => {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) send(ctx, domain.NOT_FOUND);
  } catch (error) {
    send(ctx, domain.errorResult(error));
  }
};

try {
  const { health, service } = await domain.prepareFastTodo({ telemetry, config, setUser });
  const router = new Router();
  for (const route of domain.ROUTES) {
    router[route.method.toLowerCase()](route.path, async (ctx) => {
      const request = { authorization: ctx.get('authorization'), params: ctx.params, body: ctx.request.body };
      send(ctx, await service.handle(route, request));
    });
  }
  const app = new Koa();
  app.use(answerErrors);
  app.use(koaObservability({ telemetry, health }));
  // Every body is read as JSON whatever its content type, as on the other two apps: anything else is a 400.
  app.use(bodyParser({ enableTypes: ['json'], detectJSON: () => true, jsonLimit: domain.BODY_LIMIT_BYTES }));
  app.use(router.routes());

  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  domain.serveFastTodo(server, { framework: 'koa', telemetry, config, health, service });
} catch (error) {
  telemetry.logger.error('FastTodo (koa) failed to start', { error });
  process.exitCode = 1;
  await telemetry.shutdown();
}
