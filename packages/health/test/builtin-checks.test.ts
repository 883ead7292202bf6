import { checks, createHealth } from '@fasttodo/health';
import type { HealthCheck } from '@fasttodo/health';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServer } from './support/http-server';
import { startHttpServer } from './support/http-server';

async function runOne(check: HealthCheck) {
  const { body } = await createHealth({ checks: [check] }).ready();
  const result = body.checks[check.name];
  if (!result) throw new Error(`no result for ${check.name}`);
  return result;
}

describe('checks.disk', () => {
  it('reports used percent of os.tmpdir() and passes with generous thresholds', async () => {
    const result = await runOne(checks.disk({ path: tmpdir(), warnPercent: 100, failPercent: 100 }));
    expect(result).toMatchObject({ status: 'pass', observedUnit: 'percent' });
    expect(result.observedValue).toEqual(expect.any(Number));
    expect(Number(result.observedValue)).toBeGreaterThanOrEqual(0);
    expect(Number(result.observedValue)).toBeLessThanOrEqual(100);
    expect(Number(result.free_bytes)).toBeGreaterThan(0);
  });

  it('warns and fails at the thresholds', async () => {
    expect((await runOne(checks.disk({ path: tmpdir(), warnPercent: 0, failPercent: 100 }))).status).toBe(
      'warn',
    );
    const failed = await runOne(checks.disk({ path: tmpdir(), warnPercent: 0, failPercent: 0 }));
    expect(failed.status).toBe('fail');
    expect(failed.output).toMatch(/^disk [\d.]+% used \(warn 0%, fail 0%\)$/);
  });

  it('fails (not throws) for a path that does not exist', async () => {
    const result = await runOne(checks.disk({ path: join(tmpdir(), 'does-not-exist-fasttodo', 'x') }));
    expect(result.status).toBe('fail');
    expect(result.output).toContain('ENOENT');
  });
});

describe('checks.memory', () => {
  it('passes with default thresholds and reports heap and RSS', async () => {
    const result = await runOne(checks.memory());
    expect(result).toMatchObject({ status: 'pass', observedUnit: 'percent' });
    expect(Number(result.rss_bytes)).toBeGreaterThan(0);
    expect(Number(result.heap_limit_bytes)).toBeGreaterThan(Number(result.heap_used_bytes));
  });

  it('warns and fails against thresholds', async () => {
    expect((await runOne(checks.memory({ warnPercent: 0.001, failPercent: 100 }))).status).toBe('warn');
    expect((await runOne(checks.memory({ warnPercent: 0, failPercent: 0.001 }))).status).toBe('fail');
  });

  describe('with a cgroup limit', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'fasttodo-cgroup-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('uses cgroup v2 memory.max', async () => {
      const limit = process.memoryUsage.rss() * 2;
      writeFileSync(join(root, 'memory.max'), `${limit}\n`);
      const result = await runOne(checks.memory({ cgroupRoot: root, warnPercent: 99, failPercent: 100 }));
      expect(result).toMatchObject({ limit_source: 'cgroup', rss_limit_bytes: limit });
      expect(Number(result.observedValue)).toBeGreaterThanOrEqual(40);
    });

    it('treats "max" as no limit and falls back to cgroup v1', async () => {
      writeFileSync(join(root, 'memory.max'), 'max\n');
      expect((await runOne(checks.memory({ cgroupRoot: root }))).limit_source).toBe('os');
      rmSync(join(root, 'memory.max'));
      mkdirSync(join(root, 'memory'));
      writeFileSync(join(root, 'memory', 'memory.limit_in_bytes'), '1073741824\n');
      const v1 = await runOne(checks.memory({ cgroupRoot: root }));
      expect(v1).toMatchObject({ limit_source: 'cgroup', rss_limit_bytes: 1073741824 });
      writeFileSync(join(root, 'memory', 'memory.limit_in_bytes'), '9223372036854771712\n');
      expect((await runOne(checks.memory({ cgroupRoot: root }))).limit_source).toBe('os');
    });
  });
});

describe('checks.eventLoopDelay', () => {
  it('reports p99 delay in ms and fails when the loop was stalled', async () => {
    const check = checks.eventLoopDelay({ warnMs: 50, failMs: 100, resolutionMs: 5 });
    const health = createHealth({ cacheMs: 0, checks: [check] });
    const first = (await health.ready()).body.checks.eventLoopDelay;
    expect(first).toMatchObject({ status: 'pass', observedUnit: 'ms' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const until = performance.now() + 300;
    while (performance.now() < until) {
      // block the loop
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stalled = (await health.ready()).body.checks.eventLoopDelay;
    expect(stalled?.status).toBe('fail');
    expect(Number(stalled?.max_ms)).toBeGreaterThanOrEqual(250);
  });
});

describe('checks.http', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      const authorized = req.headers.authorization === 'Bearer t0ken' && req.method === 'HEAD';
      const status = req.url === '/auth' ? (authorized ? 200 : 401) : Number(req.url?.slice(1)) || 200;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('x'.repeat(10_000));
    });
  });
  afterAll(() => server.close());

  it('passes on a 2xx by default and reports status code and time', async () => {
    const result = await runOne(checks.http(`${server.url}/204`));
    expect(result).toMatchObject({ status: 'pass', status_code: 204, observedUnit: 'ms' });
  });

  it('honours expectStatus (number or list)', async () => {
    expect((await runOne(checks.http(`${server.url}/418`, { expectStatus: 418 }))).status).toBe('pass');
    expect((await runOne(checks.http(`${server.url}/301`, { expectStatus: [200, 301] }))).status).toBe(
      'pass',
    );
    const failed = await runOne(checks.http(`${server.url}/500`, { expectStatus: 200 }));
    expect(failed).toMatchObject({ status: 'fail', status_code: 500, output: 'unexpected status 500' });
  });

  it('sends the configured method and headers', async () => {
    const options = { method: 'HEAD', headers: { authorization: 'Bearer t0ken' } };
    expect(await runOne(checks.http(`${server.url}/auth`, options))).toMatchObject({
      status: 'pass',
      status_code: 200,
    });
    const denied = await runOne(checks.http(`${server.url}/auth`));
    expect(denied).toMatchObject({ status: 'fail', status_code: 401 });
    expect(JSON.stringify(denied)).not.toContain('t0ken');
  });

  it('fails with the connection error when nothing listens', async () => {
    const closed = await startHttpServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const result = await runOne(checks.http(url));
    expect(result.status).toBe('fail');
    expect(result.output).toContain('ECONNREFUSED');
  });
});

describe('checks.redis replies', () => {
  it('fails redis on a reply other than PONG, passes on PONG', async () => {
    const odd = await runOne(checks.redis({ ping: async () => 'LOADING' }));
    expect(odd).toMatchObject({ status: 'fail', output: 'unexpected PING reply', observedUnit: 'ms' });
    expect((await runOne(checks.redis({ ping: async () => 'PONG' }))).status).toBe('pass');
  });
});
