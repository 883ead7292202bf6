// The body of the storage trace apps: one copy, handed the exports of the ESM or the CJS builds by
// storage-app.mjs / storage-app.cjs. Starts telemetry with the storage instrumentations BEFORE the storage
// opens (as a service does), runs store calls inside one active SERVER span, flushes, and prints one JSON
// line: the ids of that span and the values the spans must never carry.
const { createHash } = require('node:crypto');

const NO_METRICS = { observeQuery() {}, setActiveConnections() {} };

/** @param {Record<string, Function>} lib */
async function run(lib) {
  const telemetry = lib.startTelemetry(
    {
      serviceName: 'storage-trace-test',
      environment: 'test',
      metrics: { enabled: false },
      logs: { level: 'error' },
      traces: { scheduledDelayMs: 10 },
      instrumentations: lib.storageInstrumentations(),
    },
    process.env,
  );
  const db = await lib.openPostgres(process.env.DATABASE_URL, NO_METRICS);
  const kv = await lib.openRedis(process.env.REDIS_URL);
  const email = `trace.${process.pid}.${Date.now()}@example.test`;
  const title = `secret title ${process.pid}`;
  const root = await telemetry.tracer.startActiveSpan('POST /todos', { kind: 1 }, async (span) => {
    const user = await db.users.create(email, 'scrypt-hash-value');
    const token = await kv.sessions.create(user.id);
    await kv.sessions.resolve(token);
    await db.todos.create(user.id, title);
    span.end();
    return { ...span.spanContext(), token, userId: user.id };
  });
  await Promise.all([db.close(), kv.close()]);
  await telemetry.shutdown();
  const tokenHash = createHash('sha256').update(root.token).digest('hex');
  const secrets = [email, title, 'scrypt-hash-value', root.token, tokenHash, root.userId];
  process.stdout.write(`${JSON.stringify({ traceId: root.traceId, spanId: root.spanId, secrets })}\n`);
}

module.exports = { run };
