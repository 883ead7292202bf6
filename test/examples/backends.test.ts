import { type ReceivedSpan, useReceiver } from '../../packages/telemetry/test/support/receiver';
import { useServices } from '../storage/support/services';
import { FRAMEWORKS, type RunningExample, startExample } from './support';

// Each example on real PostgreSQL and Redis, exporting to the real OTLP receiver: the SQL of POST /todos is a
// child of the request's SERVER span, and readiness follows Redis down and back up.
const services = useServices();
const receiverOf = useReceiver();

async function json(url: string, path: string, init: { body?: unknown; token?: string; id?: string } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.id ? { 'x-request-id': init.id } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

async function readiness(url: string, wanted: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${url}/health/ready`);
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status === wanted) return body;
    if (Date.now() > deadline)
      throw new Error(`readiness stayed ${response.status}: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function sqlOf(span: ReceivedSpan): string {
  return String(span.attributes['db.query.text'] ?? span.attributes['db.statement'] ?? '');
}

describe.each(FRAMEWORKS)('%s example on PostgreSQL and Redis', (framework) => {
  let app: RunningExample;
  beforeAll(async () => {
    app = await startExample(framework, {
      DATABASE_URL: services().databaseUrl,
      REDIS_URL: services().redisUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiverOf().url,
      OTEL_TRACES_SAMPLER: 'always_on',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }, 60_000);
  afterAll(async () => {
    app?.child.kill('SIGTERM');
    await app?.exit;
  }, 30_000);

  test('POST /todos: the INSERT is a child span of the request', async () => {
    const email = `${framework}-${Date.now()}@example.com`;
    expect(
      (await json(app.url, '/auth/register', { body: { email, password: 'correct horse 1' } })).status,
    ).toBe(201);
    const login = await json(app.url, '/auth/login', { body: { email, password: 'correct horse 1' } });
    const token = String(login.body['token']);
    const created = await json(app.url, '/todos', {
      body: { title: 'buy milk' },
      token,
      id: `db-${framework}`,
    });
    expect(created.status).toBe(201);

    const isServer = (s: ReceivedSpan) =>
      s.name === 'POST /todos' && s.resource['service.name'] === `fasttodo-${framework}`;
    const spans = await receiverOf().waitForSpans((all) => all.some(isServer));
    const server = spans.find(isServer);
    expect(server).toBeDefined();
    const children = (
      await receiverOf().waitForSpans((all) =>
        all.some((s) => s.parentSpanId === server?.spanId && /insert into todos/i.test(sqlOf(s))),
      )
    ).filter((s) => s.parentSpanId === server?.spanId);
    const insert = children.find((s) => /insert into todos/i.test(sqlOf(s)));
    expect(insert?.traceId).toBe(server?.traceId);
    expect(sqlOf(insert as ReceivedSpan)).not.toContain('buy milk');
    expect(JSON.stringify(spans)).not.toContain(token);
  }, 60_000);

  test('readiness fails while Redis is down and passes again when it returns', async () => {
    await readiness(app.url, 200);
    await services().stopRedis();
    try {
      const down = await readiness(app.url, 503);
      expect(down).toMatchObject({ status: 'fail', checks: { redis: { status: 'fail' } } });
    } finally {
      await services().startRedis();
    }
    expect(await readiness(app.url, 200)).toMatchObject({ status: 'pass' });
  }, 60_000);
});
