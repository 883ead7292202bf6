import { createServer } from 'node:net';
import { startTelemetry, type Telemetry } from '../src';
import { LogLines } from './support/log-lines';

let telemetry: Telemetry | undefined;

afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
});

/** A loopback port nobody listens on: the exporter's connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function droppedSeries(text: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith('fasttodo_telemetry_spans_dropped_total'));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('fasttodo_telemetry_spans_dropped_total', () => {
  it('reports 0 while nothing is dropped, with HELP and TYPE counter', async () => {
    telemetry = startTelemetry(
      { serviceName: 'drops', logs: { stream: new LogLines(), format: 'json' } },
      {},
    );
    const text = await telemetry.metricsText();
    expect(text).toContain('# TYPE fasttodo_telemetry_spans_dropped_total counter');
    expect(text).toMatch(/# HELP fasttodo_telemetry_spans_dropped_total Spans this process dropped/);
    expect(droppedSeries(text)).toBe(0);
  });

  it('equals telemetry.droppedSpans() once the span queue overflows', async () => {
    const port = await closedPort();
    telemetry = startTelemetry(
      {
        serviceName: 'drops',
        logs: { stream: new LogLines(), format: 'json' },
        traces: {
          endpoint: `http://127.0.0.1:${port}/v1/traces`,
          sampleRatio: 1,
          maxQueueSize: 10,
          maxExportBatchSize: 10,
        },
      },
      {},
    );
    for (let i = 0; i < 100; i++) telemetry.tracer.startSpan(`span ${i}`).end();
    const dropped = telemetry.droppedSpans();
    expect(dropped).toBeGreaterThanOrEqual(80);
    const reported = droppedSeries(await telemetry.metricsText()) ?? -1;
    // Failed exports may add drops between the two reads; the counter never runs behind the first read.
    expect(reported).toBeGreaterThanOrEqual(dropped);
    expect(reported).toBeLessThanOrEqual(telemetry.droppedSpans());
  });
});
