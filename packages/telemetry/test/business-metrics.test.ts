import { createRedactor } from '@fasttodo/redact';
import { MetricDefinitionError } from '../src/errors';
import { FORBIDDEN_LABEL_NAMES } from '../src/metrics/forbidden-labels';
import { MAX_LABEL_VALUE_LENGTH } from '../src/metrics/labels';
import type { MetricDefinition } from '../src/metrics/types';
import { families, promtoolCheck, samples, testMetrics } from './metrics-helpers';

const { metrics, warnings } = testMetrics();
afterAll(() => metrics.shutdown());

function definitionError(fn: () => unknown): MetricDefinitionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MetricDefinitionError) return error;
    throw error;
  }
  throw new Error('expected a MetricDefinitionError');
}

describe('naming', () => {
  test('names are <namespace>_<subsystem>_<name>_<unit>, counters end in _total', async () => {
    const counter = metrics.defineCounter({
      namespace: 'shop',
      subsystem: 'orders',
      name: 'placed',
      help: 'Orders.',
    });
    const bytes = metrics.defineCounter({
      namespace: 'shop',
      name: 'upload',
      unit: 'bytes',
      help: 'Uploaded.',
    });
    const histogram = metrics.defineHistogram({
      namespace: 'shop',
      subsystem: 'checkout',
      name: 'duration',
      unit: 'seconds',
      help: 'Checkout latency.',
    });
    const gauge = metrics.defineGauge({
      namespace: 'shop',
      name: 'queue_fill',
      unit: 'ratio',
      help: 'Fill.',
    });
    expect([counter.name, bytes.name, histogram.name, gauge.name]).toEqual([
      'shop_orders_placed_total',
      'shop_upload_bytes_total',
      'shop_checkout_duration_seconds',
      'shop_queue_fill_ratio',
    ]);
    counter.inc();
    bytes.inc(2048);
    histogram.observe(0.2);
    gauge.set(0.5);
    const text = await metrics.metricsText();
    const types = families(text);
    expect(types.get('shop_orders_placed_total')).toBe('counter');
    expect(types.get('shop_upload_bytes_total')).toBe('counter');
    expect(types.get('shop_checkout_duration_seconds')).toBe('histogram');
    expect(types.get('shop_queue_fill_ratio')).toBe('gauge');
    expect(text).toContain('# HELP shop_orders_placed_total Orders.');
    expect(samples(text, 'shop_checkout_duration_seconds_bucket')[0]).toContain('le="0.005"');
    expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
  });

  test.each<[string, Partial<MetricDefinition> & Record<string, unknown>, string]>([
    ['camelCase name', { name: 'placedOrders' }, 'snake_case'],
    ['dash in namespace', { namespace: 'my-shop' }, 'snake_case'],
    ['leading digit', { name: '1st' }, 'snake_case'],
    ['double underscore', { name: 'a__b' }, 'snake_case'],
    ['_total in the name', { name: 'orders_total' }, '"_total" appended'],
    ['unit in the name', { name: 'latency_seconds' }, 'set unit: "seconds"'],
    ['milliseconds', { name: 'latency', unit: 'milliseconds' as never }, 'use unit "seconds"'],
    ['unknown unit', { name: 'latency', unit: 'parsecs' as never }, 'is not one of'],
    ['empty help', { help: ' ' }, 'help must be a non-empty string'],
    ['missing namespace', { namespace: undefined }, 'namespace'],
  ])('%s is rejected with an explanation', (_, override, reason) => {
    const def = { namespace: 'shop', name: 'orders', help: 'Orders.', ...override } as MetricDefinition;
    const error = definitionError(() => metrics.defineCounter(def));
    expect(error.code).toBe('FASTTODO_TELEMETRY_INVALID_METRIC');
    expect(error.message).toContain(reason);
  });

  test('redefining with the same definition returns the same metric; a different one throws', () => {
    const def = { namespace: 'shop', name: 'refunds', help: 'Refunds.', labelNames: ['reason'] } as const;
    expect(metrics.defineCounter(def)).toBe(metrics.defineCounter(def));
    expect(() => metrics.defineCounter({ ...def, help: 'Other.' })).toThrow('one name must mean one thing');
    expect(() => metrics.defineGauge({ ...def, name: 'refunds' })).toThrow(MetricDefinitionError);
  });

  test('histogram buckets must be strictly increasing finite numbers', () => {
    const def = { namespace: 'shop', name: 'size', help: 'Size.', unit: 'bytes' as const };
    expect(() => metrics.defineHistogram({ ...def, buckets: [10, 5] })).toThrow('strictly increasing');
    expect(() => metrics.defineHistogram({ ...def, buckets: [] })).toThrow('strictly increasing');
    expect(() => metrics.defineHistogram({ ...def, buckets: [1, Number.POSITIVE_INFINITY] })).toThrow(
      'finite',
    );
  });
});

