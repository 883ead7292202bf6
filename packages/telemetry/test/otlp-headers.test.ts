import { useReceiverAndApp } from './support/fixture';

const fx = useReceiverAndApp();

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('OTLP request headers on the real receiver', () => {
  it('logs send their own headers, traces theirs', async () => {
    const app = await fx.startApp();
    await app.call('start', {
      options: { metrics: { enabled: false }, logs: { level: 'info' }, traces: { scheduledDelayMs: 10 } },
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: fx.receiver.url,
        OTEL_LOGS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'x-signal=logs',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-signal=traces',
      },
    });
    await app.call('log', { message: 'headers-probe' });
    await waitFor(async () => (await fx.receiver.logs()).some((l) => l.body === 'headers-probe'));
    expect((await fx.receiver.stats()).lastHeaders).toMatchObject({ 'x-signal': 'logs' });
    await fx.receiver.settle();
    await app.spans([{ name: 'headers-span' }]);
    await fx.receiver.waitForSpans((s) => s.some((span) => span.name === 'headers-span'));
    expect((await fx.receiver.stats()).lastHeaders).toMatchObject({ 'x-signal': 'traces' });
  });

  it('an env header with CR/LF is dropped with one config warning and export keeps working', async () => {
    const app = await fx.startApp();
    await app.call('start', {
      options: { metrics: { enabled: false }, logs: { level: 'info' }, traces: { scheduledDelayMs: 10 } },
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: fx.receiver.url,
        OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=acme,x-bad=abc%0D%0AInjected:%201',
      },
    });
    await app.spans([{ name: 'still-exported' }]);
    await fx.receiver.waitForSpans((s) => s.some((span) => span.name === 'still-exported'));
    const headers = (await fx.receiver.stats()).lastHeaders;
    expect(headers).toMatchObject({ 'x-tenant': 'acme' });
    expect(headers).not.toHaveProperty('x-bad');
    expect(headers).not.toHaveProperty('injected');
    const logs = await app.logs();
    const warnings = logs.filter((l) => String(l.message).includes('OTEL_EXPORTER_OTLP_HEADERS'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.message)).toContain('"x-bad"');
    expect(JSON.stringify(logs)).not.toContain('Injected');
    expect(logs.filter((l) => String(l.message).includes('spans dropped'))).toEqual([]);
  });

  it('the same holds when the variables are in process.env, which the OTLP exporters also read', async () => {
    const app = await fx.startApp();
    await app.call('start', {
      options: { metrics: { enabled: false }, logs: { level: 'info' }, traces: { scheduledDelayMs: 10 } },
      processEnv: {
        OTEL_EXPORTER_OTLP_ENDPOINT: fx.receiver.url,
        OTEL_LOGS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=acme,x-bad=abc%0D%0AInjected:%201',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-signal=traces,bad%20name=1',
        OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'x-signal=logs,x-bad2=a%0Ab',
      },
    });
    await app.call('log', { message: 'process-env-probe' });
    await waitFor(async () => (await fx.receiver.logs()).some((l) => l.body === 'process-env-probe'));
    const logHeaders = (await fx.receiver.stats()).lastHeaders;
    expect(logHeaders).toMatchObject({ 'x-signal': 'logs' });
    await fx.receiver.settle();
    await app.spans([{ name: 'process-env-span' }]);
    await fx.receiver.waitForSpans((s) => s.some((span) => span.name === 'process-env-span'));
    const spanHeaders = (await fx.receiver.stats()).lastHeaders;
    expect(spanHeaders).toMatchObject({ 'x-signal': 'traces' });
    for (const headers of [logHeaders, spanHeaders])
      expect(Object.keys(headers)).not.toEqual(expect.arrayContaining(['x-bad', 'x-bad2', 'injected']));
  });

  it('an endpoint with a query keeps it and still reaches /v1/traces', async () => {
    const app = await fx.startApp();
    const result = await app.call<{ config: { traces: { endpoint: string } } }>('start', {
      options: { metrics: { enabled: false }, traces: { scheduledDelayMs: 10 } },
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${fx.receiver.url}/?tenant=acme` },
    });
    expect(result.config.traces.endpoint).toBe(`${fx.receiver.url}/v1/traces?tenant=acme`);
    await app.spans([{ name: 'with-query' }]);
    await fx.receiver.waitForSpans((s) => s.some((span) => span.name === 'with-query'));
    expect((await fx.receiver.stats()).lastUrl).toBe('/v1/traces?tenant=acme');
  });
});
