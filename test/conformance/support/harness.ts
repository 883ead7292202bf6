import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Reply, type SendOptions, send } from '../../../packages/telemetry/test/support/send';

export type { Reply, SendOptions } from '../../../packages/telemetry/test/support/send';

// Process-wide server defaults, so every driver can serve through its framework's own `listen()`: the suite
// sends a 1 MB header and control characters a strict parser refuses before any adapter sees them.
const NODE_FLAGS = ['--max-http-header-size=4194304', '--insecure-http-parser'];

/** How the app process is configured (argv of app.cjs). */
export interface AppConfig {
  tracesUrl: string;
  /** `createHttpObservability` options. */
  http?: Record<string, unknown>;
  /** `startTelemetry` trace options on top of the suite's (e.g. a long `scheduledDelayMs`). */
  traces?: Record<string, unknown>;
  /** The health drain delay after SIGTERM (ms); default 500. */
  drainDelayMs?: number;
  /** How long `/slow` waits unless released (ms); default 1500. */
  slowMs?: number;
}

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
  /** How many `/slow` requests are waiting in the handler. */
  held(): Promise<number>;
  /** Lets every waiting `/slow` request answer now. */
  release(): Promise<void>;
  /** Sends a signal to the app process (SIGTERM starts the health drain). */
  kill(signal: NodeJS.Signals): void;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
  /** Lifecycle events the process wrote so far (`framework closed`, `telemetry flushed`). */
  events: string[];
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

/** Resolves `true` when a new connection to `port` is refused, `false` when it is accepted. */
export function refused(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve(true) : reject(error),
    );
  });
}

/** The first stdout line (the ports); every later line is an event pushed to `events`. */
function readLines(child: ChildProcess, events: string[]): Promise<{ port: number; control: number }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      lines.on('line', (next) => events.push((JSON.parse(next) as { event: string }).event));
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`conformance app exited early with code ${code}`)));
  });
}

/** Starts `driver` (a file in test/conformance/drivers) in a child process on port 0. */
export async function startApp(driver: string, config: AppConfig): Promise<ConformanceApp> {
  const script = join(__dirname, 'app.cjs');
  const child = spawn(process.execPath, [...NODE_FLAGS, script, JSON.stringify({ driver, ...config })], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const events: string[] = [];
  const { port, control } = await readLines(child, events);
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
    held: async () => Number((await side('held')).body),
    release: async () => void (await side('release')),
    kill: (signal) => void child.kill(signal),
    exited,
    events,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await side('shutdown').catch(() => undefined);
      child.stdin?.end();
      await exited;
    },
  };
}
