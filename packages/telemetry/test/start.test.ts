import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import {
  startTelemetry,
  type Telemetry,
  TelemetryAlreadyStartedError,
  type TelemetryOptions,
} from '@fasttodo/telemetry';
import { LogLines } from './support/log-lines';

let telemetry: Telemetry | undefined;

afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  trace.disable();
  context.disable();
  propagation.disable();
});

function start(options: TelemetryOptions = {}, env: Record<string, string> = {}) {
  const logs = new LogLines();
  telemetry = startTelemetry(
    {
      serviceName: 'start-test',
      environment: 'test',
      metrics: { enabled: false },
      ...options,
      logs: { stream: logs, format: 'json', level: 'debug', ...options.logs },
    },
    env,
  );
  return { telemetry, logs };
}

describe('startTelemetry', () => {
  it('returns synchronously with tracer, meter, logger, frozen config, and registers globals', () => {
    const { telemetry } = start();
    expect(typeof telemetry.logger.info).toBe('function');
    expect(typeof telemetry.meter.createCounter).toBe('function');
    const span = trace.getTracer('any-library').startSpan('global');
    expect(span.isRecording()).toBe(true);
    span.end();
    expect(Object.isFrozen(telemetry.config)).toBe(true);
    expect(Object.isFrozen(telemetry.config.traces)).toBe(true);
  });

  it('telemetry.config is a deep-frozen, JSON-safe view that never holds a header value', () => {
    const { telemetry } = start(
      { traces: { headers: { authorization: 'Bearer cfg-secret-1' } } },
      {
        OTEL_LOGS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'x-api-key=cfg-secret-2',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:cfg-secret-3@127.0.0.1:9/?api_key=cfg-secret-4',
        OTEL_RESOURCE_ATTRIBUTES: 'db.password=cfg-secret-5',
      },
    );
    const { config } = telemetry;
    expect(config.traces.headerNames).toEqual(['authorization']);
    expect(config.traces.endpoint).toMatch(/^http:\/\/.*127\.0\.0\.1:9\/v1\/traces\?api_key=/);
    expect(config.logs.headerNames).toEqual(['x-api-key']);
    expect(JSON.stringify(config)).not.toMatch(/cfg-secret/);
    expect(config.logs).not.toHaveProperty('stream');
    for (const part of [
      config,
      config.traces,
      config.traces.keepErrors,
      config.traces.propagators,
      config.logs,
    ])
      expect(Object.isFrozen(part)).toBe(true);
  });

  it('the resource is complete at startup: metrics and logs never see pending resource attributes', async () => {
    const { telemetry, logs } = start({ metrics: { enabled: true } });
    telemetry.defineCounter({ namespace: 'app', name: 'probes', help: 'probes' }).inc();
    expect(await telemetry.metricsText()).toContain('app_probes_total');
    telemetry.logger.info('after metrics');
    expect(logs.raw.join('\n')).not.toMatch(/async attributes/);
  });

  it('without an endpoint spans are still recorded and log lines carry the active trace id', () => {
    const { telemetry, logs } = start();
    expect(telemetry.config.traces.exporter).toBe('none');
    const ids = telemetry.tracer.startActiveSpan('work', (span) => {
      telemetry.logger.info('inside');
      span.end();
      return span.spanContext();
    });
    expect(logs.withMessage('inside')[0]).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
  });

  it('throws TelemetryAlreadyStartedError while running, and starts again after shutdown', async () => {
    const first = start().telemetry;
    expect(() => startTelemetry({ metrics: { enabled: false } }, {})).toThrow(TelemetryAlreadyStartedError);
    await first.shutdown();
    start();
    expect(telemetry?.tracer.startSpan('again').isRecording()).toBe(true);
  });

  it('propagates W3C trace context and baggage by default', () => {
    start();
    const carrier: Record<string, string> = {};
    telemetry?.tracer.startActiveSpan('out', (span) => {
      const bag = propagation.createBaggage({ tenant: { value: 'acme' } });
      propagation.inject(propagation.setBaggage(context.active(), bag), carrier);
      span.end();
    });
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(carrier.baggage).toBe('tenant=acme');
  });

  it('OTEL_PROPAGATORS=baggage leaves traceparent out', () => {
    start({}, { OTEL_PROPAGATORS: 'baggage' });
    const carrier: Record<string, string> = {};
    telemetry?.tracer.startActiveSpan('out', (span) => {
      propagation.inject(context.active(), carrier);
      span.end();
    });
    expect(carrier.traceparent).toBeUndefined();
  });

  it('keep-errors records ratio-rejected roots but sends sampled=0 downstream', () => {
    start({ traces: { sampleRatio: 0 } });
    const carrier: Record<string, string> = {};
    const recording = telemetry?.tracer.startActiveSpan('root', { kind: SpanKind.SERVER }, (span) => {
      propagation.inject(context.active(), carrier);
      const isRecording = span.isRecording();
      span.end();
      return isRecording;
    });
    expect(recording).toBe(true);
    expect(carrier.traceparent).toMatch(/-00$/);
  });

  it('OTEL_SDK_DISABLED: no-op tracer and metrics, the logger still writes', async () => {
    const { telemetry, logs } = start({ metrics: { enabled: true } }, { OTEL_SDK_DISABLED: 'true' });
    const span = telemetry.tracer.startSpan('noop');
    expect(span.isRecording()).toBe(false);
    span.end();
    telemetry.logger.info('still logging');
    expect(logs.withMessage('still logging')).toHaveLength(1);
    expect(await telemetry.metricsText()).toBe('');
  });

  it('invalid environment values are logged once each as warnings', () => {
    const { logs } = start({}, { OTEL_TRACES_SAMPLER_ARG: 'abc', OTEL_TRACES_SAMPLER: 'traceidratio' });
    const warnings = logs.withMessage('OTEL_TRACES_SAMPLER_ARG');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn' });
  });

  it('OTEL_LOG_LEVEL routes OpenTelemetry diagnostics to the logger', () => {
    const { logs } = start({}, { OTEL_LOG_LEVEL: 'debug' });
    expect(logs.withMessage('opentelemetry:').length).toBeGreaterThan(0);
  });

  it('an invalid OTEL_* value gives exactly one warning, not a second one from the SDK', () => {
    // The SDK reads process.env itself, so the invalid values must really be in the environment.
    const saved = { ...process.env };
    Object.assign(process.env, { OTEL_TRACES_SAMPLER: 'bogus', OTEL_BSP_MAX_QUEUE_SIZE: 'lots' });
    try {
      const { logs } = start({}, { OTEL_TRACES_SAMPLER: 'bogus', OTEL_BSP_MAX_QUEUE_SIZE: 'lots' });
      expect(logs.withMessage('OTEL_TRACES_SAMPLER')).toHaveLength(1);
      expect(logs.withMessage('OTEL_TRACES_SAMPLER')[0]).toMatchObject({ level: 'warn' });
      expect(logs.withMessage('OTEL_BSP_MAX_QUEUE_SIZE')).toHaveLength(1);
      expect(logs.withMessage('opentelemetry:')).toEqual([]);
    } finally {
      process.env = saved;
    }
  });

  it('the default OTEL_LOG_LEVEL (warn) keeps OpenTelemetry debug chatter out', () => {
    const { logs } = start();
    expect(logs.withMessage('opentelemetry:')).toEqual([]);
  });
});
