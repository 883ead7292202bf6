// The standard test app on Koa + @koa/router, for the shared conformance suite and this package's tests. It
// uses the BUILT adapter (dist/). startDriver(options) → { port, close() }: options are HttpObservabilityOptions.
const { setTimeout: sleep } = require('node:timers/promises');
const Koa = require('koa');
const { Router } = require('@koa/router');
const { koaObservability, setUser } = require('../../dist/index.cjs');

async function readBody(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

/** Routes every adapter's test app has; `logger` is the telemetry's winston logger. */
function todoRoutes(router, logger) {
  router.get('/todos', (ctx) => {
    ctx.body = [{ id: 1 }];
  });
  router.get('/todos/:id', (ctx) => {
    logger.info('loading todo');
    ctx.body = { id: ctx.params.id };
  });
  router.post('/todos', async (ctx) => {
    const body = await readBody(ctx);
    logger.info('creating todo');
    ctx.status = 201;
    ctx.body = { created: body.length };
  });
  router.get('/boom', () => {
    throw new Error('db failed for alice@example.com with token sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });
  router.get('/reject', async () => {
    await sleep(1);
    throw new TypeError('rejected');
  });
  router.get('/explicit500', (ctx) => {
    ctx.status = 500;
    ctx.body = { error: 'no' };
  });
  router.get('/bad-request', (ctx) => ctx.throw(400, 'invalid input'));
  router.get('/me', (ctx) => {
    setUser('user-42');
    logger.info('who am i');
    ctx.body = { user: 'user-42' };
  });
  router.get('/slow', async (ctx) => {
    await sleep(3000);
    ctx.body = {};
  });
}

/** Builds the app: the middleware, the root routes, `/api` → `/v1` → `/todos/:id`, `/users/:userId` → `/todos/:todoId`. */
function buildApp(options) {
  const app = new Koa();
  app.silent = true; // Koa's default error handler still answers; it just does not print to stderr
  app.use(koaObservability(options));
  const logger = options.telemetry.logger;
  const root = new Router();
  todoRoutes(root, logger);
  const v1 = new Router();
  v1.get('/todos/:id', (ctx) => {
    ctx.body = { id: ctx.params.id, version: 1 };
  });
  const api = new Router({ prefix: '/api' });
  api.use('/v1', v1.routes());
  const todos = new Router();
  todos.get('/todos/:todoId', (ctx) => {
    logger.info('loading user todo');
    ctx.body = ctx.params;
  });
  const users = new Router();
  users.use('/users/:userId', todos.routes());
  for (const router of [root, api, users]) app.use(router.routes()).use(router.allowedMethods());
  return app;
}

/** Starts the standard app on 127.0.0.1, port 0. */
function startDriver(options) {
  const app = buildApp(options);
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const close = () => new Promise((done) => server.close(() => done()));
      resolve({ port: server.address().port, app, server, close });
    });
  });
}

module.exports = { buildApp, startDriver, framework: 'koa' };
