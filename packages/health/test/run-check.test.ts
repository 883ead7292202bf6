import { createOutputSanitizer } from '../src/output';
import { createCheckRunner } from '../src/run-check';

const sanitize = createOutputSanitizer(300);

function hungCheck() {
  let calls = 0;
  let release: () => void = () => undefined;
  const check = () => {
    calls++;
    // Ignores its signal, like a driver queueing commands while disconnected.
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  return { check, calls: () => calls, release: () => release() };
}

describe('a check that hangs past its timeout', () => {
  it('keeps no waiter per timed-out run (memory stays bounded while it hangs)', async () => {
    const hung = hungCheck();
    const runner = createCheckRunner(
      { name: 'hung', check: hung.check, timeoutMs: 5, critical: true },
      sanitize,
    );
    for (let i = 0; i < 50; i++) {
      const running = Promise.all([runner.run(), runner.run(), runner.run()]);
      expect(runner.waiting()).toBe(3);
      const results = await running;
      expect(results.every((r) => r.status === 'fail' && r.output === 'timeout after 5ms')).toBe(true);
      expect(runner.waiting()).toBe(0);
    }
    expect(hung.calls()).toBe(1);
  });

  it('hands its late result to every run still waiting, then starts afresh', async () => {
    const hung = hungCheck();
    const runner = createCheckRunner(
      { name: 'hung', check: hung.check, timeoutMs: 200, critical: true },
      sanitize,
    );
    const waiting = [runner.run(), runner.run()];
    hung.release();
    const results = await Promise.all(waiting);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(runner.waiting()).toBe(0);
    const next = runner.run();
    expect(hung.calls()).toBe(2);
    hung.release();
    expect((await next).status).toBe('pass');
  });
});
