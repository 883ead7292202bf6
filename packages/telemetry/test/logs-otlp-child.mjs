#!/usr/bin/env node
// One-shot "service" for the OTLP logs test: runs the BUILT package (the OTLP/HTTP exporter loads node:http
// with a dynamic import that jest's VM sandbox refuses), logs inside a span, shuts down and prints one JSON
// line with what it did.  Usage: node logs-otlp-child.mjs <logsUrl|env> <count> <timeoutMs>
import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { startTelemetry } from '../dist/index.js';

const [url, count = '1', timeoutMs = '2000'] = process.argv.slice(2);
const lines = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
    done();
  },
});

const telemetry = startTelemetry({
  serviceName: 'otlp-logs-child',
  environment: 'development',
  metrics: { enabled: false },
  traces: { exporter: 'none', timeoutMs: Number(timeoutMs) },
  // url "env": the logs exporter and endpoint come from OTEL_LOGS_EXPORTER / OTEL_EXPORTER_OTLP_* only.
  logs: {
    ...(url === 'env' ? {} : { exporter: 'otlp', endpoint: url }),
    format: 'json',
    level: 'info',
    stream,
  },
});

const span = telemetry.tracer.startSpan('checkout');
const started = performance.now();
context.with(trace.setSpan(context.active(), span), () =>
  telemetry.withLogContext({ request_id: 'req-otlp' }, () => {
    for (let i = 0; i < Number(count); i++) {
      telemetry.logger.warn('paid by dave@example.com', { password: 'hunter2', amount: 12, i });
    }
  }),
);
const logMs = performance.now() - started;
span.end();
const shutdownStarted = performance.now();
await telemetry.shutdown();
const shutdownMs = performance.now() - shutdownStarted;
const { traceId, spanId } = span.spanContext();
process.stdout.write(
  `${JSON.stringify({ traceId, spanId, logMs, shutdownMs, lines: lines.filter((l) => l.message.startsWith('paid')) })}\n`,
);
