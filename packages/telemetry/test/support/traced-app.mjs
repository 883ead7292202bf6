#!/usr/bin/env node
// A small "service" process for tests: it runs the BUILT @fasttodo/telemetry (../../dist) and is
// remote-controlled with one JSON command per stdin line; it answers one JSON line per command.
// (The OTLP/HTTP exporter loads node:http with a dynamic import, which jest's VM sandbox refuses,
// so everything that really exports runs here, in a real Node process.)
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { startTelemetry } from '../../dist/index.js';

const LINKED = { traceId: '5'.repeat(32), spanId: '6'.repeat(16), traceFlags: 1 };
const KINDS = { internal: SpanKind.INTERNAL, server: SpanKind.SERVER, client: SpanKind.CLIENT };
const logLines = [];
const unhandled = [];
let telemetry;

process.on('unhandledRejection', (reason) => unhandled.push(String(reason?.stack ?? reason)));

const logStream = new Writable({
  write(chunk, _enc, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
    done();
  },
});

async function runSpan(spec, parentContext) {
  const tracer = telemetry.tracer;
  let ctx = parentContext ?? context.active();
  if (spec.traceparent) ctx = propagation.extract(context.active(), { traceparent: spec.traceparent });
  const links = (spec.links ?? []).map((attributes) => ({ context: LINKED, attributes }));
  const span = tracer.startSpan(
    spec.name,
    { kind: KINDS[spec.kind ?? 'internal'], attributes: spec.attributes, links },
    ctx,
  );
  const childCtx = trace.setSpan(ctx, span);
  for (const child of spec.children ?? []) await runSpan(child, childCtx);
  for (const event of spec.events ?? []) span.addEvent(event.name, event.attributes);
  if (spec.exception) {
    const error = new Error(spec.exception);
    if (spec.exceptionStack) error.stack = spec.exceptionStack;
    span.recordException(error);
  }
  if (spec.status === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: spec.statusMessage });
  if (spec.sleepMs) await sleep(spec.sleepMs);
  const recording = span.isRecording();
  span.end();
  const sc = span.spanContext();
  return { traceId: sc.traceId, spanId: sc.spanId, sampled: (sc.traceFlags & 1) === 1, recording };
}

function burst({ count, chunk = 500, attributes }) {
  return new Promise((resolve) => {
    let done = 0;
    let maxChunkMs = 0;
    let totalMs = 0;
    const step = () => {
      const start = performance.now();
      const n = Math.min(chunk, count - done);
      for (let i = 0; i < n; i++) {
        const root = telemetry.tracer.startSpan('burst', { kind: SpanKind.SERVER, attributes });
        root.end();
      }
      const ms = performance.now() - start;
      maxChunkMs = Math.max(maxChunkMs, ms);
      totalMs += ms;
      done += n;
      if (done < count) setImmediate(step);
      else resolve({ count, totalMs, maxChunkMs, avgUs: (totalMs * 1000) / count });
    };
    step();
  });
}

const commands = {
  // processEnv: the variables are set on process.env, which is passed as is (the production path).
  start: ({ options = {}, env = {}, processEnv }) => {
    if (processEnv) Object.assign(process.env, processEnv);
    telemetry = startTelemetry(
      { ...options, logs: { format: 'json', ...options.logs, stream: logStream } },
      processEnv ? process.env : env,
    );
    return { config: telemetry.config };
  },
  spans: async ({ specs }) => {
    const out = [];
    for (const spec of specs) out.push(await runSpan(spec));
    return out;
  },
  roots: ({ count }) => {
    let sampled = 0;
    for (let i = 0; i < count; i++) {
      const span = telemetry.tracer.startSpan('root');
      if (span.spanContext().traceFlags & 1) sampled += 1;
      span.end();
    }
    return { sampled };
  },
  burst,
  stats: () => {
    const m = process.memoryUsage();
    return { dropped: telemetry.droppedSpans(), rss: m.rss, heapUsed: m.heapUsed, pid: process.pid };
  },
  gc: () => {
    globalThis.gc?.();
    return {};
  },
  logs: () => logLines,
  log: ({ level = 'info', message, fields = {} }) => {
    telemetry.logger.log(level, message, fields);
    return {};
  },
  unhandled: () => unhandled,
  shutdown: async () => {
    const start = performance.now();
    await telemetry.shutdown();
    return { elapsedMs: performance.now() - start };
  },
  exit: () => setImmediate(() => process.exit(0)),
};

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const { id, cmd, args } = JSON.parse(line);
  try {
    const result = await commands[cmd](args ?? {});
    process.stdout.write(`${JSON.stringify({ id, result: result ?? null })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, error: String(error?.stack ?? error) })}\n`);
  }
});
lines.on('close', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
