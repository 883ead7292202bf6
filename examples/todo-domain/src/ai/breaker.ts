import CircuitBreaker from 'opossum';
import type { BreakerConfig } from '../config';
import { AI_BREAKER_NAME } from '../metric-names';
import type { FastTodoMetrics } from '../metrics';
import type { Completion } from './simulated-llm';

/**
 * The opossum circuit breaker around the AI upstream, its state mirrored into
 * `fasttodo_circuit_breaker_state{breaker="ai"}` and its transitions counted.
 */
export function createAiBreaker(
  upstream: (prompt: string) => Promise<Completion>,
  config: BreakerConfig,
  metrics: FastTodoMetrics,
): CircuitBreaker<[string], Completion> {
  const breaker = new CircuitBreaker(upstream, {
    name: AI_BREAKER_NAME,
    timeout: config.timeoutMs,
    volumeThreshold: config.volumeThreshold,
    errorThresholdPercentage: config.errorThresholdPercentage,
    resetTimeout: config.resetTimeoutMs,
  });
  metrics.breaker.setState(AI_BREAKER_NAME, 'closed');
  breaker.on('open', () => metrics.breaker.setState(AI_BREAKER_NAME, 'open'));
  breaker.on('halfOpen', () => metrics.breaker.setState(AI_BREAKER_NAME, 'half_open'));
  breaker.on('close', () => metrics.breaker.setState(AI_BREAKER_NAME, 'closed'));
  return breaker;
}

/** The cause of a failed upstream call as an `error_type` label value. */
export function aiErrorType(error: unknown): 'breaker_open' | 'timeout' | 'upstream' {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EOPENBREAKER') return 'breaker_open';
  if (code === 'ETIMEDOUT') return 'timeout';
  return 'upstream';
}
