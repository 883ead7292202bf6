import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { startReceiver } from './support/receiver';
import type { ReceivedLog, Receiver } from './support/receiver';

const CHILD = join(__dirname, 'logs-otlp-child.mjs');
const DIST = join(__dirname, '..', 'dist', 'index.js');

interface ChildResult {
  traceId: string;
  spanId: string;
  logMs: number;
  shutdownMs: number;
  lines: Record<string, unknown>[];
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.stop());
afterEach(async () => {
  await receiver.setMode('ok');
  await receiver.clear();
});

/** Runs the child service (built package) to completion and returns its report. */
function runChild(
  url: string,
  count: number,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildResult> {
  if (!existsSync(DIST)) {
    throw new Error(`${DIST} is missing: run "pnpm --filter @fasttodo/telemetry build" before these tests`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, url, String(count), String(timeoutMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`child exited with ${code}: ${output}`));
      resolve(JSON.parse(last) as ChildResult);
    });
  });
}

async function waitForLogs(predicate: (records: ReceivedLog[]) => boolean): Promise<ReceivedLog[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const records = await receiver.logs();
    if (predicate(records) || Date.now() > deadline) return records;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('log records reach the OTLP receiver with the active span’s trace ids, redacted', async () => {
  const result = await runChild(receiver.logsUrl, 1, 2000);
  const records = await waitForLogs((r) => r.length > 0);
  expect(records).toHaveLength(1);
  const [record] = records;
  expect(record?.traceId).toBe(result.traceId);
  expect(record?.spanId).toBe(result.spanId);
  expect(record?.body).toBe('paid by [REDACTED]');
  expect(record?.severityText).toBe('warn');
  expect(record?.attributes).toMatchObject({ password: '[REDACTED]', amount: 12, request_id: 'req-otlp' });
  expect(record?.resource).toMatchObject({ [ATTR_SERVICE_NAME]: 'otlp-logs-child' });
  expect(JSON.stringify(await receiver.raw())).not.toContain('hunter2');
  expect(JSON.stringify(await receiver.raw())).not.toContain('dave@example.com');
  // The same record went to the stream, with the same trace id.
  expect(result.lines).toHaveLength(1);
  expect(result.lines[0]).toMatchObject({ message: 'paid by [REDACTED]', trace_id: result.traceId });
});

test('a black-holed collector delays neither logging nor shutdown beyond its bound', async () => {
  await receiver.setMode('blackhole');
  const result = await runChild(receiver.logsUrl, 500, 500);
  expect(result.lines).toHaveLength(500);
  expect(result.logMs).toBeLessThan(2000);
  // The log part of shutdown is bounded by timeoutMillis + 1 s; the whole shutdown has its own timeout.
  expect(result.shutdownMs).toBeLessThan(6000);
});

test('a refused collector never breaks logging', async () => {
  const result = await runChild('http://127.0.0.1:9/v1/logs', 3, 500);
  expect(result.lines).toHaveLength(3);
});

test('OTEL_LOGS_EXPORTER=otlp alone turns log export on, with the endpoint and headers from the environment', async () => {
  const result = await runChild('env', 1, 2000, {
    OTEL_LOGS_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=acme',
  });
  const records = await waitForLogs((r) => r.length > 0);
  expect(records).toHaveLength(1);
  expect(records[0]?.traceId).toBe(result.traceId);
  expect(records[0]?.body).toBe('paid by [REDACTED]');
  expect((await receiver.stats()).lastHeaders).toMatchObject({ 'x-tenant': 'acme' });
  expect(JSON.stringify(await receiver.raw())).not.toContain('hunter2');
});

test('without OTEL_LOGS_EXPORTER nothing is exported, even with an OTLP endpoint configured', async () => {
  const result = await runChild('env', 1, 2000, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
  expect(result.lines).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await receiver.logs()).toEqual([]);
});
