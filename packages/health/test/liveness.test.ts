import { createHealth } from '@fasttodo/health';
import { sleep } from './support/ports';

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // deliberately blocking the event loop
  }
}

describe('liveness', () => {
  it('passes without touching any dependency', async () => {
    let calls = 0;
    const health = createHealth({
      version: '1.0.0',
      checks: [{ name: 'db', check: async () => void calls++ }],
    });
    const { httpStatus, body } = await health.live();
    expect(httpStatus).toBe(200);
    expect(body).toMatchObject({ status: 'pass', version: '1.0.0', checks: {} });
    expect(calls).toBe(0);
  });

  it('fails after the event loop was blocked beyond the threshold, then recovers', async () => {
    const health = createHealth({ liveness: { maxEventLoopBlockMs: 300, failForMs: 1500 } }); // windows wide enough for a loaded machine
    try {
      await sleep(200);
      expect((await health.live()).httpStatus).toBe(200);

      busyWait(900);
      const blocked = await health.live();
      expect(blocked.httpStatus).toBe(503);
      expect(blocked.body.status).toBe('fail');
      expect(blocked.body.checks.eventLoop).toMatchObject({ status: 'fail', observedUnit: 'ms' });
      expect(Number(blocked.body.checks.eventLoop?.observedValue)).toBeGreaterThan(300);
      expect(blocked.body.checks.eventLoop?.output).toContain('event loop blocked');

      await sleep(150);
      expect((await health.live()).httpStatus).toBe(503);
      await sleep(2500);
      expect((await health.live()).httpStatus).toBe(200);
    } finally {
      health.close();
    }
  });

  it('keeps passing after close() stopped the monitor (no drift is due any more)', async () => {
    const health = createHealth({ liveness: { maxEventLoopBlockMs: 100 } });
    await sleep(60);
    health.close();
    await sleep(400);
    const { httpStatus, body } = await health.live();
    expect(httpStatus).toBe(200);
    expect(body.checks.eventLoop).toMatchObject({ status: 'pass', observedValue: 0 });
  });

  it('a short stall below the threshold keeps liveness passing', async () => {
    const health = createHealth({ liveness: { maxEventLoopBlockMs: 1000 } });
    try {
      await sleep(50);
      busyWait(100);
      expect((await health.live()).httpStatus).toBe(200);
    } finally {
      health.close();
    }
  });
});