describe('label names', () => {
  test.each([
    'user_id',
    'userId',
    'USER-ID',
    'session_id',
    'request_id',
    'trace_id',
    'span_id',
    'email',
    'path',
    'url',
    'uri',
    'ip',
    'ip_address',
    'client_ip',
    'user_agent',
  ])('%s is rejected as unbounded at definition time', (label) => {
    const error = definitionError(() =>
      metrics.defineCounter({ namespace: 'shop', name: 'visits', help: 'Visits.', labelNames: [label] }),
    );
    expect(error.message).toMatch(
      /is forbidden: it names "[a-z0-9]+" \(.+\); put it in log fields or span attributes instead/,
    );
    expect(error.metric).toBe('shop_visits');
  });

  test('the user_id message explains the cardinality problem', () => {
    expect(() =>
      metrics.defineCounter({ namespace: 'shop', name: 'visits', help: 'Visits.', labelNames: ['user_id'] }),
    ).toThrow('label "user_id" is forbidden: it names "userid" (one series per user or customer');
  });

  test('reserved, duplicate, malformed and too many labels are rejected', () => {
    const def = { namespace: 'shop', name: 'visits', help: 'Visits.' };
    expect(() => metrics.defineHistogram({ ...def, labelNames: ['le'] })).toThrow('reserved');
    expect(() => metrics.defineCounter({ ...def, labelNames: ['a', 'a'] })).toThrow('declared twice');
    expect(() => metrics.defineCounter({ ...def, labelNames: ['Bad Label'] })).toThrow('snake_case');
    expect(() => metrics.defineCounter({ ...def, labelNames: ['__name__'] })).toThrow('snake_case');
    const many = Array.from({ length: 11 }, (_, i) => `l${i}`);
    expect(() => metrics.defineCounter({ ...def, labelNames: many })).toThrow('at most 10 labels');
  });

  test('the forbidden list is normalised (lower case, no separators)', () => {
    for (const name of FORBIDDEN_LABEL_NAMES) expect(name).toMatch(/^[a-z0-9]+$/);
    expect(FORBIDDEN_LABEL_NAMES).toEqual(
      expect.arrayContaining(['userid', 'session', 'email', 'ipaddress', 'token', 'url']),
    );
  });
});

