import { useReceiverAndApp } from './support/fixture';
import type { ReceiverMode } from './support/receiver';

const fx = useReceiverAndApp();

interface Stats {
  dropped: number;
  rss: number;
  heapUsed: number;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const QUEUE = 200;

async function startFaulty(mode: ReceiverMode, nodeArgs: string[] = []) {
  await fx.receiver.setMode(mode, { delayMs: 5000, status: 503 });
  const app = await fx.startApp(nodeArgs);
  const before = Date.now();
  await app.call('start', {
    options: {
      serviceName: 'export-test',
      environment: 'test',
      metrics: { enabled: false },
      logs: { level: 'info' },
      traces: {
        endpoint: fx.receiver.tracesUrl,
        maxQueueSize: QUEUE,
        maxExportBatchSize: 50,
        scheduledDelayMs: 20,
        timeoutMs: 800,
      },
    },
  });
  return { app, startMs: Date.now() - before };
}

const dropWarnings = (logs: Record<string, unknown>[]) =>
  logs.filter((l) => String(l.message).includes('spans dropped'));

describe.each<ReceiverMode>(['refuse', 'blackhole', 'slow', '5xx'])('collector fault: %s', (mode) => {
  it('start does not block, spans stay cheap, drops are counted, one warning, export resumes', async () => {
    const { app: a, startMs } = await startFaulty(mode);
    expect(startMs).toBeLessThan(3000);

    const burst = await a.call<{ maxChunkMs: number; avgUs: number }>('burst', { count: 5000 });
    // 500 spans per chunk; even on a slow shared CI core this is far below a second.
    expect(burst.maxChunkMs).toBeLessThan(1000);

    const stats = await waitFor<Stats>(
      () => a.call('stats'),
      (s) => s.dropped >= 5000 - QUEUE * 2,
    );
    expect(stats.dropped).toBeLessThanOrEqual(5000);
    // Let a few more exports fail inside the rate window: still exactly one warning.
    await a.call('burst', { count: 300 });
    await new Promise((r) => setTimeout(r, 1500));
    const warnings = dropWarnings(await a.logs());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn' });
    expect(Number(warnings[0]?.dropped_spans)).toBeGreaterThan(0);

    await fx.receiver.setMode('ok');
    const traceIds: string[] = [];
    await waitFor(
      async () => {
        const [created] = await a.spans([{ name: 'after-recovery' }]);
        if (created) traceIds.push(created.traceId);
        return fx.receiver.spans();
      },
      (spans) => spans.some((s) => traceIds.includes(s.traceId)),
      20_000,
    );
    expect(await a.call('unhandled')).toEqual([]);
  }, 60_000);
});

describe('memory under a black-holed collector', () => {
  it('stays bounded while 40,000 spans are dropped', async () => {
    const { app: a } = await startFaulty('blackhole', ['--expose-gc']);
    await a.call('burst', { count: 5000 });
    await a.call('gc');
    const warm = await a.call<Stats>('stats');
    for (let i = 0; i < 7; i++) await a.call('burst', { count: 5000 });
    const after = await waitFor<Stats>(
      () => a.call('stats'),
      (s) => s.dropped >= 40_000 - QUEUE * 2,
    );
    await a.call('gc');
    const settled = await a.call<Stats>('stats');
    // Unbounded buffering would hold 40,000 spans (tens of MB); the bounded queue holds at most 200.
    expect(after.dropped).toBeGreaterThan(0);
    expect(settled.heapUsed - warm.heapUsed).toBeLessThan(20 * 1024 * 1024);
  }, 60_000);
});

describe('exporters', () => {
  it('console exporter writes each span as one redacted JSON log line, nothing else on stdout', async () => {
    const app = await fx.startApp();
    await app.call('start', {
      options: {
        metrics: { enabled: false },
        traces: { exporter: 'console', scheduledDelayMs: 10 },
      },
    });
    await app.spans([
      {
        name: 'to-console',
        attributes: { 'enduser.email': 'jane@example.com', 'session.id': 'sess-console-1' },
        events: [{ name: 'mailed jane@example.com' }],
      },
    ]);
    const logs = await waitFor(
      () => app.logs(),
      (lines) => lines.some((l) => l.message === 'span'),
      5000,
    );
    const spanLines = logs.filter((l) => l.message === 'span');
    expect(spanLines).toHaveLength(1);
    expect(spanLines[0]).toMatchObject({
      level: 'info',
      span_name: 'to-console',
      span_kind: 'INTERNAL',
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      attributes: { 'session.id': '[REDACTED]' },
    });
    const text = JSON.stringify(logs);
    expect(text).not.toContain('jane@example.com');
    expect(text).not.toContain('sess-console-1');
    expect(app.output).toEqual([]);
  });

  it('endpoint and headers from the environment reach the collector', async () => {
    const app = await fx.startApp();
    await app.call('start', {
      options: { metrics: { enabled: false }, traces: { scheduledDelayMs: 10 } },
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: fx.receiver.url,
        OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=acme,authorization=Bearer%20abc',
      },
    });
    await app.spans([{ name: 'with-headers' }]);
    await fx.receiver.waitForSpans((s) => s.some((span) => span.name === 'with-headers'));
    expect((await fx.receiver.stats()).lastHeaders).toMatchObject({
      'x-tenant': 'acme',
      authorization: 'Bearer abc',
      'content-type': 'application/json',
    });
  });

  it('without an endpoint spans are recorded but nothing is sent', async () => {
    const app = await fx.startApp();
    await app.call('start', { options: { metrics: { enabled: false } } });
    const [span] = await app.spans([{ name: 'local-only' }]);
    expect(span?.sampled).toBe(true);
    await app.call('shutdown');
    expect((await fx.receiver.stats()).requests).toBe(0);
  });
});
