import { spawn } from 'node:child_process';
import type { Redactor } from '@fasttodo/redact';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createMetrics } from '../src/metrics/setup';
import type { ResolvedMetrics } from '../src/config/types';
import type { Metrics } from '../src/metrics/types';

/** Result of `promtool check metrics` on some exposition text. */
export interface PromtoolResult {
  code: number | null;
  output: string;
}

/** Pipes `text` into `promtool check metrics`; rejects with a clear message when promtool is missing. */
export function promtoolCheck(text: string): Promise<PromtoolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => {
      reject(new Error(`promtool is required (Debian package "prometheus"): ${error.message}`));
    });
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(text);
  });
}

/** Sample lines of one metric family member (exact name, with or without labels). */
export function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

/** Metric families (`# TYPE` lines) as name → type. */
export function families(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (match?.[1] && match[2]) out.set(match[1], match[2]);
  }
  return out;
}

/** A metrics pipeline for tests, with its warnings collected. */
export function testMetrics(
  overrides: Partial<ResolvedMetrics> = {},
  redactor?: Redactor,
): {
  metrics: Metrics;
  warnings: { message: string; fields?: object }[];
} {
  const warnings: { message: string; fields?: object }[] = [];
  const config: ResolvedMetrics = { enabled: true, seriesLimit: 2000, runtimeMetrics: false, ...overrides };
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'metrics-test' });
  const warn = (message: string, fields?: object) => {
    warnings.push({ message, fields });
  };
  const metrics = createMetrics(config, resource, warn, redactor);
  return { metrics, warnings };
}

/** A secret planted in metric labels and the fragment that must never appear in any output. */
export interface PlantedSecret {
  value: string;
  probe: string;
}

/** Secrets of several kinds, two of them straddling the 128-character label cut. */
export const PLANTED_SECRETS: readonly PlantedSecret[] = [
  { value: 'jane.doe.planted@example.org', probe: 'jane.doe.planted' },
  { value: 'Authorization: Bearer plantedTokenAbc123def456ghi789', probe: 'plantedTokenAbc' },
  { value: 'password=PlantedHunter2!', probe: 'PlantedHunter' },
  { value: 'card 4012 8888 8888 1881', probe: '4012 8888' },
  {
    value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlcGxhbnRlZA',
    probe: 'eyJzdWIiOiJwbGFudGVkIn0',
  },
  { value: 'https://u:pw@h.example/cb?token=plantedQueryTok', probe: 'plantedQueryTok' },
  { value: `${'x'.repeat(110)} jane.straddle@example.org`, probe: 'jane.straddle' },
  { value: `${'y'.repeat(112)} card 4111 1111 1111 1111`, probe: '4111 1111' },
];

/** Probes of {@link PLANTED_SECRETS} (and forbidden attribute keys) found in `output`. */
export function leakedProbes(output: string): string[] {
  const probes = [...PLANTED_SECRETS.map((s) => s.probe), 'planted_key_value'];
  return probes.filter((probe) => output.includes(probe));
}

/**
 * Records every planted secret through every synchronous metric path: business counter, histogram and
 * gauge labels, the three ready-made sets, instruments made on `metrics.meter`, and an instrumentation's
 * meter from `metrics.meterProvider` (with a forbidden attribute key too).
 */
export function recordPlantedSecrets(
  metrics: Metrics,
  sets: {
    cache: { hit(cache: string): void };
    breakers: { setState(breaker: string, state: 'open'): void };
    llm: { record(call: { provider: string; model: string; status: string; errorType?: string }): void };
  },
): void {
  const labelNames = ['kind'] as const;
  const counter = metrics.defineCounter({ namespace: 'leak', name: 'events', help: 'Events.', labelNames });
  const histogram = metrics.defineHistogram({ namespace: 'leak', name: 'size', help: 'Size.', labelNames });
  const gauge = metrics.defineGauge({ namespace: 'leak', name: 'level', help: 'Level.', labelNames });
  const direct = metrics.meter.createCounter('leak.direct', { description: 'Direct.' });
  const directHistogram = metrics.meter.createHistogram('leak.direct.size', { description: 'Direct size.' });
  const directUpDown = metrics.meter.createUpDownCounter('leak.direct.open', { description: 'Direct open.' });
  const directGauge = metrics.meter.createGauge('leak.direct.level', { description: 'Direct level.' });
  const instrumented = metrics.meterProvider
    .getMeter('some-instrumentation', '1.0.0')
    .createCounter('leak.instrumented', { description: 'Instrumented.' });
  for (const { value } of PLANTED_SECRETS) {
    counter.inc(1, { kind: value });
    histogram.observe(1, { kind: value });
    gauge.set(1, { kind: value });
    sets.cache.hit(value);
    sets.breakers.setState(value, 'open');
    sets.llm.record({ provider: value, model: value, status: value, errorType: value });
    const attributes = { kind: value, 'user.email': 'planted_key_value', auth_token: 'planted_key_value' };
    direct.add(1, attributes);
    directHistogram.record(1, attributes);
    directUpDown.add(1, attributes);
    directGauge.record(1, attributes);
    instrumented.add(1, { 'http.route': value, 'session.id': 'planted_key_value' });
  }
}
