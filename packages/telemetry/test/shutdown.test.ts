import { runShutdown } from '../src/shared/run-shutdown';
import { useReceiverAndApp } from './support/fixture';
import type { ReceiverMode } from './support/receiver';

const fx = useReceiverAndApp();

async function startWith(mode: ReceiverMode, traces: Record<string, unknown> = {}) {
  await fx.receiver.setMode(mode);
  const app = await fx.startApp();
  await app.call('start', {
    options: {
      environment: 'test',
      metrics: { enabled: false },
      shutdownTimeoutMs: 1500,
      traces: { endpoint: fx.receiver.tracesUrl, scheduledDelayMs: 60_000, timeoutMs: 20_000, ...traces },
    },
  });
  await app.spans(Array.from({ length: 20 }, (_, i) => ({ name: `pending-${i}` })));
  return app;
}

describe('shutdown', () => {
  it('flushes pending spans to a healthy collector', async () => {
    const a = await startWith('ok');
    await a.call('shutdown');
    expect(await fx.receiver.spans()).toHaveLength(20);
  });

  it('returns within its timeout when the collector is black-holed', async () => {
    const a = await startWith('blackhole');
    const { elapsedMs } = await a.call<{ elapsedMs: number }>('shutdown');
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(elapsedMs).toBeLessThan(1500 + 1500);
    const logs = await a.logs();
    expect(logs.some((l) => String(l.message).includes('shutdown incomplete'))).toBe(true);
  });

  it('never leaves an unhandled rejection when the collector refuses connections', async () => {
    const a = await startWith('refuse');
    const { elapsedMs } = await a.call<{ elapsedMs: number }>('shutdown');
    expect(elapsedMs).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await a.call('unhandled')).toEqual([]);
    // The process is still alive and answering.
    expect(await a.call('stats')).toHaveProperty('pid');
  });

  it('is idempotent', async () => {
    const a = await startWith('ok');
    const [first, second] = await Promise.all([a.call('shutdown'), a.call('shutdown')]);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(await fx.receiver.spans()).toHaveLength(20);
  });
});

describe('runShutdown', () => {
  it('contains rejections and hangs and reports them', async () => {
    const started = Date.now();
    const report = await runShutdown(
      [
        { name: 'hangs', run: () => new Promise<void>(() => {}) },
        { name: 'rejects', run: () => Promise.reject(new Error('ECONNREFUSED')) },
        {
          name: 'throws',
          run: () => {
            throw new Error('sync');
          },
        },
      ],
      [{ name: 'last', run: async () => {} }],
      400,
    );
    expect(Date.now() - started).toBeLessThan(1400);
    expect(report.timedOut).toEqual(['hangs']);
    expect(report.failed.sort()).toEqual(['rejects', 'throws']);
  });

  it('gives the last group its reserved slice', async () => {
    let lastRan = false;
    await runShutdown(
      [{ name: 'hangs', run: () => new Promise<void>(() => {}) }],
      [
        {
          name: 'logs',
          run: async () => {
            lastRan = true;
          },
        },
      ],
      400,
    );
    expect(lastRan).toBe(true);
  });
});
