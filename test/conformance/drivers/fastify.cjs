// Conformance driver for @fasttodo/fastify: the suite's routes in Fastify, served on port 0.
const http = require('node:http');
const Fastify = require('fastify');
const { fastifyObservability } = require('@fasttodo/fastify');

/** Fastify handler for a neutral one: its reply is sent, a throw or rejection goes to Fastify's error handling. */
function route(handler) {
  return async (request, reply) => {
    const out = await handler({ params: request.params });
    return reply.code(out.status).send(out.body);
  };
}

exports.start = async ({ options, handlers, serverOptions }) => {
  const app = Fastify({
    forceCloseConnections: true,
    maxParamLength: 8192,
    serverFactory: (handler) => http.createServer(serverOptions, handler),
  });
  await app.register(fastifyObservability, options);
  await app.register(
    async (api) => {
      api.get('/todos/:id', route(handlers.todo));
      await api.register(async (admin) => admin.get('/stats/:day', route(handlers.stats)), {
        prefix: '/admin',
      });
    },
    { prefix: '/api/v1' },
  );
  await app.register(async (users) => users.post('/todos/:todoId', route(handlers.userTodo)), {
    prefix: '/users/:userId',
  });
  app.get('/boom', route(handlers.boom));
  app.get('/reject', route(handlers.reject));
  app.get('/explicit500', route(handlers.explicit500));
  app.get('/slow', route(handlers.slow));
  app.get('/context', route(handlers.context));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.server.address().port };
};
