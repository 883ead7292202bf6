// Every series name the dashboards query. The service's names come from @fasttodo/todo-domain (the same constants
// the examples define their instruments with); the runtime and SDK self-metrics are those @fasttodo/telemetry
// renders on /metrics (read from a running app: `curl -s http://127.0.0.1:<port>/metrics`).
import { AI_BREAKER_NAME, AI_CACHE_NAME, BUSINESS_METRICS, SDK_METRICS } from '@fasttodo/todo-domain';

export { AI_BREAKER_NAME, AI_CACHE_NAME, BUSINESS_METRICS, SDK_METRICS };

/** Runtime metrics of `metrics.runtimeMetrics` (instrumentation-runtime-node plus process CPU and memory). */
export const RUNTIME_METRICS = Object.freeze({
  cpuTime: 'process_cpu_time_seconds_total',
  memoryUsage: 'process_memory_usage_bytes',
  heapUsed: 'v8js_memory_heap_used_bytes',
  heapLimit: 'v8js_memory_heap_space_size_bytes',
  eventLoopDelayP50: 'nodejs_eventloop_delay_p50_seconds',
  eventLoopDelayP99: 'nodejs_eventloop_delay_p99_seconds',
  eventLoopDelayMax: 'nodejs_eventloop_delay_max_seconds',
  eventLoopUtilization: 'nodejs_eventloop_utilization_ratio',
  gcDuration: 'v8js_gc_duration_seconds',
});

/** Self-metrics of the SDK. */
export const TELEMETRY_METRICS = Object.freeze({
  droppedSpans: 'fasttodo_telemetry_spans_dropped_total',
});

/** Recording rules of deploy/prometheus/rules (the SLO ratios). */
export const RECORDED = Object.freeze({
  errorRatio1h: 'fasttodo:slo_errors:ratio_rate1h',
  slowRatio1h: 'fasttodo:slo_slow_requests:ratio_rate1h',
});

/** The availability and latency SLO targets the burn-rate alerts use. */
export const SLO = Object.freeze({ availability: 0.999, latency: 0.99, latencyThresholdSeconds: 1 });
