import { type HttpApp, startHttpApp } from './support/http-harness';
import { promtoolCheck } from './metrics-helpers';
import { type Receiver, startReceiver } from './support/receiver';

const TOKEN = 'scrape-token-0123456789abcdef';
let receiver: Receiver;
const apps: HttpApp[] = [];

async function appWith(http: Record<string, unknown> = {}): Promise<HttpApp> {
  const app = await startHttpApp({ tracesUrl: receiver.tracesUrl, http });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await receiver?.stop();
});

describe('/metrics', () => {
  test('served to loopback by default: Prometheus 0.0.4 text that promtool accepts', async () => {
    const app = await appWith();
    await app.send('/api/v1/todos/1');
    const reply = await app.send('/metrics');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(reply.body).toMatch(
      /^http_server_request_duration_seconds_count\{[^}]*http_route="\/api\/v1\/todos\/:id"/m,
    );
    expect(await promtoolCheck(reply.body)).toEqual({ code: 0, output: '' });
    const head = await app.send('/metrics', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  test('denied (403, empty body) outside the allowed networks; a spoofed X-Forwarded-For changes nothing', async () => {
    const app = await appWith({ metricsEndpoint: { allow: ['10.0.0.0/8'] } });
    for (const headers of [{}, { 'x-forwarded-for': '10.1.2.3' }]) {
      const reply = await app.send('/metrics', { headers });
      expect(reply.status).toBe(403);
      expect(reply.body).toBe('');
    }
  });

  test('X-Forwarded-For is honoured from a configured trusted proxy', async () => {
    const app = await appWith({
      metricsEndpoint: { allow: ['10.0.0.0/8'], trustedProxies: ['127.0.0.1/32'] },
    });
    expect((await app.send('/metrics', { headers: { 'x-forwarded-for': '10.1.2.3' } })).status).toBe(200);
    expect((await app.send('/metrics', { headers: { 'x-forwarded-for': '8.8.8.8' } })).status).toBe(403);
    expect((await app.send('/metrics', { headers: { 'x-forwarded-for': '10.1.2.3, 8.8.8.8' } })).status).toBe(
      403,
    );
  });

  test('a bearer token is required when configured', async () => {
    const app = await appWith({ metricsEndpoint: { bearerToken: TOKEN } });
    expect((await app.send('/metrics')).status).toBe(403);
    expect((await app.send('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(403);
    expect((await app.send('/metrics', { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(403);
    const ok = await app.send('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });

  test('not mounted when switched off (metrics on their own port): the path is the app’s again', async () => {
    const app = await appWith({ metricsEndpoint: false, healthEndpoints: false });
    const reply = await app.send('/metrics', { headers: { 'x-request-id': 'req-unmounted' } });
    expect(reply.status).toBe(404);
    expect(reply.headers['x-request-id']).toBe('req-unmounted');
    expect((await app.send('/health')).status).toBe(404);
  });
});

describe('health endpoints', () => {
  test.each([
    ['pass', 200],
    ['warn', 200],
    ['fail', 503],
  ] as const)('%s → %i on every probe, GET and HEAD', async (status, code) => {
    const app = apps[0] ?? (await appWith());
    await app.setHealth(status);
    for (const path of ['/health', '/health/live', '/health/ready', '/health/startup']) {
      const reply = await app.send(path);
      expect(reply.status).toBe(code);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(reply.body)).toMatchObject({ status });
      const head = await app.send(path, { method: 'HEAD' });
      expect(head.status).toBe(code);
      expect(head.body).toBe('');
    }
    await app.setHealth('pass');
  });

  test('other methods get 405', async () => {
    const app = apps[0] ?? (await appWith());
    const reply = await app.send('/health', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers['allow']).toBe('GET, HEAD');
  });

  test('paths are configurable and each can be switched off', async () => {
    const app = await appWith({ healthEndpoints: { combined: '/status', live: '/livez', startup: false } });
    expect((await app.send('/status')).status).toBe(200);
    expect((await app.send('/livez')).status).toBe(200);
    expect((await app.send('/health/ready')).status).toBe(200);
    expect((await app.send('/health/startup')).status).toBe(404);
  });

  test('endpoint requests are not traced, not logged and not counted', async () => {
    const app = await appWith();
    await receiver.clear();
    const before = await app.rawLogs();
    for (const path of ['/health', '/health/live', '/metrics', '/health/ready?probe=1']) await app.send(path);
    await app.send('/api/v1/todos/5', { headers: { 'x-request-id': 'req-after-probes' } });
    await receiver.waitForSpans((s) => s.some((span) => span.name === 'GET /api/v1/todos/:id'));
    await receiver.settle();
    const spans = await receiver.spans();
    expect(spans.map((s) => s.name)).toEqual(['GET /api/v1/todos/:id']);
    // The SDK's own diagnostics (e.g. an early resource read) are not request lines.
    const newLines = (await app.rawLogs())
      .slice(before.length)
      .filter((l) => !l.includes('"opentelemetry: '));
    expect(newLines).toHaveLength(2);
    expect(newLines.join('\n')).not.toMatch(/health|metrics/);
    expect(await app.metricsText()).not.toMatch(/http_route="\/(health|metrics)/);
  });
});
