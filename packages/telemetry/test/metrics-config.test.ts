import { resolveConfig, TelemetryConfigError, type TelemetryOptions } from '@fasttodo/telemetry';

function metricsOf(options: TelemetryOptions['metrics'], env: Record<string, string> = {}) {
  const { config, warnings } = resolveConfig({ metrics: options }, env);
  return { metrics: config.metrics, warnings };
}

describe('metrics exporter configuration', () => {
  test('prometheus by default, with no push settings', () => {
    expect(metricsOf({}).metrics).toMatchObject({ exporters: ['prometheus'] });
    expect(metricsOf({}).metrics.otlp).toBeUndefined();
  });

  test.each([
    ['otlp', ['otlp']],
    ['prometheus,otlp', ['prometheus', 'otlp']],
    [' OTLP , prometheus ', ['otlp', 'prometheus']],
    ['none', []],
  ])('OTEL_METRICS_EXPORTER=%j → %j', (value, exporters) => {
    expect(metricsOf({}, { OTEL_METRICS_EXPORTER: value }).metrics.exporters).toEqual(exporters);
  });

  test('an unknown exporter name warns and falls back to prometheus', () => {
    const { metrics, warnings } = metricsOf({}, { OTEL_METRICS_EXPORTER: 'console' });
    expect(metrics.exporters).toEqual(['prometheus']);
    expect(warnings).toEqual([expect.stringContaining('invalid OTEL_METRICS_EXPORTER="console"')]);
  });

  test('push settings: signal-specific variables win over the shared ones, defaults fill the rest', () => {
    const { metrics } = metricsOf(
      {},
      {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
        OTEL_EXPORTER_OTLP_HEADERS: 'a=1',
        OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'b=2',
        OTEL_EXPORTER_OTLP_TIMEOUT: '7000',
      },
    );
    expect(metrics.otlp).toEqual({
      endpoint: 'http://collector:4318/v1/metrics',
      headerNames: ['b'],
      timeoutMs: 7000,
      intervalMs: 60_000,
      exportTimeoutMs: 30_000,
    });
    const specific = metricsOf(
      {},
      {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://m:4318/custom',
        OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: '900',
        OTEL_METRIC_EXPORT_INTERVAL: '5000',
        OTEL_METRIC_EXPORT_TIMEOUT: '9000',
      },
    ).metrics.otlp;
    // A push timeout longer than the interval is clamped (the SDK would reject it).
    expect(specific).toMatchObject({
      endpoint: 'http://m:4318/custom',
      timeoutMs: 900,
      intervalMs: 5000,
      exportTimeoutMs: 5000,
    });
  });

  test.each([
    ['http://c:4318', 'http://c:4318/v1/metrics'],
    ['http://c:4318///', 'http://c:4318/v1/metrics'],
    ['https://c.example/otlp/?tenant=a', 'https://c.example/otlp/v1/metrics?tenant=a'],
    // HTTP never sends a fragment: it is dropped, with a config warning.
    ['http://c:4318/base#frag', 'http://c:4318/base/v1/metrics'],
  ])('OTEL_EXPORTER_OTLP_ENDPOINT=%s pushes to %s', (base, endpoint) => {
    const env = { OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: base };
    expect(metricsOf({}, env).metrics.otlp?.endpoint).toBe(endpoint);
  });

  test('options win over the environment', () => {
    const { metrics } = metricsOf(
      {
        exporter: ['prometheus', 'otlp'],
        endpoint: 'https://c.example/v1/metrics',
        headers: { authorization: 'Api-Token x' },
        timeoutMs: 1500,
        exportIntervalMs: 10_000,
        exportTimeoutMs: 2000,
      },
      { OTEL_METRICS_EXPORTER: 'none', OTEL_METRIC_EXPORT_INTERVAL: '5' },
    );
    expect(metrics.exporters).toEqual(['prometheus', 'otlp']);
    expect(metrics.otlp).toEqual({
      endpoint: 'https://c.example/v1/metrics',
      headerNames: ['authorization'],
      timeoutMs: 1500,
      intervalMs: 10_000,
      exportTimeoutMs: 2000,
    });
    expect(metricsOf({ exporter: 'none' }).metrics.exporters).toEqual([]);
  });

  test.each<[string, TelemetryOptions['metrics']]>([
    ['metrics.exporter', { exporter: 'statsd' as never }],
    ['metrics.exporter[1]', { exporter: ['otlp', 'kafka'] as never }],
    ['metrics.exporter', { exporter: ['none', 'otlp'] }],
    ['metrics.endpoint', { exporter: 'otlp', endpoint: 'collector:4318' }],
    ['metrics.headers.x', { exporter: 'otlp', headers: { x: 1 } as never }],
    ['metrics.timeoutMs', { exporter: 'otlp', timeoutMs: 0 }],
    ['metrics.exportIntervalMs', { exporter: 'otlp', exportIntervalMs: 1.5 }],
    ['metrics.exportTimeoutMs', { exporter: 'otlp', exportIntervalMs: 1000, exportTimeoutMs: 2000 }],
    ['metrics.exportIntervall', { exportIntervall: 5 } as never],
  ])('invalid %s throws TelemetryConfigError naming it', (option, metrics) => {
    let caught: unknown;
    try {
      resolveConfig({ metrics });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TelemetryConfigError);
    expect((caught as TelemetryConfigError).option).toBe(option);
  });
});
