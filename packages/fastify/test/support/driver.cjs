// The standard test app on Fastify, for the shared conformance suite and this package's tests. It uses the
// BUILT adapter (dist/), so it runs in a child process or in jest alike.
// startDriver(options) → { port, close() }: options are HttpObservabilityOptions (telemetry required).
const { setTimeout: sleep } = require('node:timers/promises');
const Fastify = require('fastify');
const { fastifyObservability, setUser } = require('../../dist/index.cjs');

/** Routes every adapter's test app has; `logger` is the telemetry's winston logger. */
function todoRoutes(app, logger) {
  app.get('/todos', async () => [{ id: 1 }]);
  app.get('/todos/:id', async (request) => {
    logger.info('loading todo');
    return { id: request.params.id };
  });
  app.post('/todos', async (request, reply) => {
    logger.info('creating todo');
    return reply.code(201).send({ created: request.body });
  });
  app.get('/boom', () => {
    throw new Error('db failed for alice@example.com with token sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });
  app.get('/reject', async () => {
    await sleep(1);
    throw new TypeError('rejected');
  });
  app.get('/explicit500', async (_request, reply) => reply.code(500).send({ error: 'no' }));
  app.get('/bad-request', async () => {
    throw Object.assign(new Error('invalid input'), { statusCode: 400 });
  });
  app.get('/me', async () => {
    setUser('user-42');
    logger.info('who am i');
    return { user: 'user-42' };
  });
  app.get('/slow', async () => {
    await sleep(3000);
    return {};
  });
}

/** Builds the app: the plugin, the root routes, `/api` → `/v1` → `/todos/:id`, `/users/:userId` → `/todos/:todoId`. */
async function buildApp(options) {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(fastifyObservability, options);
  const logger = options.telemetry.logger;
  todoRoutes(app, logger);
  await app.register(
    async (api) => {
      await api.register(
        async (v1) => {
          v1.get('/todos/:id', async (request) => ({ id: request.params.id, version: 1 }));
        },
        { prefix: '/v1' },
      );
    },
    { prefix: '/api' },
  );
  await app.register(
    async (users) => {
      users.get('/todos/:todoId', async (request) => {
        logger.info('loading user todo');
        return request.params;
      });
    },
    { prefix: '/users/:userId' },
  );
  return app;
}

/** Starts the standard app on 127.0.0.1, port 0. */
async function startDriver(options) {
  const app = await buildApp(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.server.address().port, app, close: () => app.close() };
}

module.exports = { buildApp, startDriver, framework: 'fastify' };
