import { checks, createHealth } from '@fasttodo/health';
import type { HealthCheck } from '@fasttodo/health';
import { connect } from 'node:net';
import type { BlackHole } from './support/black-hole';
import { startBlackHole } from './support/black-hole';
import { sleep } from './support/ports';

let hole: BlackHole;

beforeEach(async () => {
  hole = await startBlackHole();
});

afterEach(async () => {
  await hole.close();
});

/** Wraps a check to count how many times it is really invoked. */
function counted(check: HealthCheck): { check: HealthCheck; calls: () => number } {
  let calls = 0;
  return {
    check: {
      ...check,
      check: (signal) => {
        calls++;
        return check.check(signal);
      },
    },
    calls: () => calls,
  };
}

/** Connects to the black hole and waits for the socket to close; deliberately ignores the abort signal. */
function hungSocketCheck(port: number): HealthCheck {
  return {
    name: 'socket',
    timeoutMs: 200,
    check: () =>
      new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      }),
  };
}

describe('a dependency that accepts and never answers', () => {
  it('checks.http times out on schedule and reports the timeout', async () => {
    const health = createHealth({
      checks: [checks.http(`http://127.0.0.1:${hole.port}/health`, { timeoutMs: 500 })],
    });
    const started = performance.now();
    const { httpStatus, body } = await health.ready();
    const elapsed = performance.now() - started;
    expect(httpStatus).toBe(503);
    expect(body.checks.http).toMatchObject({ status: 'fail', output: 'timeout after 500ms' });
    expect(elapsed).toBeGreaterThanOrEqual(495);
    expect(elapsed).toBeLessThanOrEqual(500 + 300);
  });

  it('200 concurrent ready() calls during the hang cause exactly one invocation and one connection', async () => {
    const http = counted(checks.http(`http://127.0.0.1:${hole.port}/`, { timeoutMs: 500 }));
    const health = createHealth({ cacheMs: 1000, checks: [http.check] });
    const first = health.ready();
    await sleep(100);
    const rest = Array.from({ length: 199 }, () => health.ready());
    const results = await Promise.all([first, ...rest]);
    expect(http.calls()).toBe(1);
    expect(hole.accepted()).toBe(1);
    expect(
      results.every((r) => r.httpStatus === 503 && r.body.checks.http?.output === 'timeout after 500ms'),
    ).toBe(true);
  });

  it('a check hung past its timeout is not started again until it settles, even after the cache expired', async () => {
    const socket = counted(hungSocketCheck(hole.port));
    const health = createHealth({ cacheMs: 50, checks: [socket.check] });

    expect((await health.ready()).body.checks.socket?.output).toBe('timeout after 200ms');
    await sleep(100);
    const started = performance.now();
    const second = await health.ready();
    expect(performance.now() - started).toBeLessThanOrEqual(200 + 300);
    expect(second.body.checks.socket?.output).toBe('timeout after 200ms');
    expect(socket.calls()).toBe(1);
    expect(hole.accepted()).toBe(1);

    hole.release();
    await sleep(100);
    const third = health.ready();
    await sleep(20);
    expect(socket.calls()).toBe(2);
    hole.release();
    expect((await third).body.checks.socket?.status).toBe('pass');
  });

  it('a later probe that joins a hung check gets its real result if it settles in time', async () => {
    const socket = counted(hungSocketCheck(hole.port));
    const health = createHealth({ cacheMs: 0, checks: [socket.check] });
    expect((await health.ready()).httpStatus).toBe(503);
    const joined = health.ready();
    await sleep(50);
    hole.release();
    const result = await joined;
    expect(result.httpStatus).toBe(200);
    expect(socket.calls()).toBe(1);
  });
});
