import { resolveConfig } from '../src/config/resolve-config';

type Case = [
  name: string,
  value: string,
  pick: (c: ReturnType<typeof resolveConfig>['config']) => unknown,
  expected: unknown,
];

const resolve = (env: Record<string, string>) => resolveConfig({}, env);
const withEndpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

const VALID: Case[] = [
  ['OTEL_SDK_DISABLED', 'true', (c) => c.disabled, true],
  ['OTEL_SDK_DISABLED', 'FALSE', (c) => c.disabled, false],
  ['OTEL_SERVICE_NAME', 'todo-api', (c) => c.serviceName, 'todo-api'],
  [
    'OTEL_RESOURCE_ATTRIBUTES',
    'team=core,region=eu%20west',
    (c) => c.resourceAttributes,
    { team: 'core', region: 'eu west' },
  ],
  ['OTEL_TRACES_SAMPLER', 'always_on', (c) => c.traces.sampler, 'always_on'],
  ['OTEL_TRACES_SAMPLER', 'always_off', (c) => c.traces.sampler, 'always_off'],
  ['OTEL_TRACES_SAMPLER', 'traceidratio', (c) => c.traces.sampler, 'traceidratio'],
  ['OTEL_TRACES_SAMPLER', 'parentbased_always_on', (c) => c.traces.sampler, 'parentbased_always_on'],
  ['OTEL_TRACES_SAMPLER', 'parentbased_always_off', (c) => c.traces.sampler, 'parentbased_always_off'],
  ['OTEL_TRACES_SAMPLER', 'PARENTBASED_TRACEIDRATIO', (c) => c.traces.sampler, 'parentbased_traceidratio'],
  ['OTEL_TRACES_SAMPLER_ARG', '0.25', (c) => c.traces.sampleRatio, 0.25],
  ['OTEL_TRACES_SAMPLER_ARG', '0', (c) => c.traces.sampleRatio, 0],
  ['OTEL_TRACES_SAMPLER_ARG', '1', (c) => c.traces.sampleRatio, 1],
  ['OTEL_TRACES_EXPORTER', 'console', (c) => c.traces.exporter, 'console'],
  ['OTEL_TRACES_EXPORTER', 'none', (c) => c.traces.exporter, 'none'],
  ['OTEL_TRACES_EXPORTER', 'otlp', (c) => c.traces.endpoint, 'http://localhost:4318/v1/traces'],
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'http://collector:4318/',
    (c) => [c.traces.exporter, c.traces.endpoint],
    ['otlp', 'http://collector:4318/v1/traces'],
  ],
  [
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'https://c.example/custom',
    (c) => c.traces.endpoint,
    'https://c.example/custom',
  ],
  [
    'OTEL_EXPORTER_OTLP_HEADERS',
    'api-key=abc%3D,x-tenant=t1',
    (c) => c.traces.headers,
    { 'api-key': 'abc=', 'x-tenant': 't1' },
  ],
  ['OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'a=b', (c) => c.traces.headers, { a: 'b' }],
  ['OTEL_EXPORTER_OTLP_TIMEOUT', '2500', (c) => c.traces.timeoutMs, 2500],
  ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', '1500', (c) => c.traces.timeoutMs, 1500],
  ['OTEL_BSP_SCHEDULE_DELAY', '0', (c) => c.traces.scheduledDelayMs, 0],
  ['OTEL_BSP_EXPORT_TIMEOUT', '7000', (c) => c.traces.exportTimeoutMs, 7000],
  ['OTEL_BSP_MAX_QUEUE_SIZE', '100', (c) => [c.traces.maxQueueSize, c.traces.maxExportBatchSize], [100, 100]],
  ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE', '64', (c) => c.traces.maxExportBatchSize, 64],
  ['OTEL_PROPAGATORS', 'tracecontext', (c) => c.traces.propagators, ['tracecontext']],
  ['OTEL_PROPAGATORS', 'baggage, tracecontext', (c) => c.traces.propagators, ['baggage', 'tracecontext']],
  ['OTEL_PROPAGATORS', 'none', (c) => c.traces.propagators, []],
  ['OTEL_LOG_LEVEL', 'DEBUG', (c) => c.otelLogLevel, 'debug'],
  ['OTEL_LOG_LEVEL', 'none', (c) => c.otelLogLevel, 'none'],
  [
    'OTEL_LOGS_EXPORTER',
    'otlp',
    (c) => [c.logs.exporter, c.logs.endpoint],
    ['otlp', 'http://localhost:4318/v1/logs'],
  ],
  [
    'ENVIRONMENT',
    'production',
    (c) => [c.environment, c.traces.sampleRatio, c.logs.format, c.logs.level],
    ['production', 0.1, 'json', 'info'],
  ],
  [
    'NODE_ENV',
    'development',
    (c) => [c.environment, c.traces.sampleRatio, c.logs.format, c.logs.level],
    ['development', 1, 'pretty', 'debug'],
  ],
  ['LOG_LEVEL', 'warn', (c) => c.logs.level, 'warn'],
  ['LOG_FORMAT', 'json', (c) => c.logs.format, 'json'],
  ['ENABLE_METRICS', 'false', (c) => c.metrics.enabled, false],
];

