import { rejectUnknownDefinitionKeys } from './known-keys';
import type { BoundedCounter, BoundedHistogram, MetricDefiner } from './types';

/** Options of {@link defineLlmMetrics}. */
export interface LlmMetricsOptions {
  namespace: string;
  /** Middle segment; default `llm`. */
  subsystem?: string;
  /** Latency buckets in seconds; default `metrics.longBuckets`, itself defaulting to `LONG_LATENCY_BUCKETS` (100 ms … 5 min). */
  buckets?: readonly number[];
}

/** One finished model call. */
export interface LlmCall {
  /** e.g. `openai`, `anthropic`, `local`. */
  provider: string;
  /** Model name as configured in code (bounded), e.g. `gpt-4o-mini`. */
  model: string;
  /** `success`, `error`, `timeout`, `rate_limited`, ... */
  status: string;
  durationSeconds?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Error class for failed calls, e.g. `rate_limit`, `timeout`, `invalid_request`. */
  errorType?: string;
}

type ModelLabels = 'provider' | 'model';

/** LLM call metrics: requests by status, tokens by direction, latency with long buckets, errors by type. */
export interface LlmMetrics {
  /** Records every metric of one call; missing numbers are skipped. */
  record(call: LlmCall): void;
  readonly requests: BoundedCounter<ModelLabels | 'status'>;
  readonly tokens: BoundedCounter<ModelLabels | 'type'>;
  readonly duration: BoundedHistogram<ModelLabels>;
  readonly errors: BoundedCounter<ModelLabels | 'error_type'>;
}

/**
 * Defines `<ns>_llm_requests_total{provider,model,status}`, `<ns>_llm_tokens_total{provider,model,type}`
 * (type `input`/`output`), `<ns>_llm_request_duration_seconds{provider,model}` and
 * `<ns>_llm_errors_total{provider,model,error_type}`.
 * @example
 * const llm = defineLlmMetrics(telemetry, { namespace: 'fasttodo' });
 * llm.record({ provider: 'openai', model: 'gpt-4o-mini', status: 'success', durationSeconds: 12.5, inputTokens: 900, outputTokens: 250 });
 */
export function defineLlmMetrics(definer: MetricDefiner, options: LlmMetricsOptions): LlmMetrics {
  rejectUnknownDefinitionKeys('defineLlmMetrics', options, ['namespace', 'subsystem', 'buckets']);
  const base = { namespace: options.namespace, subsystem: options.subsystem ?? 'llm' };
  const requests = definer.defineCounter({
    ...base,
    name: 'requests',
    help: 'LLM calls by outcome.',
    labelNames: ['provider', 'model', 'status'],
  });
  const tokens = definer.defineCounter({
    ...base,
    name: 'tokens',
    help: 'LLM tokens consumed, by direction (input or output).',
    labelNames: ['provider', 'model', 'type'],
  });
  const duration = definer.defineHistogram({
    ...base,
    name: 'request_duration',
    unit: 'seconds',
    help: 'LLM call latency.',
    labelNames: ['provider', 'model'],
    buckets: options.buckets ?? 'long',
  });
  const errors = definer.defineCounter({
    ...base,
    name: 'errors',
    help: 'Failed LLM calls by error type.',
    labelNames: ['provider', 'model', 'error_type'],
  });
  return {
    requests,
    tokens,
    duration,
    errors,
    record(call) {
      if (typeof call !== 'object' || call === null) return;
      try {
        const { provider, model, status, inputTokens, outputTokens, durationSeconds, errorType } = call;
        const labels = { provider, model };
        requests.inc(1, { ...labels, status });
        if (inputTokens !== undefined) tokens.inc(inputTokens, { ...labels, type: 'input' });
        if (outputTokens !== undefined) tokens.inc(outputTokens, { ...labels, type: 'output' });
        if (durationSeconds !== undefined) duration.observe(durationSeconds, labels);
        if (errorType !== undefined) errors.inc(1, { ...labels, error_type: errorType });
      } catch {
        // A hostile call object (throwing getters) loses its metrics, never the caller's request.
      }
    },
  };
}
