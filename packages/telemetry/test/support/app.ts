import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const DIST = join(__dirname, '..', '..', 'dist', 'index.js');
const SCRIPT = join(__dirname, 'traced-app.mjs');

/** A span to create in the app process; children are created inside it. */
export interface SpanSpec {
  name: string;
  kind?: 'internal' | 'server' | 'client';
  attributes?: Record<string, string | number | boolean | string[]>;
  status?: 'error' | 'ok';
  statusMessage?: string;
  events?: { name: string; attributes?: Record<string, string | number | boolean | string[]> }[];
  /** Attributes of links to a fixed remote span context. */
  links?: Record<string, string | number | boolean>[];
  exception?: string;
  /** Replaces the recorded error's stack trace. */
  exceptionStack?: string;
  sleepMs?: number;
  traceparent?: string;
  children?: SpanSpec[];
}

/** What the app reports for each created root span. */
export interface CreatedSpan {
  traceId: string;
  spanId: string;
  sampled: boolean;
  recording: boolean;
}

/** Handle on a traced-app child process. */
export interface App {
  // biome-ignore lint/suspicious/noExplicitAny: JSON results of the remote commands
  call<T = any>(cmd: string, args?: unknown): Promise<T>;
  spans(specs: SpanSpec[]): Promise<CreatedSpan[]>;
  logs(): Promise<Record<string, unknown>[]>;
  /** stdout lines that were not protocol messages (e.g. the console exporter's output). */
  output: string[];
  stop(): Promise<void>;
}

/**
 * Spawn a real Node process running the built telemetry package, remote-controlled over stdin.
 * Fails with a clear message when the package has not been built.
 */
export async function startApp(nodeArgs: string[] = []): Promise<App> {
  if (!existsSync(DIST))
    throw new Error(`${DIST} is missing: run "pnpm --filter @fasttodo/telemetry build" before these tests`);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SCRIPT], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`traced-app exited with code ${code}`);
      reject(error);
      for (const p of pending.values()) p.reject(error);
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let message: { ready?: boolean; id?: number; error?: string; result?: unknown };
      try {
        message = JSON.parse(line);
      } catch {
        output.push(line);
        return;
      }
      if (message.ready) return resolve();
      if (typeof message.id !== 'number') return void output.push(line);
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) entry?.reject(new Error(message.error));
      else entry?.resolve(message.result);
    });
  });
  await ready;
  const call = <T>(cmd: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.stdin?.write(`${JSON.stringify({ id, cmd, args })}\n`);
    });
  return {
    call,
    spans: (specs) => call('spans', { specs }),
    logs: () => call('logs'),
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.stdin?.end();
      }),
  };
}
