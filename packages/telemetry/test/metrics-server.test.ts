import { type MetricsOptions, resolveConfig } from '../src/index';
import { PROMETHEUS_CONTENT_TYPE } from '@fasttodo/telemetry';
import { promtoolCheck, testMetrics } from './metrics-helpers';

describe('metrics.port: the separate internal listener', () => {
  test('serves GET /metrics as Prometheus text, 404 elsewhere, and is closed by shutdown', async () => {
    const { metrics } = testMetrics({ port: 0, host: '127.0.0.1' });
    let closed = false;
    try {
      metrics.defineCounter({ namespace: 'app', name: 'served', help: 'Served.' }).inc();
      const address = await metrics.metricsServerAddress();
      expect(address?.port).toBeGreaterThan(0);
      const base = `http://127.0.0.1:${address?.port}`;
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(PROMETHEUS_CONTENT_TYPE);
      expect(PROMETHEUS_CONTENT_TYPE).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await response.text();
      expect(text).toContain('app_served_total{otel_scope_name="@fasttodo/telemetry"} 1');
      expect((await promtoolCheck(text)).code).toBe(0);
      expect((await fetch(`${base}/metrics?x=1`)).status).toBe(200);
      for (const [path, method] of [
        ['/', 'GET'],
        ['/metrics/extra', 'GET'],
        ['/health', 'GET'],
        ['/metrics', 'POST'],
      ] as const) {
        const other = await fetch(`${base}${path}`, { method });
        await other.arrayBuffer();
        expect([path, method, other.status]).toEqual([path, method, 404]);
      }
      await metrics.shutdown();
      closed = true;
      await expect(fetch(`${base}/metrics`)).rejects.toThrow();
    } finally {
      if (!closed) await metrics.shutdown();
    }
  });

  test('a port already in use is warned about, never thrown; shutdown still resolves', async () => {
    const first = testMetrics({ port: 0, host: '127.0.0.1' });
    const port = (await first.metrics.metricsServerAddress())?.port;
    const second = testMetrics({ port, host: '127.0.0.1' });
    try {
      expect(await second.metrics.metricsServerAddress()).toBeUndefined();
      expect(second.warnings.map((w) => w.message)).toContain('metrics listener failed to start');
    } finally {
      await second.metrics.shutdown();
      await first.metrics.shutdown();
    }
  });

  test('without metrics.port no listener is started', async () => {
    const { metrics } = testMetrics();
    expect(await metrics.metricsServerAddress()).toBeUndefined();
    await metrics.shutdown();
  });

  test('invalid port, seriesLimit or longBuckets throw a TelemetryConfigError naming the option (validated once, by the config layer)', () => {
    const check = (metrics: MetricsOptions) => () => resolveConfig({ metrics }, {});
    expect(check({ port: 70000 })).toThrow(expect.objectContaining({ option: 'metrics.port' }));
    expect(check({ seriesLimit: 0 })).toThrow(expect.objectContaining({ option: 'metrics.seriesLimit' }));
    expect(check({ longBuckets: [5, 1] })).toThrow(
      expect.objectContaining({
        option: 'metrics.longBuckets[1]',
        code: 'FASTTODO_TELEMETRY_INVALID_OPTION',
      }),
    );
  });
});
