import { Agent } from 'node:http';
import { spawnFixture } from './support/child';
import type { Outcome } from './support/client';
import { get } from './support/client';
import { sleep } from './support/ports';

jest.setTimeout(30_000);

const DRAIN_DELAY_MS = 1000;
const TIMEOUT_MS = 3000;

describe('SIGTERM on a real child process', () => {
  it('drains: /ready 503 during the delay, every request started before close completes, exit 0 in time', async () => {
    const fixture = await spawnFixture('drain-server.mjs', {
      DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
      TIMEOUT_MS: String(TIMEOUT_MS),
      SLOW_MS: '300',
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    try {
      expect((await get(fixture.port, '/ready', agent)).status).toBe(200);
      const outcomes: Outcome[] = [];
      // Stop starting requests a little before the server stops accepting (SIGTERM + drain delay).
      let stopStartingAt = Number.POSITIVE_INFINITY;
      const worker = async (_: unknown, index: number) => {
        await sleep(index * 30); // stagger so some requests are always in flight
        while (performance.now() < stopStartingAt) outcomes.push(await get(fixture.port, '/slow', agent));
      };
      const workers = Array.from({ length: 10 }, worker);
      await sleep(500);

      const sigtermAt = performance.now();
      stopStartingAt = sigtermAt + DRAIN_DELAY_MS - 150;
      fixture.child.kill('SIGTERM');
      await sleep(200);
      const duringDrain = await get(fixture.port, '/ready');
      expect(duringDrain.status).toBe(503);
      expect(JSON.parse(duringDrain.body ?? '{}')).toMatchObject({ status: 'fail', output: 'draining' });

      await Promise.all(workers);
      const exit = await fixture.exited;
      const failed = outcomes.filter((o) => o.status !== 200 || o.body !== 'done');
      expect(failed).toEqual([]);
      expect(outcomes.length).toBeGreaterThanOrEqual(20);
      // Some request was still in flight when the server stopped accepting, and it completed (checked above).
      const closeAt = sigtermAt + DRAIN_DELAY_MS;
      expect(outcomes.some((o) => o.startedAt < closeAt && o.endedAt > closeAt)).toBe(true);
      expect(exit.code).toBe(0);
      expect(exit.at - sigtermAt).toBeLessThan(DRAIN_DELAY_MS + TIMEOUT_MS);
      expect(fixture.output()).toContain('hook: flushed');
      expect((await get(fixture.port, '/ready')).error).toContain('ECONNREFUSED');
    } finally {
      agent.destroy();
      fixture.child.kill('SIGKILL');
    }
  });

  it('a second SIGTERM during the drain exits at once with code 1', async () => {
    const fixture = await spawnFixture('drain-server.mjs', { DRAIN_DELAY_MS: '10000', TIMEOUT_MS: '3000' });
    try {
      fixture.child.kill('SIGTERM');
      await sleep(300);
      expect((await get(fixture.port, '/ready')).status).toBe(503);
      const secondAt = performance.now();
      fixture.child.kill('SIGTERM');
      const exit = await fixture.exited;
      expect(exit.code).toBe(1);
      expect(exit.at - secondAt).toBeLessThan(2000);
    } finally {
      fixture.child.kill('SIGKILL');
    }
  });
});
