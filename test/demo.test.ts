// The main job, end to end: the FastTodo demo service (examples/demo) run as a user runs it, on the built
// packages, with nothing mocked. Asserts on what it really printed and served.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promtoolCheck } from '../packages/telemetry/test/metrics-helpers';

const DEMO = join(__dirname, '..', 'examples', 'demo', 'index.mjs');
const SECRETS = [
  'hunter2',
  'jane.doe@example.com',
  'bob@example.org',
  '4111 1111 1111 1111',
  's3cret',
  'abc123',
];

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function runDemo(args: string[] = [], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [DEMO, ...args], {
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => text, exit };
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('FastTodo demo (bash scripts/demo.sh)', () => {
  let run: Run;
  let code: number | null;

  beforeAll(async () => {
    run = runDemo();
    code = await run.exit;
  });

  it('runs to the end and exits 0 with no collector and no database', () => {
    expect(code).toBe(0);
    expect(run.output()).toContain('FastTodo demo: done.');
  });

  it('correlates every log line of a request with a trace id and a request id', () => {
    const logLines = run
      .output()
      .split('\n')
      .filter((line) => / (INFO|ERROR) +\[fasttodo\] /.test(line));
    expect(logLines.length).toBeGreaterThanOrEqual(9);
    for (const line of logLines)
      expect(line).toMatch(/trace_id=[0-9a-f]{32} span_id=[0-9a-f]{16} .*request_id=/);
  });

  it('never prints a secret, and a forged newline never starts a line of its own', () => {
    const output = run.output();
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output.split('\n').some((line) => line.startsWith('INFO forged'))).toBe(false);
    expect(output).not.toContain('\u001b[31m');
  });

  it('serves readiness that fails with draining once drain() was called', () => {
    expect(run.output()).toMatch(/after drain\(\)\n\{\n {2}"status": "fail"/);
    expect(run.output()).toContain('"output": "draining"');
  });
});

describe('FastTodo demo --serve', () => {
  let run: Run;
  let base: string;

  beforeAll(async () => {
    run = runDemo(['--serve'], { PORT: '0' });
    await waitFor(() => /listening on (http:\S+)/.test(run.output()), 'the demo to listen');
    base = /listening on (http:\S+)/.exec(run.output())?.[1] ?? '';
  });

  afterAll(async () => {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
  });

  it('answers health probes as application/json, uncached', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('pass');
    expect(Object.keys(body.checks).sort()).toEqual(['disk', 'eventLoopDelay', 'memory']);
  });

  it('serves Prometheus text that promtool accepts, with business and HTTP metrics', async () => {
    await fetch(`${base}/todos`, {
      method: 'POST',
      body: JSON.stringify({ title: 't', owner: 'x@example.com' }),
    });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^fasttodo_todos_created_total\{[^}]*\} 1$/m);
    expect(text).toContain('# TYPE http_server_request_duration_seconds histogram');
    expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
  });

  it('drains on SIGTERM: readiness 503 during the drain delay, then exits 0', async () => {
    run.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(503);
    expect(await run.exit).toBe(0);
    expect(run.output()).not.toContain('x@example.com');
  });
});
