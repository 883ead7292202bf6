// Conformance driver for @fasttodo/koa: the suite's routes in Koa with @koa/router, served on port 0.
const http = require('node:http');
const Koa = require('koa');
const Router = require('@koa/router');
const { koaObservability } = require('@fasttodo/koa');

/** Koa middleware for a neutral handler: its reply becomes the response, a throw or rejection goes to Koa. */
function route(handler) {
  return async (ctx) => {
    const out = await handler({ params: ctx.params });
    ctx.status = out.status;
    ctx.body = out.body;
  };
}

exports.start = async ({ options, handlers, serverOptions }) => {
  const app = new Koa();
  app.silent = true;
  app.use(koaObservability(options));

  const admin = new Router();
  admin.get('/stats/:day', route(handlers.stats));
  const api = new Router({ prefix: '/api/v1' });
  api.get('/todos/:id', route(handlers.todo));
  api.use('/admin', admin.routes());
  const users = new Router({ prefix: '/users/:userId' });
  users.post('/todos/:todoId', route(handlers.userTodo));
  const root = new Router();
  root.get('/boom', route(handlers.boom));
  root.get('/reject', route(handlers.reject));
  root.get('/explicit500', route(handlers.explicit500));
  root.get('/slow', route(handlers.slow));
  root.get('/context', route(handlers.context));
  for (const router of [api, users, root]) app.use(router.routes());

  const server = http.createServer(serverOptions, app.callback());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port };
};