describe('recording', () => {
  const counter = metrics.defineCounter({
    namespace: 'rec',
    name: 'events',
    help: 'Events.',
    labelNames: ['kind', 'region'],
  });

  test('label values are cut to 128 characters and control characters are escaped', async () => {
    counter.inc(1, { kind: 'x'.repeat(1000), region: 'eu\nwest\u001b[31m' });
    const text = await metrics.metricsText();
    const line = samples(text, 'rec_events_total').find((l) => l.includes('xxxx')) ?? '';
    const kind = /kind="([^"]*)"/.exec(line)?.[1] ?? '';
    expect(kind).toBe('x'.repeat(MAX_LABEL_VALUE_LENGTH));
    expect(line).toContain('region="eu\\\\nwest\\\\u001b[31m"');
    expect(line).not.toContain('\u001b');
    expect((await promtoolCheck(text)).code).toBe(0);
  });

  test('label values pass through the redactor when one is given', async () => {
    const redacted = testMetrics({}, createRedactor());
    try {
      const signups = redacted.metrics.defineCounter({
        namespace: 'rec',
        name: 'signups',
        help: 'Signups.',
        labelNames: ['source'],
      });
      signups.inc(1, { source: 'invite from eve@example.com' });
      const text = await redacted.metrics.metricsText();
      expect(text).not.toContain('eve@example.com');
      expect(samples(text, 'rec_signups_total')[0]).toContain('source="invite from [REDACTED]"');
    } finally {
      await redacted.metrics.shutdown();
    }
  });

  test('undeclared labels are dropped and warned about once; the value is still counted', async () => {
    counter.inc(1, { kind: 'a', user_id: 'u-1' } as never);
    counter.inc(1, { kind: 'a', user_id: 'u-2' } as never);
    const text = await metrics.metricsText();
    expect(text).not.toContain('user_id');
    expect(samples(text, 'rec_events_total')).toContain(
      'rec_events_total{kind="a",otel_scope_name="@fasttodo/telemetry"} 2',
    );
    const dropped = warnings.filter((w) => w.message === 'metric label dropped: not declared in labelNames');
    expect(dropped).toEqual([
      {
        message: 'metric label dropped: not declared in labelNames',
        fields: { metric: 'rec_events_total', label: 'user_id' },
      },
    ]);
  });

  test('hostile input never throws: bad values, bad label objects, throwing getters', async () => {
    const hostile = {
      get kind(): string {
        throw new Error('getter');
      },
    };
    const histogram = metrics.defineHistogram({
      namespace: 'rec',
      name: 'size',
      help: 'Size.',
      labelNames: ['kind'],
    });
    const gauge = metrics.defineGauge({
      namespace: 'rec',
      name: 'level',
      help: 'Level.',
      labelNames: ['kind'],
    });
    expect(() => {
      counter.inc(1, hostile as never);
      counter.inc(1, { kind: { toString: () => 'obj' } } as never);
      counter.inc(-1, { kind: 'neg' });
      counter.inc(Number.NaN, { kind: 'nan' });
      counter.inc(1, 'not-an-object' as never);
      counter.inc(1, null as never);
      histogram.observe(Number.POSITIVE_INFINITY);
      histogram.observe('12' as never);
      gauge.set(Number.NaN);
      gauge.set(3, { kind: 10n } as never);
    }).not.toThrow();
    const text = await metrics.metricsText();
    expect(text).not.toContain('kind="neg"');
    expect(text).not.toContain('kind="nan"');
    expect(samples(text, 'rec_level')).toEqual(['rec_level{otel_scope_name="@fasttodo/telemetry"} 3']);
    expect(warnings.map((w) => w.message)).toContain('metric recording failed');
  });

  test('one argument order: value first, then labels; the old labels-first order is warned, not recorded', async () => {
    const ordered = metrics.defineCounter({
      namespace: 'rec',
      name: 'ordered',
      help: 'Ordered.',
      labelNames: ['kind'],
    });
    const sized = metrics.defineHistogram({
      namespace: 'rec',
      name: 'sized',
      help: 'Sized.',
      labelNames: ['kind'],
    });
    const levelled = metrics.defineGauge({
      namespace: 'rec',
      name: 'levelled',
      help: 'L.',
      labelNames: ['kind'],
    });
    ordered.inc();
    ordered.inc(2, { kind: 'a' });
    ordered.inc({ kind: 'old' } as never);
    ordered.inc({ kind: 'old' } as never, 5 as never);
    sized.observe(3, { kind: 'a' });
    sized.observe({ kind: 'old' } as never);
    levelled.set(7, { kind: 'a' });
    const text = await metrics.metricsText();
    const scope = 'otel_scope_name="@fasttodo/telemetry"';
    expect(samples(text, 'rec_ordered_total')).toEqual([
      `rec_ordered_total{${scope}} 1`,
      `rec_ordered_total{kind="a",${scope}} 2`,
    ]);
    expect(samples(text, 'rec_sized_count')).toEqual([`rec_sized_count{kind="a",${scope}} 1`]);
    expect(samples(text, 'rec_levelled')).toEqual([`rec_levelled{kind="a",${scope}} 7`]);
    const order = warnings.filter((w) => w.message.includes('the value comes first'));
    expect(order.map((w) => (w.fields as { metric: string }).metric)).toEqual([
      'rec_ordered_total',
      'rec_sized',
    ]);
  });

  test('startTimer records elapsed seconds with merged labels', async () => {
    const histogram = metrics.defineHistogram({
      namespace: 'rec',
      name: 'task_duration',
      unit: 'seconds',
      help: 'Task duration.',
      labelNames: ['task', 'outcome'],
    });
    const end = histogram.startTimer({ task: 'sync' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = end({ outcome: 'ok' });
    expect(seconds).toBeGreaterThanOrEqual(0.04);
    const text = await metrics.metricsText();
    expect(samples(text, 'rec_task_duration_seconds_count')).toEqual([
      'rec_task_duration_seconds_count{task="sync",outcome="ok",otel_scope_name="@fasttodo/telemetry"} 1',
    ]);
  });
});
