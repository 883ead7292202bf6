import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type ReceivedSpan, useReceiver } from '../../packages/telemetry/test/support/receiver';
import { useServices } from './support/services';

// Child processes on the BUILT packages (`pnpm -s build`): telemetry started with storageInstrumentations(),
// store calls inside one active span; the real OTLP receiver must get the pg and ioredis spans as its children.
const services = useServices();
const receiverOf = useReceiver();
afterEach(async () => {
  await receiverOf().clear();
});

const CLIENT = 3;

async function runApp(script: string): Promise<{ traceId: string; spanId: string; secrets: string[] }> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'support', script)], {
    timeout: 60_000,
    env: {
      ...process.env,
      DATABASE_URL: services().databaseUrl,
      REDIS_URL: services().redisUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiverOf().url,
    },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

function queryText(span: ReceivedSpan): string {
  return String(span.attributes['db.query.text'] ?? span.attributes['db.statement'] ?? '');
}

describe.each([
  ['ESM', 'storage-app.mjs'],
  ['CJS', 'storage-app.cjs'],
])('storage spans from the %s build', (_label, script) => {
  it('are children of the active span: SQL text without values, Redis commands without arguments', async () => {
    const app = await runApp(script);
    const spans = await receiverOf().waitForSpans((all) =>
      ['@opentelemetry/instrumentation-pg', '@opentelemetry/instrumentation-ioredis'].every((scope) =>
        all.some((s) => s.scope === scope && s.parentSpanId === app.spanId),
      ),
    );
    const children = spans.filter((s) => s.traceId === app.traceId && s.parentSpanId === app.spanId);
    const sql = children.filter((s) => s.scope === '@opentelemetry/instrumentation-pg' && s.kind === CLIENT);
    const redis = children.filter((s) => s.scope === '@opentelemetry/instrumentation-ioredis');

    const insertTodo = sql.find((s) => queryText(s).startsWith('INSERT INTO todos'));
    expect(insertTodo && queryText(insertTodo)).toMatch(/VALUES \(\$1, \$2, \$3\)/);
    expect(sql.some((s) => queryText(s).startsWith('INSERT INTO users'))).toBe(true);
    expect(redis.map((s) => s.name).sort()).toEqual(['get', 'set']);
    for (const span of redis) expect(span.attributes['db.statement'] ?? span.name).toBe(span.name);

    // Only spans with a parent: the start-up DDL ran outside any span and left none.
    expect(spans.filter((s) => queryText(s).includes('CREATE TABLE'))).toEqual([]);
    // No value reached any span: not the email, title, password hash, token, session key or user id.
    const exported = JSON.stringify(spans);
    for (const secret of app.secrets) expect(exported).not.toContain(secret);
  });
});
