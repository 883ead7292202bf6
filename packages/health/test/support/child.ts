import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built package the child fixtures import; tests fail (never skip) when it is missing. */
export function requireBuiltPackage(): void {
  const dist = join(__dirname, '..', '..', 'dist', 'index.js');
  if (!existsSync(dist))
    throw new Error(`${dist} is missing: run "pnpm --filter @fasttodo/health build" first`);
}

/** A running fixture with its collected stdout and a promise of its exit. */
export interface Fixture {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
  readonly exited: Promise<{ code: number | null; at: number }>;
}

/** Spawns `fixtures/<name>` with extra env and waits for its `listening <port>` line. */
export function spawnFixture(name: string, env: Record<string, string>): Promise<Fixture> {
  requireBuiltPackage();
  const child = spawn(process.execPath, [join(__dirname, '..', 'fixtures', name)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: performance.now() })),
  );
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`fixture ${name} did not start: ${stderr}`)), 10_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const early = () => fail(new Error(`fixture ${name} exited early: ${stderr}`));
    child.once('exit', early);
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening (\d+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeListener('exit', early);
      resolve({ child, port: Number(match[1]), output: () => stdout, exited });
    });
  });
}

/** How a fixture run to completion ended. */
export interface FixtureRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `true` when it was killed for running longer than allowed. */
  readonly killed: boolean;
  readonly ms: number;
}

/** Runs `fixtures/<name>` to its end, killing it after `killAfterMs` (a hang is a result, not a stuck test). */
export function runFixture(
  name: string,
  env: Record<string, string>,
  killAfterMs: number,
): Promise<FixtureRun> {
  requireBuiltPackage();
  const started = performance.now();
  const child = spawn(process.execPath, [join(__dirname, '..', 'fixtures', name)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, killAfterMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed, ms: performance.now() - started });
    }),
  );
}
