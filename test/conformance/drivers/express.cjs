// Conformance driver for @fasttodo/express: the suite's routes in Express, served by app.listen() on port 0.
// expressDriver(express) builds the same app on another Express major (express4.cjs).
const { expressObservability } = require('@fasttodo/express');
const { listening } = require('../support/listening.cjs');

/** Express handler for a neutral one: a sync throw stays sync, a rejection goes to next() (Express 4 needs it). */
function route(handler) {
  return (req, res, next) => {
    const send = (reply) => res.status(reply.status).json(reply.body);
    const out = handler({ params: req.params, body: req.body });
    return typeof out?.then === 'function' ? out.then(send, next) : send(out);
  };
}

/** The driver for one Express module (`require('express')` or an older major). */
function expressDriver(express) {
  async function start({ options, handlers, onClose }) {
    const observability = expressObservability(options);
    const app = express();
    app.use(observability);

    const admin = express.Router();
    admin.get('/stats/:day', route(handlers.stats));
    const api = express.Router();
    api.get('/todos/:id', route(handlers.todo));
    api.post('/todos', express.json(), route(handlers.createTodo));
    api.use('/admin', admin);
    app.use('/api/v1', api);

    const userTodos = express.Router({ mergeParams: true });
    userTodos.post('/todos/:todoId', route(handlers.userTodo));
    app.use('/users/:userId', userTodos);

    for (const [name, handler] of Object.entries(handlers.root)) {
      app.get(`/${name}`, route(handler));
    }
    app.use((_req, res) => res.status(404).json({ error: 'not_found' }));
    app.use(observability.errorHandler);

    return listening(app.listen(0, '127.0.0.1'), onClose);
  }
  return { start };
}

module.exports = { ...expressDriver(require('express')), expressDriver };
