import {
  resolveConfig,
  startTelemetry,
  TelemetryConfigError,
  type TelemetryOptions,
} from '@fasttodo/telemetry';

const INVALID_OPTIONS: [option: string, options: unknown][] = [
  ['options', 'not-an-object'],
  ['serviceName', { serviceName: '' }],
  ['serviceName', { serviceName: 42 }],
  ['serviceVersion', { serviceVersion: {} }],
  ['environment', { environment: ' ' }],
  ['disabled', { disabled: 'yes' }],
  ['resourceAttributes', { resourceAttributes: [] }],
  ['resourceAttributes.bad', { resourceAttributes: { bad: { nested: true } } }],
  ['traces', { traces: 5 }],
  ['traces.sampler', { traces: { sampler: 'sometimes' } }],
  ['traces.sampleRatio', { traces: { sampleRatio: 1.5 } }],
  ['traces.sampleRatio', { traces: { sampleRatio: '0.5' } }],
  ['traces.keepErrors', { traces: { keepErrors: 'yes' } }],
  ['traces.keepErrors.maxTraces', { traces: { keepErrors: { maxTraces: 0 } } }],
  ['traces.keepErrors.keepSlowerThanMs', { traces: { keepErrors: { keepSlowerThanMs: -1 } } }],
  ['traces.exporter', { traces: { exporter: 'zipkin' } }],
  ['traces.endpoint', { traces: { endpoint: 'localhost:4318' } }],
  ['traces.headers.x', { traces: { headers: { x: 1 } } }],
  ['traces.timeoutMs', { traces: { timeoutMs: 0 } }],
  ['traces.maxQueueSize', { traces: { maxQueueSize: 1.5 } }],
  ['traces.maxExportBatchSize', { traces: { maxQueueSize: 10, maxExportBatchSize: 20 } }],
  ['traces.scheduledDelayMs', { traces: { scheduledDelayMs: -1 } }],
  ['traces.exportTimeoutMs', { traces: { exportTimeoutMs: Number.NaN } }],
  ['traces.propagators[1]', { traces: { propagators: ['tracecontext', 'b3'] } }],
  ['traces.slowSpans.server', { traces: { slowSpans: { server: -5 } } }],
  ['logs.level', { logs: { level: 'loud' } }],
  ['logs.format', { logs: { format: 'xml' } }],
  ['logs.exporter', { logs: { exporter: 'kafka' } }],
  ['logs.stream', { logs: { stream: 'stdout' } }],
  ['logs.transports', { logs: { transports: {} } }],
  ['logs.transports[0]', { logs: { transports: ['stdout'] } }],
  ['logs.headers.x', { logs: { headers: { x: 1 } } }],
  ['logs.timeoutMs', { logs: { timeoutMs: 0 } }],
  ['logs.endpoint', { logs: { endpoint: 'collector:4318' } }],
  ['metrics.host', { metrics: { host: '' } }],
  ['metrics.longBuckets', { metrics: { longBuckets: [] } }],
  ['metrics.enabled', { metrics: { enabled: 1 } }],
  ['metrics.seriesLimit', { metrics: { seriesLimit: 0 } }],
  ['metrics.port', { metrics: { port: 70000 } }],
  ['metrics.longBuckets[1]', { metrics: { longBuckets: [1, 0.5] } }],
  ['otelLogLevel', { otelLogLevel: 'chatty' }],
  ['shutdownTimeoutMs', { shutdownTimeoutMs: 0 }],
  ['warnIntervalMs', { warnIntervalMs: -1 }],
  ['sampleRatio', { sampleRatio: 0.5 }],
  ['traces.sampleRate', { traces: { sampleRate: 0.5 } }],
  ['traces.keepErrors.slowerThanMs', { traces: { keepErrors: { slowerThanMs: 5 } } }],
  ['traces.slowSpans.db', { traces: { slowSpans: { db: 5 } } }],
  ['logs.levels', { logs: { levels: 'info' } }],
  ['metrics.limit', { metrics: { limit: 5 } }],
];

