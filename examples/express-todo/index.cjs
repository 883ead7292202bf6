'use strict';
// FastTodo on Express 5, CommonJS. Telemetry starts before the framework loads; the rest is routing glue:
// the behaviour lives in @fasttodo/todo-domain, the observability in @fasttodo/express.
const { once } = require('node:events');
const { startTelemetry } = require('@fasttodo/telemetry');
const domain = require('@fasttodo/todo-domain');

const config = domain.loadConfig();
const telemetry = startTelemetry({
  serviceName: 'fasttodo-express',
  serviceVersion: domain.SERVICE_VERSION,
  // pg and ioredis spans as children of the request span when DATABASE_URL / REDIS_URL are set.
  instrumentations: domain.storageInstrumentations(),
});

const express = require('express');
const { expressObservability, setUser } = require('@fasttodo/express');

const send = (res, { status, body }) =>
  body === undefined ? res.status(status).end() : res.status(status).json(body);

async function main() {
  const { health, service } = await domain.prepareFastTodo({ telemetry, config, setUser });
  const observability = expressObservability({ telemetry, health });
  const app = express();
  app.use(observability);
  // Every body is read as JSON whatever its content type, as on the other two apps: anything else is a 400.
  app.use(express.json({ limit: domain.BODY_LIMIT_BYTES, type: () => true }));
  for (const route of domain.ROUTES) {
    app[route.method.toLowerCase()](route.path, async (req, res) => {
      const request = { authorization: req.headers.authorization, params: req.params, body: req.body };
      send(res, await service.handle(route, request));
    });
  }
  app.use((_req, res) => send(res, domain.NOT_FOUND));
  app.use(observability.errorHandler); // records 5xx failures; a 4xx error (body-parser's 400) passes on
  app.use((error, _req, res, _next) => send(res, domain.errorResult(error)));

  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  domain.serveFastTodo(server, { framework: 'express', telemetry, config, health, service });
}

main().catch((error) => {
  telemetry.logger.error('FastTodo (express) failed to start', { error });
  process.exitCode = 1;
  telemetry.shutdown();
});
