import { createRedactor } from '@fasttodo/redact';
import fc from 'fast-check';
import { defineCacheMetrics } from '../src/metrics/cache-metrics';
import { defineCircuitBreakerMetrics } from '../src/metrics/circuit-breaker-metrics';
import { createLabelBounder, MAX_LABEL_VALUE_LENGTH } from '../src/metrics/labels';
import { defineLlmMetrics } from '../src/metrics/llm-metrics';
import type { Metrics } from '../src/metrics/types';
import { leakedProbes, promtoolCheck, recordPlantedSecrets, samples, testMetrics } from './metrics-helpers';

function recordAll(metrics: Metrics): void {
  recordPlantedSecrets(metrics, {
    cache: defineCacheMetrics(metrics, { namespace: 'leak' }),
    breakers: defineCircuitBreakerMetrics(metrics, { namespace: 'leak' }),
    llm: defineLlmMetrics(metrics, { namespace: 'leak' }),
  });
}

describe('planted secrets never reach /metrics', () => {
  test('every metric path: business labels, sets, telemetry.meter, instrumentation meters', async () => {
    const { metrics, warnings } = testMetrics({}, createRedactor());
    try {
      recordAll(metrics);
      const text = await metrics.metricsText();
      expect(leakedProbes(text)).toEqual([]);
      expect(text).toContain('[REDACTED]');
      for (const name of ['leak_direct_total', 'leak_instrumented_total', 'leak_events_total']) {
        expect([name, samples(text, name).length > 0]).toEqual([name, true]);
      }
      // Forbidden attribute keys are dropped (their series collapse), honest ones stay.
      expect(text).not.toMatch(/user_email=|auth_token=|session_id=/);
      expect(samples(text, 'leak_instrumented_total')[0]).toContain('http_route="');
      expect(warnings.map((w) => w.message)).toContain('metric attribute dropped');
      expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
    } finally {
      await metrics.shutdown();
    }
  });

  test('string attributes of telemetry.meter instruments are escaped and cut like business labels', async () => {
    const { metrics } = testMetrics({}, createRedactor());
    try {
      metrics.meter.createCounter('raw.values').add(1, { kind: `eu\nwest\u001b[31m${'z'.repeat(500)}` });
      const text = await metrics.metricsText();
      const kind = /kind="([^"]*)"/.exec(samples(text, 'raw_values_total')[0] ?? '')?.[1] ?? '';
      expect(kind.startsWith('eu\\\\nwest\\\\u001b[31m')).toBe(true);
      expect(kind.replace(/\\\\/g, '\\').length).toBe(MAX_LABEL_VALUE_LENGTH);
      expect(text).not.toContain('\u001b');
    } finally {
      await metrics.shutdown();
    }
  });
});

describe('label values are redacted before they are cut', () => {
  const bounder = createLabelBounder(createRedactor());

  // Secrets whose first characters give them away; placed so that they straddle the 128-character cut.
  const secret = fc.oneof(
    fc
      .tuple(fc.stringMatching(/^[a-z]{6,12}$/), fc.stringMatching(/^[a-z]{3,8}$/))
      .map(([user, host]) => ({ text: `${user}.planted@${host}.example.com`, probe: `${user}.planted` })),
    fc.constantFrom('4111111111111111', '4012888888881881', '5555555555554444').map((card) => ({
      text: card,
      probe: card.slice(0, 8),
    })),
    fc.stringMatching(/^[A-Za-z0-9]{24,40}$/).map((token) => ({
      text: `Bearer planted${token}`,
      probe: `planted${token.slice(0, 4)}`,
    })),
  );

  test('no prefix of a secret straddling the cut survives (fast-check)', () => {
    fc.assert(
      fc.property(secret, fc.integer({ min: 1, max: 20 }), ({ text, probe }, before) => {
        // The secret starts `before` characters ahead of the cut, so a cut-first bounder keeps its start.
        const padding = '-'.repeat(MAX_LABEL_VALUE_LENGTH - before);
        const out = bounder.bound(`${padding} ${text}`);
        expect(out.length).toBeLessThanOrEqual(MAX_LABEL_VALUE_LENGTH);
        expect(out).not.toContain(probe.slice(0, Math.min(probe.length, before)) || probe);
      }),
      { numRuns: 300 },
    );
  });

  test('megabyte label values are bounded in time and size (the redactor scans its own bounded window)', () => {
    const started = Date.now();
    for (const raw of ['a@'.repeat(500_000), '4111 '.repeat(200_000), 'password='.repeat(110_000)]) {
      expect(bounder.bound(raw).length).toBeLessThanOrEqual(MAX_LABEL_VALUE_LENGTH);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
