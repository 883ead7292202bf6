import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Collector behaviour the receiver simulates. */
export type ReceiverMode = 'ok' | 'refuse' | 'blackhole' | 'slow' | '5xx';

/** A plain-object view of one received span. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
  status: { code: number; message?: string };
  resource: Record<string, unknown>;
  scope: string;
}

/** A plain-object view of one received log record. */
export interface ReceivedLog {
  body: unknown;
  severityText?: string;
  attributes: Record<string, unknown>;
  traceId?: string;
  spanId?: string;
  resource: Record<string, unknown>;
}

/** Counters kept by the receiver process. */
export interface ReceiverStats {
  requests: number;
  spans: number;
  hung: number;
  mode: ReceiverMode;
  byMode: Partial<Record<ReceiverMode, number>>;
  /** Request headers of the last data request. */
  lastHeaders: Record<string, string>;
  /** Path and query of the last data request. */
  lastUrl: string;
}

/** Handle on a running receiver process. */
export interface Receiver {
  /** Base URL of the OTLP/HTTP data port, e.g. http://127.0.0.1:4318 (no path). */
  url: string;
  tracesUrl: string;
  logsUrl: string;
  spans(): Promise<ReceivedSpan[]>;
  logs(): Promise<ReceivedLog[]>;
  raw(): Promise<{ traces: unknown[]; metrics: unknown[]; logs: unknown[] }>;
  stats(): Promise<ReceiverStats>;
  setMode(mode: ReceiverMode, opts?: { delayMs?: number; status?: number }): Promise<void>;
  clear(): Promise<void>;
  /** Wait until no new request has arrived for 200 ms (requests in flight when an app stopped are in). */
  settle(): Promise<void>;
  /** Poll until `predicate` holds for the received spans, or fail after `timeoutMs`. */
  waitForSpans(predicate: (spans: ReceivedSpan[]) => boolean, timeoutMs?: number): Promise<ReceivedSpan[]>;
  stop(): Promise<void>;
}

interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
  bytesValue?: string;
}
interface KeyValue {
  key: string;
  value?: AnyValue;
}

function decodeValue(v: AnyValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(decodeValue);
  if (v.kvlistValue) return decodeAttributes(v.kvlistValue.values);
  return v.bytesValue;
}

/** Turn OTLP JSON key/value lists into a plain object. */
export function decodeAttributes(list: KeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list ?? []) out[kv.key] = decodeValue(kv.value);
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: raw OTLP JSON from the receiver
type Json = any;

function flattenSpans(payloads: Json[]): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const p of payloads)
    for (const rs of p.resourceSpans ?? []) {
      const resource = decodeAttributes(rs.resource?.attributes);
      for (const ss of rs.scopeSpans ?? [])
        for (const s of ss.spans ?? [])
          out.push({
            traceId: s.traceId,
            spanId: s.spanId,
            parentSpanId: s.parentSpanId ?? '',
            name: s.name,
            kind: s.kind,
            attributes: decodeAttributes(s.attributes),
            events: (s.events ?? []).map((e: Json) => ({
              name: e.name,
              attributes: decodeAttributes(e.attributes),
            })),
            status: s.status ?? { code: 0 },
            resource,
            scope: ss.scope?.name ?? '',
          });
    }
  return out;
}

function flattenLogs(payloads: Json[]): ReceivedLog[] {
  const out: ReceivedLog[] = [];
  for (const p of payloads)
    for (const rl of p.resourceLogs ?? []) {
      const resource = decodeAttributes(rl.resource?.attributes);
      for (const sl of rl.scopeLogs ?? [])
        for (const r of sl.logRecords ?? [])
          out.push({
            body: decodeValue(r.body),
            severityText: r.severityText,
            attributes: decodeAttributes(r.attributes),
            traceId: r.traceId,
            spanId: r.spanId,
            resource,
          });
    }
  return out;
}

function call(port: number, method: string, path: string, body?: unknown): Promise<Json> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function readPorts(child: ChildProcess): Promise<{ port: number; controlPort: number }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`otlp-receiver exited early with code ${code}`)));
  });
}

/** Path of the standalone receiver script (usable from benchmarks too). */
export const RECEIVER_SCRIPT = join(__dirname, 'otlp-receiver.mjs');

/**
 * Spawn the OTLP/HTTP receiver as a child process on a loopback port.
 *
 * @example
 * const receiver = await startReceiver();
 * // ... export to receiver.url ...
 * const spans = await receiver.waitForSpans((s) => s.length > 0);
 * await receiver.stop();
 */
export async function startReceiver(opts: { mode?: ReceiverMode; keep?: boolean } = {}): Promise<Receiver> {
  const args = [RECEIVER_SCRIPT, `--mode=${opts.mode ?? 'ok'}`];
  if (opts.keep === false) args.push('--keep=false');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const { port, controlPort } = await readPorts(child);
  const url = `http://127.0.0.1:${port}`;
  const raw = () => call(controlPort, 'GET', '/_received');
  const receiver: Receiver = {
    url,
    tracesUrl: `${url}/v1/traces`,
    logsUrl: `${url}/v1/logs`,
    raw,
    spans: async () => flattenSpans((await raw()).traces),
    logs: async () => flattenLogs((await raw()).logs),
    stats: () => call(controlPort, 'GET', '/_stats'),
    setMode: async (mode, o = {}) => {
      await call(controlPort, 'POST', '/_mode', { mode, ...o });
    },
    clear: async () => {
      await call(controlPort, 'POST', '/_clear');
    },
    settle: async () => {
      let before = (await receiver.stats()).requests;
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        const now = (await receiver.stats()).requests;
        if (now === before) return;
        before = now;
      }
    },
    waitForSpans: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const spans = await receiver.spans();
        if (predicate(spans)) return spans;
        if (Date.now() > deadline)
          throw new Error(`waitForSpans: condition not met; got ${spans.length} spans`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
        child.kill('SIGTERM');
      }),
  };
  return receiver;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start one receiver for a test file and stop it after; the
 * accessor throws outside a test.
 */
export function useReceiver(opts: { mode?: ReceiverMode; keep?: boolean } = {}): () => Receiver {
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    receiver = await startReceiver(opts);
  });
  afterAll(async () => {
    await receiver?.stop();
  });
  return () => {
    if (!receiver) throw new Error('the receiver starts in beforeAll; use it inside a test');
    return receiver;
  };
}
