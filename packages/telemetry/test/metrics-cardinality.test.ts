import { METRIC_HTTP_SERVER_REQUEST_DURATION } from '@opentelemetry/semantic-conventions';
import { promtoolCheck, samples, testMetrics } from './metrics-helpers';

describe('per-metric series cap', () => {
  test('2100 distinct label values with seriesLimit 2000 → at most 2001 series, one overflow series', async () => {
    const { metrics } = testMetrics({ seriesLimit: 2000 });
    try {
      const counter = metrics.defineCounter({
        namespace: 'app',
        name: 'lookups',
        help: 'Lookups by key.',
        labelNames: ['key'],
      });
      for (let i = 0; i < 2100; i++) counter.inc(1, { key: `k${i}` });
      const text = await metrics.metricsText();
      const series = samples(text, 'app_lookups_total');
      expect(series.length).toBeGreaterThan(1900);
      expect(series.length).toBeLessThanOrEqual(2001);
      const overflow = series.filter((line) => line.includes('otel_metric_overflow="true"'));
      expect(overflow).toHaveLength(1);
      const total = series.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
      expect(total).toBe(2100);
      expect((await promtoolCheck(text)).code).toBe(0);
    } finally {
      await metrics.shutdown();
    }
  });

  test('the cap also applies to instruments configured by views (http.server.request.duration)', async () => {
    const { metrics } = testMetrics({ seriesLimit: 5 });
    try {
      const histogram = metrics.meter.createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, { unit: 's' });
      for (let i = 0; i < 50; i++) histogram.record(0.01, { 'http.route': `/r${i}` });
      const text = await metrics.metricsText();
      const series = samples(text, 'http_server_request_duration_seconds_count');
      expect(series.length).toBeLessThanOrEqual(5);
      expect(series.filter((line) => line.includes('otel_metric_overflow="true"'))).toHaveLength(1);
    } finally {
      await metrics.shutdown();
    }
  });

  test('the cap is kept across collections (cumulative series do not reset)', async () => {
    const { metrics } = testMetrics({ seriesLimit: 10 });
    try {
      const gauge = metrics.defineGauge({
        namespace: 'app',
        name: 'temperature',
        help: 'T.',
        labelNames: ['room'],
      });
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 30; i++) gauge.set(i, { room: `r${round}-${i}` });
        const series = samples(await metrics.metricsText(), 'app_temperature');
        expect(series.length).toBeLessThanOrEqual(10);
      }
    } finally {
      await metrics.shutdown();
    }
  });
});
