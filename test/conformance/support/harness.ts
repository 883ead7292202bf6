import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Reply, type SendOptions, send } from '../../../packages/telemetry/test/support/send';

export type { Reply, SendOptions } from '../../../packages/telemetry/test/support/send';

/** A running conformance app (one adapter driver in a child process over the built packages). */
export interface ConformanceApp {
  port: number;
  send(path: string, options?: SendOptions): Promise<Reply>;
  /** Writes raw bytes (requests a well-behaved client refuses to send); resolves with the status line. */
  raw(head: string): Promise<string>;
  rawLogs(): Promise<string[]>;
  logs(): Promise<Record<string, unknown>[]>;
  /** The Prometheus text through the side door (no access control). */
  metricsText(): Promise<string>;
  setHealth(status: 'pass' | 'warn' | 'fail'): Promise<void>;
  drain(): Promise<void>;
  stop(): Promise<void>;
}

function raw(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.from(head, 'latin1')));
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(reply.split('\r\n', 1)[0] ?? ''));
    socket.on('error', reject);
  });
}

function firstLine(child: ChildProcess): Promise<{ port: number; control: number }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`conformance app exited early with code ${code}`)));
  });
}

/** Starts `driver` (a file in test/conformance/drivers) in a child process on port 0. */
export async function startApp(
  driver: string,
  config: { tracesUrl: string; http?: Record<string, unknown> },
): Promise<ConformanceApp> {
  const script = join(__dirname, 'app.cjs');
  const child = spawn(process.execPath, [script, JSON.stringify({ driver, ...config })], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { port, control } = await firstLine(child);
  const side = (path: string) => send(control, `/__control/${path}`);
  const rawLogs = async () => JSON.parse((await side('logs')).body) as string[];
  return {
    port,
    send: (path, options) => send(port, path, options),
    raw: (head) => raw(port, head),
    rawLogs,
    logs: async () => (await rawLogs()).map((line) => JSON.parse(line) as Record<string, unknown>),
    metricsText: async () => (await side('metrics')).body,
    setHealth: async (status) => void (await side(`health?status=${status}`)),
    drain: async () => void (await side('drain')),
    stop: async () => {
      if (child.exitCode !== null) return;
      await side('shutdown').catch(() => undefined);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
      });
    },
  };
}
