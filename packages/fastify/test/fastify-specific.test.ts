// Fastify-only behaviour, in process on the sources: registration-time validation, the app's own error
// handler, the opt-in error responder, encapsulation and the close path. Spans are read through log lines.
import { setTimeout as sleep } from 'node:timers/promises';
import { fastifyObservability, setUser } from '@fasttodo/fastify';
import { createHealth, installGracefulShutdown } from '@fasttodo/health';
import { startTelemetry, TelemetryConfigError } from '@fasttodo/telemetry';
import Fastify, { type FastifyInstance } from 'fastify';
import { LogLines } from '../../telemetry/test/support/log-lines';
import { abortAfter, send } from '../../telemetry/test/support/send';

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

describe('errorResponder', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = Fastify();
    await app.register(fastifyObservability, { telemetry, errorResponder: true });
    app.get('/boom', async () => {
      throw new Error('secret detail sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    });
    app.get('/invalid', { schema: { querystring: { type: 'object', required: ['q'] } } }, async () => 'ok');
    port = await listen(app);
  });
  afterAll(() => app.close());

  test('answers an unhandled error with the generic body and the request id, never the message', async () => {
    const reply = await send(port, '/boom', { headers: { 'x-request-id': 'responder-1' } });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ error: 'internal_server_error', request_id: 'responder-1' });
    expect(reply.headers['x-request-id']).toBe('responder-1');
    expect(line('responder-1')).toMatchObject({ status: 500, error_type: 'Error' });
    expect(logs.raw.join('\n')).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });

  test("leaves a 4xx (Fastify's validation error) to Fastify's own handler", async () => {
    const reply = await send(port, '/invalid', { headers: { 'x-request-id': 'responder-400' } });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ statusCode: 400, code: 'FST_ERR_VALIDATION' });
    expect(line('responder-400')).not.toHaveProperty('error_type');
  });
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

test('a client abort before the reply is recorded once, as aborted', async () => {
  const app = Fastify();
  await app.register(fastifyObservability, { telemetry });
  app.get('/hang', async () => {
    await sleep(800);
    return {};
  });
  const port = await listen(app);
  try {
    await abortAfter(port, '/hang', 200);
    await sleep(1000);
    const aborted = logs.lines.filter((l) => l['route'] === '/hang' && l['message'] === 'request completed');
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toMatchObject({ error_type: 'aborted', status: null });
  } finally {
    await app.close();
  }
});

test('the health drain runs with app.close(): readiness 503, in-flight completes, onClose hooks run', async () => {
  const health = createHealth({ version: '1.0.0', checks: [] });
  const app = Fastify();
  let onCloseRan = false;
  app.addHook('onClose', async () => {
    onCloseRan = true;
  });
  await app.register(fastifyObservability, { telemetry, health });
  app.get('/work', async () => {
    await sleep(400);
    return { done: true };
  });
  const port = await listen(app);
  let exitCode: number | undefined;
  const drain = installGracefulShutdown(app.server, {
    health,
    signals: [],
    drainDelayMs: 200,
    beforeExit: () => app.close(),
    exit: (code) => {
      exitCode = code;
    },
  });
  const inFlight = send(port, '/work', { headers: { 'x-request-id': 'health-drain' } });
  await sleep(50);
  const done = drain.shutdown();
  expect((await send(port, '/health/ready')).status).toBe(503);
  expect((await inFlight).status).toBe(200);
  await done;
  expect([exitCode, onCloseRan]).toEqual([0, true]);
  expect(line('health-drain')).toMatchObject({ status: 200, route: '/work' });
});
