// The main job, end to end: `bash scripts/demo.sh` runs examples/traffic/demo.mjs (after installing and
// building); here the driver runs as a user runs it, on the built packages, nothing mocked.
import { join } from 'node:path';
import { promtoolCheck } from '../../packages/telemetry/test/metrics-helpers';
import { ROOT, readinessWhileDraining, type SpawnedNode, spawnNode } from './support';

const DEMO = join(ROOT, 'examples', 'traffic', 'demo.mjs');

function runDemo(args: string[], env: Record<string, string> = {}): SpawnedNode {
  return spawnNode([DEMO, ...args], env);
}

describe('FastTodo demo (bash scripts/demo.sh)', () => {
  let run: SpawnedNode;
  let code: number | null;

  beforeAll(async () => {
    run = runDemo([]);
    code = await run.exit;
  }, 60_000);

  it('runs the Express example through the scenario and exits 0 on its own', () => {
    expect(code).toBe(0);
    expect(run.output()).toMatch(/^FastTodo \(express\) listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.output()).toContain('503  ai assist upstream failure');
    expect(run.output()).toContain('exit code 0');
    expect(run.output()).toContain('FastTodo demo: done.');
  });

  it('prints where to look: /metrics and /health/ready', () => {
    expect(run.output()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/metrics /);
    expect(run.output()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/health\/ready /);
    expect(run.output()).toContain('GET /health/ready → 200 "pass"');
  });

  it('shows one request correlated by trace id, and a redacted field', () => {
    const section = run.output().split('== one request')[1]?.split('==')[0] ?? '';
    const traceIds = [...section.matchAll(/ trace_id=([0-9a-f]{32}) /g)].map((match) => match[1]);
    expect(traceIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(traceIds).size).toBe(1);
    expect(section).toContain(' todo created ');
    expect(section).toContain(' request completed ');
    expect(run.output()).toMatch(/ login failed .* email=\[REDACTED\]/);
  });

  it('never prints a password, a token or an e-mail address', () => {
    expect(run.output()).not.toMatch(/correct horse|battery staple|"token"/);
    expect(/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/i.exec(run.output())?.[0]).toBeUndefined();
  });
});

describe('FastTodo demo --serve', () => {
  let run: SpawnedNode;
  let url: string;

  beforeAll(async () => {
    run = runDemo(['--serve'], { PORT: '0', DRAIN_DELAY_MS: '1500' });
    const deadline = Date.now() + 30_000;
    while (!run.output().includes('== serving')) {
      if (Date.now() > deadline || run.child.exitCode !== null)
        throw new Error(`demo did not serve:\n${run.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    url = /listening on (http:\S+)/.exec(run.output())?.[1] ?? '';
  }, 60_000);

  afterAll(async () => {
    // SIGTERM, which the demo forwards: a SIGKILL would leave its app running.
    if (run.child.exitCode === null) run.child.kill('SIGTERM');
    await run.exit;
  });

  it('keeps serving: readiness passes and /metrics is Prometheus text that promtool accepts', async () => {
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('# TYPE fasttodo_logins_total counter');
    expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
  });

  it('drains on SIGTERM and exits 0', async () => {
    run.child.kill('SIGTERM');
    expect(await readinessWhileDraining(url)).toBe(503);
    expect(await run.exit).toBe(0);
  });
});
