import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import type { App } from './support/app';
import { useReceiverAndApp } from './support/fixture';

const fx = useReceiverAndApp();

async function start(traces: Record<string, unknown>) {
  const app = await fx.startApp();
  await app.call('start', {
    options: {
      serviceName: 'sampling-test',
      environment: 'test',
      metrics: { enabled: false },
      traces: { endpoint: fx.receiver.tracesUrl, scheduledDelayMs: 20, ...traces },
    },
  });
  return app;
}

const SAMPLED_PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const UNSAMPLED_PARENT = '00-1af7651916cd43dd8448eb211c80319c-c7ad6b7169203331-00';

/** A span whose export proves everything created before it has been through the pipeline. */
async function marker(a: App): Promise<string> {
  const traceId = `${Date.now().toString(16).padStart(16, '0')}${'a'.repeat(16)}`;
  await a.spans([{ name: 'marker', traceparent: `00-${traceId}-b7ad6b7169203331-01` }]);
  await fx.receiver.waitForSpans((spans) => spans.some((s) => s.traceId === traceId));
  return traceId;
}

describe('sampling', () => {
  it('traceidratio 0.25 over 4000 roots stays within 4 sigma, and the receiver gets exactly the sampled ones', async () => {
    const a = await start({
      sampler: 'traceidratio',
      sampleRatio: 0.25,
      maxQueueSize: 8192,
      maxExportBatchSize: 1024,
    });
    const n = 4000;
    const { sampled } = await a.call<{ sampled: number }>('roots', { count: n });
    const sigma = Math.sqrt(n * 0.25 * 0.75);
    expect(Math.abs(sampled - n * 0.25)).toBeLessThanOrEqual(4 * sigma);
    const spans = await fx.receiver.waitForSpans((s) => s.length >= sampled, 20_000);
    expect(spans).toHaveLength(sampled);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(sampled);
  });

  it('parent-based: a sampled traceparent is sampled even at ratio 0, an unsampled one is not exported', async () => {
    const a = await start({ sampleRatio: 0 });
    const [kept] = await a.spans([{ name: 'from-sampled', kind: 'server', traceparent: SAMPLED_PARENT }]);
    const [dropped] = await a.spans([
      { name: 'from-unsampled', kind: 'server', traceparent: UNSAMPLED_PARENT, status: 'error' },
    ]);
    expect(kept?.sampled).toBe(true);
    expect(dropped?.sampled).toBe(false);
    await marker(a);
    const spans = await fx.receiver.spans();
    const exported = spans.find((s) => s.name === 'from-sampled');
    expect(exported).toMatchObject({
      traceId: SAMPLED_PARENT.slice(3, 35),
      parentSpanId: 'b7ad6b7169203331',
    });
    expect(spans.some((s) => s.name === 'from-unsampled')).toBe(false);
  });

  it('keep-errors at ratio 0: error and 5xx traces are exported with their children, an ok trace is not', async () => {
    const a = await start({ sampleRatio: 0 });
    const created = await a.spans([
      {
        name: 'error-root',
        kind: 'server',
        status: 'error',
        children: [{ name: 'error-child', kind: 'client' }],
      },
      { name: '5xx-root', kind: 'server', attributes: { [ATTR_HTTP_RESPONSE_STATUS_CODE]: 503 } },
      {
        name: 'ok-root',
        kind: 'server',
        attributes: { [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200 },
        children: [{ name: 'ok-child' }],
      },
      { name: 'ok-root-error-child', children: [{ name: 'failing-child', status: 'error' }] },
    ]);
    expect(created.every((c) => !c.sampled && c.recording)).toBe(true);
    await marker(a);
    const names = (await fx.receiver.spans()).map((s) => s.name).sort();
    expect(names).toEqual(['5xx-root', 'error-child', 'error-root', 'marker']);
    const errorRoot = (await fx.receiver.spans()).find((s) => s.name === 'error-root');
    const errorChild = (await fx.receiver.spans()).find((s) => s.name === 'error-child');
    expect(errorChild?.parentSpanId).toBe(errorRoot?.spanId);
    expect(errorRoot?.status.code).toBe(2);
  });

  it('keep-errors keepSlowerThanMs also keeps slow traces', async () => {
    const a = await start({ sampleRatio: 0, keepErrors: { keepSlowerThanMs: 100 } });
    await a.spans([
      { name: 'slow-root', sleepMs: 250 },
      { name: 'fast-root', sleepMs: 0 },
    ]);
    await marker(a);
    const names = (await fx.receiver.spans()).map((s) => s.name).sort();
    expect(names).toEqual(['marker', 'slow-root']);
  });

  it('keepErrors: false drops error traces the ratio rejected', async () => {
    const a = await start({ sampleRatio: 0, keepErrors: false });
    const [created] = await a.spans([{ name: 'error-root', status: 'error' }]);
    expect(created?.recording).toBe(false);
    await marker(a);
    expect((await fx.receiver.spans()).map((s) => s.name)).toEqual(['marker']);
  });

  it('a trace buffer bound caps the spans kept per trace', async () => {
    const a = await start({ sampleRatio: 0, keepErrors: { maxSpansPerTrace: 3 } });
    const children = Array.from({ length: 10 }, (_, i) => ({ name: `child-${i}` }));
    await a.spans([{ name: 'big-error-root', status: 'error', children }]);
    await marker(a);
    const names = (await fx.receiver.spans()).map((s) => s.name);
    expect(names.filter((n) => n.startsWith('child-'))).toHaveLength(3);
    expect(names).toContain('big-error-root');
  });
});
