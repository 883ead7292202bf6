import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A loopback TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** Runs a command to completion; returns its exit code and both outputs. */
export function run(command: string, args: string[], cwd?: string): { code: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status ?? -1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Runs a command to completion without blocking the event loop (children started by this test keep running). */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output: output.slice(-4000) });
    });
  });
}

/** A started process and the output it wrote so far (for failure messages). */
export interface Started {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Spawns a long-running process and resolves once a line of its output matches `ready` (with the match), or
 * rejects with its output when it exits or `timeoutMs` passes first.
 */
export function startProcess(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; ready: RegExp; timeoutMs?: number },
): Promise<{ started: Started; match: RegExpExecArray }> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
  let text = '';
  const started: Started = {
    child,
    output: () => text.slice(-4000),
    stop: () => stop(child),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`not ready within ${options.timeoutMs ?? 20_000} ms`),
      options.timeoutMs ?? 20_000,
    );
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(child);
      reject(new Error(`${command} ${args.join(' ')}: ${why}\n${text.slice(-4000)}`));
    };
    const onData = (chunk: Buffer) => {
      text = (text + chunk.toString()).slice(-20_000);
      const match = options.ready.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ started, match });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.on('error', (error) => fail(String(error)));
  });
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
