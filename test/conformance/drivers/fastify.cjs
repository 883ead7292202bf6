// Conformance driver for @fasttodo/fastify: the suite's routes in Fastify, served on port 0.
// fastifyDriver(Fastify) builds the same app on another Fastify major (fastify4.cjs).
const { fastifyObservability } = require('@fasttodo/fastify');

/** Fastify handler for a neutral one: its reply is sent, a throw or rejection goes to Fastify's error handling. */
function route(handler) {
  return async (request, reply) => {
    const out = await handler({ params: request.params, body: request.body });
    return reply.code(out.status).send(out.body);
  };
}

// The suite's 8 KB path segment is longer than Fastify's default limit on a parameter (100).
const LONG_PARAMS = { routerOptions: { maxParamLength: 8192 } };

/** The driver for one Fastify module (`require('fastify')` or an older major, with its way to set router options). */
function fastifyDriver(Fastify, routerOptions = LONG_PARAMS) {
  async function start({ options, handlers, onClose }) {
    const app = Fastify({ forceCloseConnections: true, ...routerOptions });
    app.addHook('onClose', async () => onClose());
    await app.register(fastifyObservability, options);
    await app.register(
      async (api) => {
        api.get('/todos/:id', route(handlers.todo));
        api.post('/todos', route(handlers.createTodo));
        await api.register(async (admin) => admin.get('/stats/:day', route(handlers.stats)), {
          prefix: '/admin',
        });
      },
      { prefix: '/api/v1' },
    );
    await app.register(async (users) => users.post('/todos/:todoId', route(handlers.userTodo)), {
      prefix: '/users/:userId',
    });
    for (const [name, handler] of Object.entries(handlers.root)) {
      app.get(`/${name}`, route(handler));
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    // Fastify's own close path: app.close() runs the onClose hooks (a bare server.close() would not).
    return { server: app.server, close: () => app.close() };
  }
  return { start };
}

module.exports = { ...fastifyDriver(require('fastify')), fastifyDriver };
