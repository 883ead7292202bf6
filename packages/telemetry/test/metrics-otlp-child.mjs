#!/usr/bin/env node
// One-shot "service" for the OTLP metrics tests: runs the BUILT package (the OTLP/HTTP exporter loads node:http
// with a dynamic import that jest's VM sandbox refuses). Configured by OTEL_* variables plus one JSON argument
// { values, options, distinctKeys, waitMs }; records every value through every metric path, waits, shuts down
// and prints one JSON line { metricsText, warnings, shutdownMs }.
import { Writable } from 'node:stream';
import {
  defineCacheMetrics,
  defineCircuitBreakerMetrics,
  defineLlmMetrics,
  startTelemetry,
} from '../dist/index.js';

const { values = [], options = {}, distinctKeys = 0, waitMs = 0 } = JSON.parse(process.argv[2] ?? '{}');
const lines = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
    done();
  },
});

const telemetry = startTelemetry({
  serviceName: 'otlp-metrics-child',
  environment: 'test',
  traces: { exporter: 'none' },
  logs: { format: 'json', level: 'warn', stream },
  ...options,
  metrics: { runtimeMetrics: false, ...options.metrics },
});

const labelNames = ['kind'];
const counter = telemetry.defineCounter({ namespace: 'leak', name: 'events', help: 'Events.', labelNames });
const histogram = telemetry.defineHistogram({ namespace: 'leak', name: 'size', help: 'Size.', labelNames });
const gauge = telemetry.defineGauge({ namespace: 'leak', name: 'level', help: 'Level.', labelNames });
const cache = defineCacheMetrics(telemetry, { namespace: 'leak' });
const breakers = defineCircuitBreakerMetrics(telemetry, { namespace: 'leak' });
const llm = defineLlmMetrics(telemetry, { namespace: 'leak' });
const direct = telemetry.meter.createCounter('leak.direct', { description: 'Direct.' });
const directHistogram = telemetry.meter.createHistogram('leak.direct.size', { description: 'Direct size.' });
counter.inc();
for (const value of values) {
  counter.inc(1, { kind: value });
  histogram.observe(1, { kind: value });
  gauge.set(1, { kind: value });
  cache.hit(value);
  breakers.setState(value, 'open');
  llm.record({ provider: value, model: value, status: value, errorType: value });
  const attributes = { kind: value, 'user.email': 'planted_key_value', auth_token: 'planted_key_value' };
  direct.add(1, attributes);
  directHistogram.record(1, attributes);
}
const capped = telemetry.meter.createCounter('capped.pushed');
for (let i = 0; i < distinctKeys; i++) capped.add(1, { key: `k${i}` });

await new Promise((resolve) => setTimeout(resolve, waitMs));
const metricsText = await telemetry.metricsText();
const shutdownStarted = performance.now();
await telemetry.shutdown();
const shutdownMs = performance.now() - shutdownStarted;
const warnings = lines.filter((l) => l.level === 'warn').map((l) => l.message);
process.stdout.write(`${JSON.stringify({ metricsText, warnings, shutdownMs })}\n`);
