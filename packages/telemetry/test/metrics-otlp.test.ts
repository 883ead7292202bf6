import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { leakedProbes, PLANTED_SECRETS } from './metrics-helpers';
import { decodeAttributes, type Receiver, startReceiver } from './support/receiver';

const CHILD = join(__dirname, 'metrics-otlp-child.mjs');
const DIST = join(__dirname, '..', 'dist', 'index.js');

// biome-ignore lint/suspicious/noExplicitAny: raw OTLP JSON from the receiver
type Json = any;

interface ReceivedPoint {
  metric: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

interface ChildResult {
  metricsText: string;
  warnings: string[];
  shutdownMs: number;
}

interface ChildRun {
  env?: Record<string, string>;
  values?: readonly string[];
  options?: object;
  distinctKeys?: number;
  waitMs?: number;
}

function points(payloads: Json[]): ReceivedPoint[] {
  const out: ReceivedPoint[] = [];
  for (const p of payloads)
    for (const rm of p.resourceMetrics ?? []) {
      const resource = decodeAttributes(rm.resource?.attributes);
      for (const sm of rm.scopeMetrics ?? [])
        for (const m of sm.metrics ?? []) {
          const data = m.sum ?? m.gauge ?? m.histogram ?? {};
          for (const dp of data.dataPoints ?? [])
            out.push({ metric: m.name, attributes: decodeAttributes(dp.attributes), resource });
        }
    }
  return out;
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.stop());
beforeEach(async () => {
  await receiver.setMode('ok');
  await receiver.clear();
});

/** Runs the child service (built package) against the receiver and returns its report. */
function runChild(run: ChildRun): Promise<ChildResult> {
  if (!existsSync(DIST)) {
    throw new Error(`${DIST} is missing: run "pnpm --filter @fasttodo/telemetry build" before these tests`);
  }
  const { env = {}, ...config } = run;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        PATH: process.env.PATH,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_METRIC_EXPORT_INTERVAL: '100',
        ...env,
      },
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

async function received(): Promise<ReceivedPoint[]> {
  await receiver.settle();
  return points((await receiver.raw()).metrics);
}

describe('OTLP/HTTP metrics push (real receiver process, built package)', () => {
  test('metrics arrive with the resource and headers; planted secrets and forbidden keys do not', async () => {
    await runChild({
      env: { OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x-tenant=metrics-test' },
      values: PLANTED_SECRETS.map((s) => s.value),
      waitMs: 300,
    });
    const pushed = await received();
    expect(pushed[0]?.resource).toMatchObject({ 'service.name': 'otlp-metrics-child' });
    const names = new Set(pushed.map((p) => p.metric));
    for (const name of ['leak_events', 'leak_size', 'leak_level', 'leak_cache_hits', 'leak_llm_requests'])
      expect([name, names.has(name)]).toEqual([name, true]);
    expect(names.has('leak.direct')).toBe(true);
    const raw = JSON.stringify((await receiver.raw()).metrics);
    expect(leakedProbes(raw)).toEqual([]);
    expect(raw).toContain('[REDACTED]');
    for (const point of pushed) expect(Object.keys(point.attributes)).not.toContain('user.email');
    expect((await receiver.stats()).lastHeaders['x-tenant']).toBe('metrics-test');
  });

  test('the series cap holds for pushed metrics too', async () => {
    await runChild({
      env: { OTEL_METRICS_EXPORTER: 'otlp' },
      options: { metrics: { seriesLimit: 5 } },
      distinctKeys: 50,
    });
    const capped = (await received()).filter((p) => p.metric === 'capped.pushed');
    const series = new Set(capped.map((p) => JSON.stringify(p.attributes)));
    expect(series.size).toBeLessThanOrEqual(5);
    expect([...series]).toContain(JSON.stringify({ 'otel.metric.overflow': true }));
  });

  test('collector refusing: the app goes on, exactly one rate-limited warning', async () => {
    await receiver.setMode('refuse');
    const result = await runChild({ env: { OTEL_METRICS_EXPORTER: 'otlp' }, waitMs: 1000 });
    // About ten failed pushes, one warning, and nothing from OpenTelemetry's own error handler.
    expect(result.warnings).toEqual([
      'telemetry: metrics push failed (collector unreachable, slow or failing)',
    ]);
  });

  test('collector black-holed: shutdown still ends within the push timeout', async () => {
    await receiver.setMode('blackhole');
    const result = await runChild({
      env: {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_METRIC_EXPORT_TIMEOUT: '500',
        OTEL_METRIC_EXPORT_INTERVAL: '60000',
      },
    });
    expect(result.shutdownMs).toBeLessThan(3000);
    expect(result.warnings.filter((w) => w.startsWith('telemetry: metrics push failed'))).toHaveLength(1);
  });

  test('shutdown flushes the last values to the collector', async () => {
    await runChild({ env: { OTEL_METRICS_EXPORTER: 'otlp', OTEL_METRIC_EXPORT_INTERVAL: '60000' } });
    expect((await received()).some((p) => p.metric === 'leak_events')).toBe(true);
  });
});

describe('OTEL_METRICS_EXPORTER', () => {
  test('default (prometheus): /metrics text, no push', async () => {
    const result = await runChild({ waitMs: 400 });
    expect(result.metricsText).toContain('leak_events_total');
    expect(await received()).toEqual([]);
  });

  test('otlp: pushed, no /metrics text', async () => {
    const result = await runChild({ env: { OTEL_METRICS_EXPORTER: 'otlp' }, waitMs: 300 });
    expect(result.metricsText).toBe('');
    expect((await received()).some((p) => p.metric === 'leak_events')).toBe(true);
  });

  test('prometheus,otlp: both', async () => {
    const result = await runChild({ env: { OTEL_METRICS_EXPORTER: 'prometheus,otlp' }, waitMs: 300 });
    expect(result.metricsText).toContain('leak_events_total');
    expect((await received()).some((p) => p.metric === 'leak_events')).toBe(true);
  });

  test('none: no reader at all', async () => {
    const result = await runChild({ env: { OTEL_METRICS_EXPORTER: 'none' }, waitMs: 400 });
    expect(result.metricsText).toBe('');
    expect(await received()).toEqual([]);
  });

  test('the metrics.exporter option wins over the environment', async () => {
    const result = await runChild({
      env: { OTEL_METRICS_EXPORTER: 'otlp' },
      options: { metrics: { exporter: 'prometheus' } },
      waitMs: 400,
    });
    expect(result.metricsText).toContain('leak_events_total');
    expect(await received()).toEqual([]);
  });
});