describe('options', () => {
  it.each(INVALID_OPTIONS)('an invalid %s throws TelemetryConfigError naming it', (option, options) => {
    let error: unknown;
    try {
      resolveConfig(options as TelemetryOptions, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TelemetryConfigError);
    expect(error).toMatchObject({ code: 'FASTTODO_TELEMETRY_INVALID_OPTION', option });
    expect((error as Error).message).toContain(`"${option}"`);
    expect((error as Error).message).toMatch(/instead got/);
  });

  it.each([
    ['redact', { redact: 'on' }],
    ['instrumentations', { instrumentations: {} }],
    ['instrumentations[0]', { instrumentations: [{}] }],
  ])('startTelemetry rejects an invalid %s before registering anything', (option, options) => {
    expect(() => startTelemetry(options as TelemetryOptions, {})).toThrow(
      expect.objectContaining({ name: 'TelemetryConfigError', option }),
    );
  });

  it('options win over environment variables', () => {
    const env = {
      OTEL_SERVICE_NAME: 'env-name',
      OTEL_TRACES_SAMPLER: 'always_off',
      OTEL_TRACES_SAMPLER_ARG: '0.5',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318',
      OTEL_BSP_MAX_QUEUE_SIZE: '10',
      LOG_LEVEL: 'error',
      ENABLE_METRICS: 'false',
      OTEL_SDK_DISABLED: 'true',
      OTEL_RESOURCE_ATTRIBUTES: 'team=env,region=eu',
    };
    const { config } = resolveConfig(
      {
        serviceName: 'opt-name',
        disabled: false,
        resourceAttributes: { team: 'opt' },
        traces: {
          sampler: 'traceidratio',
          sampleRatio: 0.3,
          endpoint: 'http://opt:4318/v1/traces',
          maxQueueSize: 50,
        },
        logs: { level: 'warn' },
        metrics: { enabled: true },
      },
      env,
    );
    expect(config).toMatchObject({
      serviceName: 'opt-name',
      disabled: false,
      resourceAttributes: { team: 'opt', region: 'eu' },
      traces: {
        sampler: 'traceidratio',
        sampleRatio: 0.3,
        endpoint: 'http://opt:4318/v1/traces',
        maxQueueSize: 50,
      },
      logs: { level: 'warn' },
      metrics: { enabled: true },
    });
  });

  it('defaults: parentbased ratio 1.0 in development, 0.1 in production, no exporter without an endpoint', () => {
    const dev = resolveConfig({}, {}).config;
    expect(dev.traces).toMatchObject({
      sampler: 'parentbased_traceidratio',
      sampleRatio: 1,
      exporter: 'none',
    });
    expect(dev.traces.keepErrors).toEqual({ enabled: true, maxTraces: 256, maxSpansPerTrace: 64 });
    const prod = resolveConfig({ environment: 'production' }, {}).config;
    expect(prod.traces.sampleRatio).toBe(0.1);
    expect(prod.logs).toMatchObject({ level: 'info', format: 'json' });
    expect(prod.shutdownTimeoutMs).toBe(5000);
  });

  it('keepErrors and slowSpans accept false and partial objects', () => {
    const { config } = resolveConfig(
      { traces: { keepErrors: { keepSlowerThanMs: 2000 }, slowSpans: { database: 50 } } },
      {},
    );
    expect(config.traces.keepErrors).toMatchObject({ enabled: true, keepSlowerThanMs: 2000 });
    expect(config.traces.slowSpans).toMatchObject({ server: 1000, database: 50 });
    const off = resolveConfig({ traces: { keepErrors: false, slowSpans: false } }, {}).config;
    expect(off.traces.keepErrors.enabled).toBe(false);
    expect(off.traces.slowSpans).toBe(false);
  });

  it('OTEL_PROPAGATORS with one unsupported entry keeps the others and warns once', () => {
    const { config, warnings } = resolveConfig({}, { OTEL_PROPAGATORS: 'tracecontext,b3' });
    expect(config.traces.propagators).toEqual(['tracecontext']);
    expect(warnings).toHaveLength(1);
  });
});
