// Fastify-only behaviour, in process on the sources: registration-time validation, the app's own error
// handler, the error responder and validation errors, hooks, and app.close() alone. Read through log lines.
// The behaviour every adapter shares, the health drain through app.close() included, is in test/conformance.
import { setTimeout as sleep } from 'node:timers/promises';
import { fastifyObservability, setUser } from '@fasttodo/fastify';
import { startTelemetry, TelemetryConfigError } from '@fasttodo/telemetry';
import Fastify, { type FastifyInstance } from 'fastify';
import { LogLines } from '../../telemetry/test/support/log-lines';
import { send } from '../../telemetry/test/support/send';

const logs = new LogLines();
const telemetry = startTelemetry({ serviceName: 'fastify-unit', logs: { format: 'json', stream: logs } }, {});
afterAll(() => telemetry.shutdown());

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

function line(requestId: string, message = 'request completed') {
  return logs.lines.find((l) => l['request_id'] === requestId && l['message'] === message);
}

test('a bad option rejects registration with a TelemetryConfigError naming it', async () => {
  const app = Fastify();
  app.register(fastifyObservability, { telemetry, clientAddress: 'everything' as never });
  await expect(app.ready()).rejects.toThrow(TelemetryConfigError);
  await expect(app.ready()).rejects.toThrow(/clientAddress/);
});

test('the app error handler stays in control; a 5xx it sends is recorded with the thrown error', async () => {
  const app = Fastify();
  await app.register(fastifyObservability, { telemetry });
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as Error).message === 'missing' ? 404 : 503;
    return reply.code(status).send({ mine: true });
  });
  app.get('/fail/:kind', async (request) => {
    throw new RangeError((request.params as { kind: string }).kind);
  });
  const port = await listen(app);
  try {
    const unavailable = await send(port, '/fail/down', { headers: { 'x-request-id': 'own-503' } });
    expect([unavailable.status, unavailable.body]).toEqual([503, '{"mine":true}']);
    expect(line('own-503')).toMatchObject({ status: 503, error_type: 'RangeError', route: '/fail/:kind' });
    expect(line('own-503', 'request failed')).toBeDefined();
    const missing = await send(port, '/fail/missing', { headers: { 'x-request-id': 'own-404' } });
    expect(missing.status).toBe(404);
    expect(line('own-404')).toMatchObject({ status: 404 });
    expect(line('own-404')).not.toHaveProperty('error_type');
    expect(line('own-404', 'request failed')).toBeUndefined();
  } finally {
    await app.close();
  }
});

test("errorResponder leaves a 4xx (Fastify's validation error) to Fastify's own handler", async () => {
  const app = Fastify();
  await app.register(fastifyObservability, { telemetry, errorResponder: true });
  app.get('/invalid', { schema: { querystring: { type: 'object', required: ['q'] } } }, async () => 'ok');
  const port = await listen(app);
  try {
    const reply = await send(port, '/invalid', { headers: { 'x-request-id': 'responder-400' } });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ statusCode: 400, code: 'FST_ERR_VALIDATION' });
    expect(line('responder-400')).not.toHaveProperty('error_type');
  } finally {
    await app.close();
  }
});

test('hooks of the app registered after the plugin run in the request context', async () => {
  const app = Fastify();
  await app.register(fastifyObservability, { telemetry });
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-user']) setUser(String(request.headers['x-user']));
    telemetry.logger.info('auth hook');
  });
  app.get('/who', async () => 'ok');
  const port = await listen(app);
  try {
    await send(port, '/who', { headers: { 'x-request-id': 'hook-ctx', 'x-user': 'u-7' } });
    expect(line('hook-ctx', 'auth hook')).toMatchObject({ user_id: 'u-7' });
    expect(line('hook-ctx')).toMatchObject({ user_id: 'u-7', route: '/who' });
  } finally {
    await app.close();
  }
});

test('app.close() lets an in-flight request finish and records it; new connections are refused', async () => {
  const app = Fastify();
  await app.register(fastifyObservability, { telemetry });
  app.get('/work', async () => {
    await sleep(300);
    return { done: true };
  });
  const port = await listen(app);
  const inFlight = send(port, '/work', { headers: { 'x-request-id': 'drain-in-flight' } });
  await sleep(100);
  const closed = app.close();
  const reply = await inFlight;
  await closed;
  expect(reply.status).toBe(200);
  expect(line('drain-in-flight')).toMatchObject({ status: 200, route: '/work' });
  await expect(send(port, '/work')).rejects.toThrow(/ECONNREFUSED/);
});
