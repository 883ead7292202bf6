// Conformance driver for @fasttodo/express: the suite's routes in Express, served on port 0.
const http = require('node:http');
const express = require('express');
const { expressObservability } = require('@fasttodo/express');

/** Express handler for a neutral one: a sync throw stays sync, a rejection goes to next() (Express 4 needs it). */
function route(handler) {
  return (req, res, next) => {
    const send = (reply) => res.status(reply.status).json(reply.body);
    const out = handler({ params: req.params });
    return typeof out?.then === 'function' ? out.then(send, next) : send(out);
  };
}

exports.start = async ({ options, handlers, serverOptions }) => {
  const observability = expressObservability(options);
  const app = express();
  app.use(observability);

  const admin = express.Router();
  admin.get('/stats/:day', route(handlers.stats));
  const api = express.Router();
  api.get('/todos/:id', route(handlers.todo));
  api.use('/admin', admin);
  app.use('/api/v1', api);

  const userTodos = express.Router({ mergeParams: true });
  userTodos.post('/todos/:todoId', route(handlers.userTodo));
  app.use('/users/:userId', userTodos);

  app.get('/boom', route(handlers.boom));
  app.get('/reject', route(handlers.reject));
  app.get('/explicit500', route(handlers.explicit500));
  app.get('/slow', route(handlers.slow));
  app.get('/context', route(handlers.context));
  app.use((_req, res) => res.status(404).json({ error: 'not_found' }));
  app.use(observability.errorHandler);

  const server = http.createServer(serverOptions, app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port };
};