const INVALID: Case[] = [
  ['OTEL_SDK_DISABLED', 'maybe', (c) => c.disabled, false],
  ['OTEL_TRACES_SAMPLER', 'sometimes', (c) => c.traces.sampler, 'parentbased_traceidratio'],
  ['OTEL_TRACES_SAMPLER_ARG', 'abc', (c) => c.traces.sampleRatio, 1],
  ['OTEL_TRACES_SAMPLER_ARG', '1.5', (c) => c.traces.sampleRatio, 1],
  ['OTEL_TRACES_SAMPLER_ARG', '-0.1', (c) => c.traces.sampleRatio, 1],
  ['OTEL_TRACES_EXPORTER', 'zipkin', (c) => c.traces.exporter, 'none'],
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'collector:4318',
    (c) => [c.traces.exporter, c.traces.endpoint],
    ['none', undefined],
  ],
  ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'ftp://x', (c) => c.traces.endpoint, undefined],
  ['OTEL_EXPORTER_OTLP_HEADERS', 'novalue', (c) => c.traces.headers, {}],
  ['OTEL_EXPORTER_OTLP_TIMEOUT', '10s', (c) => c.traces.timeoutMs, 10000],
  ['OTEL_BSP_SCHEDULE_DELAY', '-5', (c) => c.traces.scheduledDelayMs, 5000],
  ['OTEL_BSP_EXPORT_TIMEOUT', '0', (c) => c.traces.exportTimeoutMs, 30000],
  ['OTEL_BSP_MAX_QUEUE_SIZE', 'lots', (c) => c.traces.maxQueueSize, 2048],
  ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE', '1.5', (c) => c.traces.maxExportBatchSize, 512],
  ['OTEL_PROPAGATORS', 'b3', (c) => c.traces.propagators, ['tracecontext', 'baggage']],
  ['OTEL_LOG_LEVEL', 'chatty', (c) => c.otelLogLevel, 'warn'],
  ['OTEL_LOGS_EXPORTER', 'kafka', (c) => c.logs.exporter, 'none'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'team=core,broken', (c) => c.resourceAttributes, {}],
  ['LOG_LEVEL', 'loud', (c) => c.logs.level, 'debug'],
  ['LOG_FORMAT', 'xml', (c) => c.logs.format, 'pretty'],
  ['ENABLE_METRICS', 'perhaps', (c) => c.metrics.enabled, true],
];

describe('environment variables', () => {
  it.each(VALID)('%s=%j is used', (name, value, pick, expected) => {
    const { config, warnings } = resolve({ [name]: value });
    expect(pick(config)).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it.each(INVALID)('%s=%j warns once and falls back to the default', (name, value, pick, expected) => {
    const { config, warnings } = resolve({ [name]: value });
    expect(pick(config)).toEqual(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(name);
    expect(warnings[0]).toContain('using');
  });

  it('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is used when logs go over OTLP', () => {
    const { config } = resolve({
      OTEL_LOGS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://l:1/v1/logs',
    });
    expect(config.logs.endpoint).toBe('http://l:1/v1/logs');
    expect(resolve({ ...withEndpoint, OTEL_LOGS_EXPORTER: 'otlp' }).config.logs.endpoint).toBe(
      'http://collector:4318/v1/logs',
    );
  });

  it('an invalid OTEL_EXPORTER_OTLP_LOGS_ENDPOINT warns once and falls back', () => {
    const { config, warnings } = resolve({
      OTEL_LOGS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'l:1',
    });
    expect(config.logs.endpoint).toBe('http://localhost:4318/v1/logs');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT');
  });

  it('OTEL_TRACES_SAMPLER_ARG is ignored (no warning) for samplers without a ratio', () => {
    const { config, warnings } = resolve({
      OTEL_TRACES_SAMPLER: 'always_on',
      OTEL_TRACES_SAMPLER_ARG: 'abc',
    });
    expect(config.traces.sampler).toBe('always_on');
    expect(warnings).toEqual([]);
  });

  it('service name falls back to service.name in OTEL_RESOURCE_ATTRIBUTES, then unknown_service', () => {
    expect(resolve({ OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attrs' }).config.serviceName).toBe(
      'from-attrs',
    );
    expect(resolve({}).config.serviceName).toBe('unknown_service:node');
  });

  it('ENVIRONMENT wins over NODE_ENV; nothing set means development', () => {
    expect(resolve({ ENVIRONMENT: 'staging', NODE_ENV: 'production' }).config.environment).toBe('staging');
    expect(resolve({}).config.environment).toBe('development');
  });

  it('header values are never echoed in the warning', () => {
    const { warnings } = resolve({ OTEL_EXPORTER_OTLP_HEADERS: 'authorization' });
    expect(warnings[0]).not.toContain('authorization');
  });

  it('several invalid values give one warning each', () => {
    const { warnings } = resolve({
      OTEL_TRACES_SAMPLER_ARG: '2',
      OTEL_TRACES_EXPORTER: 'x',
      LOG_FORMAT: 'y',
    });
    expect(warnings).toHaveLength(3);
  });
});
