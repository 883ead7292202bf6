import { defineCacheMetrics } from '../src/metrics/cache-metrics';
import { CIRCUIT_STATE_VALUES, defineCircuitBreakerMetrics } from '../src/metrics/circuit-breaker-metrics';
import { LONG_LATENCY_BUCKETS } from '../src/metrics/buckets';
import { defineLlmMetrics } from '../src/metrics/llm-metrics';
import { families, promtoolCheck, samples, testMetrics } from './metrics-helpers';

const SCOPE = 'otel_scope_name="@fasttodo/telemetry"';
const { metrics } = testMetrics();
afterAll(() => metrics.shutdown());

test('cache set: hits, misses and evictions counters by cache name', async () => {
  const cache = defineCacheMetrics(metrics, { namespace: 'todo' });
  cache.hit('todos');
  cache.hit('todos', 2);
  cache.miss('todos');
  cache.eviction('sessions');
  const text = await metrics.metricsText();
  expect(samples(text, 'todo_cache_hits_total')).toEqual([`todo_cache_hits_total{cache="todos",${SCOPE}} 3`]);
  expect(samples(text, 'todo_cache_misses_total')).toEqual([
    `todo_cache_misses_total{cache="todos",${SCOPE}} 1`,
  ]);
  expect(samples(text, 'todo_cache_evictions_total')).toEqual([
    `todo_cache_evictions_total{cache="sessions",${SCOPE}} 1`,
  ]);
  expect(defineCacheMetrics(metrics, { namespace: 'todo' }).hits).toBe(cache.hits);
});

test('circuit breaker set: state gauge 0/1/2 and transitions counted on change only', async () => {
  const breakers = defineCircuitBreakerMetrics(metrics, { namespace: 'todo' });
  expect(CIRCUIT_STATE_VALUES).toEqual({ closed: 0, half_open: 1, open: 2 });
  breakers.setState('payments', 'closed');
  breakers.setState('payments', 'open');
  breakers.setState('payments', 'open');
  breakers.setState('payments', 'half-open');
  breakers.setState('search', 'closed');
  breakers.setState('search', 'bogus' as never);
  let text = await metrics.metricsText();
  expect(families(text).get('todo_circuit_breaker_state')).toBe('gauge');
  expect(samples(text, 'todo_circuit_breaker_state')).toEqual([
    `todo_circuit_breaker_state{breaker="payments",${SCOPE}} 1`,
    `todo_circuit_breaker_state{breaker="search",${SCOPE}} 0`,
  ]);
  expect(samples(text, 'todo_circuit_breaker_transitions_total')).toEqual([
    `todo_circuit_breaker_transitions_total{breaker="payments",from="closed",to="open",${SCOPE}} 1`,
    `todo_circuit_breaker_transitions_total{breaker="payments",from="open",to="half_open",${SCOPE}} 1`,
  ]);
  breakers.setState('payments', 'closed');
  text = await metrics.metricsText();
  expect(samples(text, 'todo_circuit_breaker_state')[0]).toBe(
    `todo_circuit_breaker_state{breaker="payments",${SCOPE}} 0`,
  );
});

test('LLM set: requests by status, tokens by type, long-bucket latency, errors by type', async () => {
  const llm = defineLlmMetrics(metrics, { namespace: 'todo' });
  const model = { provider: 'openai', model: 'gpt-4o-mini' };
  llm.record({ ...model, status: 'success', durationSeconds: 95, inputTokens: 900, outputTokens: 250 });
  llm.record({ ...model, status: 'error', durationSeconds: 30, errorType: 'timeout' });
  llm.record({ ...model, status: 'success', inputTokens: 100, outputTokens: 50 });
  expect(() => llm.record(null as never)).not.toThrow();
  const text = await metrics.metricsText();
  const labels = 'provider="openai",model="gpt-4o-mini"';
  expect(samples(text, 'todo_llm_requests_total')).toEqual([
    `todo_llm_requests_total{${labels},status="success",${SCOPE}} 2`,
    `todo_llm_requests_total{${labels},status="error",${SCOPE}} 1`,
  ]);
  expect(samples(text, 'todo_llm_tokens_total')).toEqual([
    `todo_llm_tokens_total{${labels},type="input",${SCOPE}} 1000`,
    `todo_llm_tokens_total{${labels},type="output",${SCOPE}} 300`,
  ]);
  expect(samples(text, 'todo_llm_errors_total')).toEqual([
    `todo_llm_errors_total{${labels},error_type="timeout",${SCOPE}} 1`,
  ]);
  const buckets = samples(text, 'todo_llm_request_duration_seconds_bucket').map(
    (l) => /le="([^"]+)"/.exec(l)?.[1],
  );
  expect(buckets).toEqual([...LONG_LATENCY_BUCKETS.map(String), '+Inf']);
  expect(samples(text, 'todo_llm_request_duration_seconds_count')).toEqual([
    `todo_llm_request_duration_seconds_count{${labels},${SCOPE}} 2`,
  ]);
  expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
});

test('a set with an invalid namespace throws MetricDefinitionError at definition time', () => {
  expect(() => defineLlmMetrics(metrics, { namespace: 'Todo App' })).toThrow(
    expect.objectContaining({ code: 'FASTTODO_TELEMETRY_INVALID_METRIC' }),
  );
});

test('metrics.longBuckets reaches the LLM set (and any histogram with buckets: "long")', async () => {
  const custom = testMetrics({ longBuckets: [1, 10, 100] });
  try {
    const llm = defineLlmMetrics(custom.metrics, { namespace: 'long' });
    llm.record({ provider: 'local', model: 'm', status: 'success', durationSeconds: 5 });
    const mine = custom.metrics.defineHistogram({
      namespace: 'long',
      name: 'batch_duration',
      unit: 'seconds',
      help: 'Batch.',
      buckets: 'long',
    });
    mine.observe(50);
    const text = await custom.metrics.metricsText();
    for (const name of ['long_llm_request_duration_seconds', 'long_batch_duration_seconds']) {
      const bounds = samples(text, `${name}_bucket`).map((l) => /le="([^"]+)"/.exec(l)?.[1]);
      expect([name, bounds]).toEqual([name, ['1', '10', '100', '+Inf']]);
    }
  } finally {
    await custom.metrics.shutdown();
  }
});

test.each([
  ['defineCacheMetrics', () => defineCacheMetrics(metrics, { namespace: 'todo', subsytem: 'x' } as never)],
  [
    'defineCircuitBreakerMetrics',
    () => defineCircuitBreakerMetrics(metrics, { namespace: 'todo', name: 'x' } as never),
  ],
  ['defineLlmMetrics', () => defineLlmMetrics(metrics, { namespace: 'todo', bucket: [1] } as never)],
])('%s rejects unknown option keys with MetricDefinitionError', (set, define) => {
  expect(define).toThrow(expect.objectContaining({ code: 'FASTTODO_TELEMETRY_INVALID_METRIC' }));
  expect(define).toThrow(new RegExp(`metric "${set}" is invalid: unknown key`));
});
