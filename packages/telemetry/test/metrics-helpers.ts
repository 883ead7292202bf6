import { spawn } from 'node:child_process';
import type { Redactor } from '@fasttodo/redact';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createMetrics } from '../src/metrics/setup';
import type { Metrics, MetricsConfig } from '../src/metrics/types';

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
  overrides: Partial<MetricsConfig> = {},
  redactor?: Redactor,
): {
  metrics: Metrics;
  warnings: { message: string; fields?: object }[];
} {
  const warnings: { message: string; fields?: object }[] = [];
  const config: MetricsConfig = { enabled: true, seriesLimit: 2000, runtimeMetrics: false, ...overrides };
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'metrics-test' });
  const warn = (message: string, fields?: object) => {
    warnings.push({ message, fields });
  };
  const metrics = createMetrics(config, resource, warn, redactor);
  return { metrics, warnings };
}
