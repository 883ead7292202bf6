import { METRIC_HTTP_SERVER_REQUEST_DURATION } from '@opentelemetry/semantic-conventions';
import { METRIC_GEN_AI_CLIENT_OPERATION_DURATION } from '@opentelemetry/semantic-conventions/incubating';
import { HTTP_SERVER_DURATION_BUCKETS, LONG_LATENCY_BUCKETS } from '../src/metrics/buckets';
import { prometheusUnit } from '../src/metrics/prometheus-units';
import { families, promtoolCheck, samples, testMetrics } from './metrics-helpers';

function bucketBounds(text: string, name: string): string[] {
  return samples(text, `${name}_bucket`).map((line) => /le="([^"]+)"/.exec(line)?.[1] ?? '?');
}

function hasRuntimeSeries(text: string): boolean {
  return (
    text.includes('v8js_gc_duration_seconds_count') && text.includes('nodejs_eventloop_delay_p99_seconds')
  );
}

describe('Prometheus text exposition', () => {
  test('the whole text, runtime metrics included, passes promtool check metrics', async () => {
    const { metrics } = testMetrics({ runtimeMetrics: true });
    try {
      metrics.meter
        .createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, { unit: 's' })
        .record(0.12, { a: 'b' });
      metrics
        .defineCounter({ namespace: 'app', subsystem: 'jobs', name: 'processed', help: 'Jobs done.' })
        .inc();
      // Produce garbage until a GC shows up in v8js_gc_duration_seconds and the event-loop histogram has samples
      // (both arrive asynchronously, and on a loaded machine one round is not always enough).
      let text = '';
      for (let round = 0; round < 40 && !hasRuntimeSeries(text); round++) {
        let junk: number[][] = [];
        for (let i = 0; i < 200; i++) junk.push(new Array(10_000).fill(i));
        junk = [];
        await new Promise((resolve) => setTimeout(resolve, 100 + junk.length)); // junk is read, so kept until here
        text = await metrics.metricsText();
      }
      const result = await promtoolCheck(text);
      expect(result).toEqual({ code: 0, output: '' });
      expect(text).not.toContain('description missing');
      const names = families(text);
      for (const name of [
        'process_cpu_time_seconds_total',
        'process_memory_usage_bytes',
        'nodejs_eventloop_delay_p99_seconds',
        'nodejs_eventloop_utilization_ratio',
        'v8js_memory_heap_used_bytes',
        'v8js_gc_duration_seconds',
      ]) {
        expect([name, names.has(name)]).toEqual([name, true]);
      }
    } finally {
      await metrics.shutdown();
    }
  });

  test('http.server.request.duration gets the _seconds suffix and the semantic-convention buckets', async () => {
    const { metrics } = testMetrics();
    try {
      const histogram = metrics.meter.createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, { unit: 's' });
      histogram.record(0.3, { 'http.request.method': 'GET' });
      const text = await metrics.metricsText();
      expect(families(text).get('http_server_request_duration_seconds')).toBe('histogram');
      expect(text).not.toMatch(/^http_server_request_duration[_{ ](?!seconds)/m);
      expect(bucketBounds(text, 'http_server_request_duration_seconds')).toEqual([
        ...HTTP_SERVER_DURATION_BUCKETS.map(String),
        '+Inf',
      ]);
      expect(samples(text, 'http_server_request_duration_seconds_count')[0]).toContain(
        'http_request_method="GET"',
      );
    } finally {
      await metrics.shutdown();
    }
  });

  test('counters end in _total after the unit; units follow the OpenTelemetry compatibility rules', async () => {
    const { metrics } = testMetrics();
    try {
      const { meter } = metrics;
      meter.createCounter('io.read', { unit: 'By', description: 'Bytes read.' }).add(10);
      meter.createCounter('queue.jobs_total', { unit: '{job}' }).add(1);
      meter.createCounter('work.time', { unit: 'ms' }).add(5);
      meter.createGauge('pool.usage', { unit: '1' }).record(0.5);
      meter.createUpDownCounter('net.rate', { unit: 'By/s' }).add(7);
      meter.createCounter('2fa-checks.count').add(1);
      meter.createHistogram('job.duration_seconds', { unit: 's' }).record(1);
      const text = await metrics.metricsText();
      const names = families(text);
      expect(names.get('io_read_bytes_total')).toBe('counter');
      expect(names.get('queue_jobs_total')).toBe('counter');
      expect(names.get('work_time_milliseconds_total')).toBe('counter');
      expect(names.get('pool_usage_ratio')).toBe('gauge');
      expect(names.get('net_rate_bytes_per_second')).toBe('gauge');
      expect(names.get('_2fa_checks_count_total')).toBe('counter');
      expect(names.get('job_duration_seconds')).toBe('histogram');
      expect(text).toContain('# HELP io_read_bytes_total Bytes read.');
      expect(text).toContain('# HELP queue_jobs_total OpenTelemetry instrument queue.jobs_total');
      // Valid text; the only lint is the instrument that chose a non-base unit (documented: record seconds).
      expect(await promtoolCheck(text)).toEqual({
        code: 3,
        output: 'work_time_milliseconds_total use base unit "seconds" instead of "milliseconds"\n',
      });
    } finally {
      await metrics.shutdown();
    }
  });

  test.each([
    ['s', false, 'seconds'],
    ['By', false, 'bytes'],
    ['ms', false, 'milliseconds'],
    ['1', true, 'ratio'],
    ['1', false, ''],
    ['{request}', false, ''],
    ['By/s', false, 'bytes_per_second'],
    ['1/s', false, 'per_second'],
    ['{packet}/s', false, 'per_second'],
    ['KiBy', true, 'kibibytes'],
    ['Cel', true, 'celsius'],
    ['widgets', false, 'widgets'],
  ])('unit %j (gauge %s) → suffix %j', (unit, gauge, expected) => {
    expect(prometheusUnit(unit, gauge)).toBe(expected);
  });

  test('gen_ai.client.operation.duration uses the long buckets; config.longBuckets overrides them', async () => {
    const first = testMetrics();
    const custom = testMetrics({ longBuckets: [1, 60, 600] });
    try {
      for (const { metrics } of [first, custom]) {
        metrics.meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_DURATION, { unit: 's' }).record(42);
      }
      const name = 'gen_ai_client_operation_duration_seconds';
      expect(bucketBounds(await first.metrics.metricsText(), name)).toEqual([
        ...LONG_LATENCY_BUCKETS.map(String),
        '+Inf',
      ]);
      expect(LONG_LATENCY_BUCKETS.at(-1)).toBe(300);
      expect(bucketBounds(await custom.metrics.metricsText(), name)).toEqual(['1', '60', '600', '+Inf']);
    } finally {
      await first.metrics.shutdown();
      await custom.metrics.shutdown();
    }
  });

  test('a name rendered by two instrumentation scopes appears once and is warned about', async () => {
    const { metrics, warnings } = testMetrics();
    try {
      metrics.meterProvider.getMeter('one').createCounter('shared.events').add(1);
      metrics.meterProvider.getMeter('two').createCounter('shared.events').add(2);
      const text = await metrics.metricsText();
      expect(text.match(/^# TYPE shared_events_total counter$/gm)).toHaveLength(1);
      expect(warnings.map((w) => w.message)).toContain(
        'metric dropped from /metrics: another instrument already renders this name',
      );
      expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
    } finally {
      await metrics.shutdown();
    }
  });

  test('enabled: false gives empty text and a no-op meter, but definitions are still validated', async () => {
    const { metrics } = testMetrics({ enabled: false });
    metrics.meter.createCounter('ignored').add(1);
    const counter = metrics.defineCounter({ namespace: 'app', name: 'things', help: 'Things.' });
    counter.inc();
    expect(counter.name).toBe('app_things_total');
    expect(() => metrics.defineCounter({ namespace: 'app', name: 'Bad', help: 'x' })).toThrow('snake_case');
    expect(await metrics.metricsText()).toBe('');
    await metrics.shutdown();
  });

  test('after shutdown metricsText() resolves to an empty string instead of throwing', async () => {
    const { metrics } = testMetrics();
    await metrics.shutdown();
    await metrics.shutdown();
    expect(await metrics.metricsText()).toBe('');
  });
});
