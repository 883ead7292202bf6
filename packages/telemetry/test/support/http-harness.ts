import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type ReceivedSpan, type Receiver, startReceiver } from './receiver';
import { type Reply, send } from './send';

export type { Reply } from './send';

const DIST = join(__dirname, '..', '..', 'dist', 'index.cjs');
const SCRIPT = join(__dirname, 'http-app.cjs');

/** Handle on a running http-app child process (the reference adapter over the built package). */
export interface HttpApp {
  port: number;
  send(path: string, options?: { method?: string; headers?: OutgoingHttpHeaders }): Promise<Reply>;
  /** Raw log lines written by the app so far. */
  rawLogs(): Promise<string[]>;
  /** Parsed log lines written by the app so far. */
  logs(): Promise<Record<string, unknown>[]>;
  /** The Prometheus text, read through the side door (no access control). */
  metricsText(): Promise<string>;
  setHealth(status: 'pass' | 'warn' | 'fail'): Promise<void>;
  stop(): Promise<void>;
}

/** Configuration of the child: where spans go, lifecycle options, whether HttpInstrumentation is registered. */
export interface HttpAppConfig {
  tracesUrl: string;
  http?: Record<string, unknown>;
  traces?: Record<string, unknown>;
  httpInstrumentation?: boolean;
  /** Set on the child's process.env before anything loads. */
  env?: Record<string, string>;
}

function firstLine(child: ChildProcess): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`http-app exited early with code ${code}`)));
  });
}

/** Starts the http-app child on port 0; fails clearly when the package was not built. */
export async function startHttpApp(config: HttpAppConfig): Promise<HttpApp> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run "pnpm -s build" before these tests`);
  const child = spawn(process.execPath, [SCRIPT, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { port } = await firstLine(child);
  const rawLogs = async () => JSON.parse((await send(port, '/__control/logs')).body) as string[];
  return {
    port,
    send: (path, options) => send(port, path, options),
    rawLogs,
    logs: async () => (await rawLogs()).map((line) => JSON.parse(line) as Record<string, unknown>),
    metricsText: async () => (await send(port, '/__control/metrics')).body,
    setHealth: async (status) => {
      await send(port, `/__control/health?status=${status}`);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      await send(port, '/__control/shutdown').catch(() => undefined);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
      });
    },
  };
}

/** Waits until `predicate` holds for what `read` returns, or fails after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (predicate(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Anything that returns the JSON log lines written so far (the http-app, a conformance app). */
type LogSource = { logs(): Promise<Record<string, unknown>[]> };

/** The access-log line (`request completed`) of the request that got `requestId`, once it is written. */
export async function accessLine(app: LogSource, requestId: string): Promise<Record<string, unknown>> {
  const done = (l: Record<string, unknown>) =>
    l['request_id'] === requestId && l['message'] === 'request completed';
  const lines = await eventually(app.logs, (all) => all.some(done));
  return lines.find(done) ?? {};
}

/** The exported SERVER span of the request that got `requestId`, found through its access-log line. */
export async function spanOfRequest(
  app: LogSource,
  receiver: Receiver,
  requestId: string,
): Promise<ReceivedSpan> {
  const line = await accessLine(app, requestId);
  const spans = await receiver.waitForSpans((s) => s.some((span) => span.spanId === line['span_id']));
  return spans.find((span) => span.spanId === line['span_id']) as ReceivedSpan;
}

/** The `http_server_request_duration_seconds_count` samples of a Prometheus text, one per series. */
export function durationSeries(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('http_server_request_duration_seconds_count{'));
}

/** Accessors of the receiver and the http-app child that {@link useTracedHttpApp} runs for one test file. */
export interface TracedHttpApp {
  app(): HttpApp;
  receiver(): Receiver;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start a real OTLP receiver and an http-app child exporting to it
 * (with `config`), and stop both after the file; the accessors throw outside a test.
 */
export function useTracedHttpApp(config: Omit<HttpAppConfig, 'tracesUrl'> = {}): TracedHttpApp {
  let receiver: Receiver | undefined;
  let app: HttpApp | undefined;
  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startHttpApp({ ...config, tracesUrl: receiver.tracesUrl });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app starts in beforeAll; use it inside a test');
    return value;
  };
  return { app: () => started(app), receiver: () => started(receiver) };
}
