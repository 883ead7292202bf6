// Conformance driver for @fasttodo/koa: the suite's routes in Koa with @koa/router, served by app.listen() on
// port 0. koaDriver(Koa) builds the same app on another Koa major (koa2.cjs).
const Router = require('@koa/router');
const { koaObservability } = require('@fasttodo/koa');
const { listening } = require('../support/listening.cjs');

/** Koa middleware for a neutral handler: its reply becomes the response, a throw or rejection goes to Koa. */
function route(handler) {
  return async (ctx) => {
    const out = await handler({ params: ctx.params, body: ctx.request.body });
    ctx.status = out.status;
    ctx.body = out.body;
  };
}

/** Koa has no body parser of its own: read the JSON body from the stream (it may arrive after the headers). */
async function jsonBody(ctx, next) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  ctx.request.body = JSON.parse(Buffer.concat(chunks).toString() || 'null');
  await next();
}

/** The driver for one Koa module (`require('koa')` or an older major). */
function koaDriver(Koa) {
  async function start({ options, handlers, onClose }) {
    const app = new Koa();
    app.silent = true;
    app.use(koaObservability(options));

    const admin = new Router();
    admin.get('/stats/:day', route(handlers.stats));
    const api = new Router({ prefix: '/api/v1' });
    api.get('/todos/:id', route(handlers.todo));
    api.post('/todos', jsonBody, route(handlers.createTodo));
    api.use('/admin', admin.routes());
    const users = new Router({ prefix: '/users/:userId' });
    users.post('/todos/:todoId', route(handlers.userTodo));
    const root = new Router();
    for (const [name, handler] of Object.entries(handlers.root)) {
      root.get(`/${name}`, route(handler));
    }
    for (const router of [api, users, root]) app.use(router.routes());

    return listening(app.listen(0, '127.0.0.1'), onClose);
  }
  return { start };
}

module.exports = { ...koaDriver(require('koa')), koaDriver };
