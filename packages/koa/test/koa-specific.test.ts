// Koa-only behaviour, in process on the sources: validation when the middleware is made, the app's own error
// middleware, Koa without a router, odd thrown values. Read through the JSON log lines. The behaviour every
// adapter shares (Koa's default error handler, the error responder, ...) is in test/conformance.
import type { AddressInfo } from 'node:net';
import { koaObservability, setUser } from '@fasttodo/koa';
import { startTelemetry, TelemetryConfigError } from '@fasttodo/telemetry';
import { Router } from '@koa/router';
import Koa from 'koa';
import { LogLines } from '../../telemetry/test/support/log-lines';
import { send } from '../../telemetry/test/support/send';

const logs = new LogLines();
const telemetry = startTelemetry({ serviceName: 'koa-unit', logs: { format: 'json', stream: logs } }, {});
afterAll(() => telemetry.shutdown());

async function serve(app: Koa, run: (port: number) => Promise<void>): Promise<void> {
  app.silent = true;
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    await run((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function line(requestId: string, message = 'request completed') {
  return logs.lines.find((l) => l['request_id'] === requestId && l['message'] === message);
}

/** An app whose route throws, behind an outer error middleware. */
function throwingApp(outer: Koa.Middleware): Koa {
  const app = new Koa();
  app.use(outer);
  app.use(koaObservability({ telemetry }));
  const router = new Router({ prefix: '/v2' });
  router.get('/items/:id', (ctx) => {
    if (ctx.params.id === 'gone') throw Object.assign(new RangeError('gone'), { code: 'GONE' });
    throw new Error('secret detail sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });
  app.use(router.routes());
  return app;
}

test('a bad option throws a TelemetryConfigError naming it when the middleware is made', () => {
  expect(() => koaObservability({ telemetry, accessLog: 'yes' as never })).toThrow(TelemetryConfigError);
  expect(() => koaObservability({ telemetry, accessLog: 'yes' as never })).toThrow(/accessLog/);
});

test('an outer error middleware stays in control: its 4xx is an answer, its 5xx a recorded failure', async () => {
  const outer: Koa.Middleware = async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      ctx.status = (error as { code?: string }).code === 'GONE' ? 410 : 503;
      ctx.body = { mine: true };
    }
  };
  await serve(throwingApp(outer), async (port) => {
    const gone = await send(port, '/v2/items/gone', { headers: { 'x-request-id': 'outer-410' } });
    expect([gone.status, gone.body]).toEqual([410, '{"mine":true}']);
    expect(line('outer-410')).toMatchObject({ status: 410, route: '/v2/items/:id' });
    expect(line('outer-410')).not.toHaveProperty('error_type');
    expect(line('outer-410', 'request failed')).toBeUndefined();
    const down = await send(port, '/v2/items/7', { headers: { 'x-request-id': 'outer-503' } });
    expect([down.status, down.body]).toEqual([503, '{"mine":true}']);
    expect(line('outer-503')).toMatchObject({ status: 503, error_type: 'Error', route: '/v2/items/:id' });
    expect(line('outer-503', 'request failed')).toBeDefined();
  });
});

test('without a router there is no route; middleware downstream runs in the request context', async () => {
  const app = new Koa();
  app.use(koaObservability({ telemetry }));
  app.use((ctx) => {
    setUser('koa-user');
    telemetry.logger.info('plain middleware');
    ctx.body = 'ok';
  });
  await serve(app, async (port) => {
    await send(port, '/anything/123', { headers: { 'x-request-id': 'no-router' } });
    const access = line('no-router');
    expect(access).toMatchObject({ status: 200, user_id: 'koa-user' });
    expect(access?.['route']).toBeNull();
    expect(line('no-router', 'plain middleware')).toMatchObject({ user_id: 'koa-user' });
    expect(line('no-router', 'plain middleware')?.['trace_id']).toBe(access?.['trace_id']);
  });
});

test('an error with read-only headers or a thrown non-error still reaches Koa unchanged', async () => {
  const app = new Koa();
  const seen: unknown[] = [];
  app.on('error', (error) => seen.push(error));
  app.use(koaObservability({ telemetry }));
  // (A frozen error crashes Koa's own onerror, which assigns err.status: not something a middleware can fix.)
  const readOnly = Object.defineProperty(new Error('read-only'), 'headers', { value: { 'x-own': '1' } });
  app.use((ctx) => {
    if (ctx.path === '/read-only') throw readOnly;
    throw 'a string';
  });
  await serve(app, async (port) => {
    const reply = await send(port, '/read-only', { headers: { 'x-request-id': 'read-only-error' } });
    expect([reply.status, reply.headers['x-own']]).toEqual([500, '1']);
    expect((await send(port, '/string', { headers: { 'x-request-id': 'string-error' } })).status).toBe(500);
    expect(seen[0]).toBe(readOnly);
    expect(line('read-only-error')).toMatchObject({ status: 500, error_type: 'Error' });
    expect(line('string-error')).toMatchObject({ status: 500 });
  });
});
