/**
 * Prometheus names of every series the FastTodo service emits and the deploy kit queries. The examples
 * define their instruments so that these names come out; the Grafana dashboards and the alert rules build
 * their PromQL from the same constants, so a renamed metric breaks a test instead of a dashboard.
 */

/** Business metrics, with the names fixed by the FastTodo spec. */
export const BUSINESS_METRICS = Object.freeze({
  /** Counter, label `status` (`success` | `failed`). */
  logins: 'fasttodo_logins_total',
  registrations: 'fasttodo_registrations_total',
  todosCreated: 'fasttodo_todos_created_total',
  todosCompleted: 'fasttodo_todos_completed_total',
  todosDeleted: 'fasttodo_todos_deleted_total',
  /** Histogram of the number of todos a user holds, observed on each change. */
  todosPerUser: 'fasttodo_todos_per_user',
  /** Counter, label `status` (`success` | `error` | `rejected`). */
  aiRequests: 'fasttodo_ai_requests_total',
  /** Counter, label `type` (`input` | `output`). */
  aiTokensUsed: 'fasttodo_ai_tokens_used_total',
  /** Histogram in seconds, long buckets. */
  aiLatency: 'fasttodo_ai_latency_seconds',
  /** Counter, label `error_type` (`upstream` | `timeout` | `breaker_open`). */
  aiErrors: 'fasttodo_ai_errors_total',
  /** Gauge. Emitted only when a database is configured (`DATABASE_URL`); the memory storage has no pool. */
  dbConnectionsActive: 'fasttodo_db_connections_active',
  /**
   * Histogram in seconds, label `operation` (`select` | `insert` | `update` | `delete` | `connect` |
   * `transaction` | `other`). Emitted only when a database is configured (`DATABASE_URL`).
   */
  dbQueryDuration: 'fasttodo_db_query_duration_seconds',
  /** From `defineCacheMetrics(telemetry, { namespace: 'fasttodo' })`, label `cache`. */
  cacheHits: 'fasttodo_cache_hits_total',
  cacheMisses: 'fasttodo_cache_misses_total',
  /** From `defineCircuitBreakerMetrics(telemetry, { namespace: 'fasttodo' })`: 0 closed, 1 half-open, 2 open. */
  breakerState: 'fasttodo_circuit_breaker_state',
  breakerTransitions: 'fasttodo_circuit_breaker_transitions_total',
} as const);

/** Series the SDK itself emits (semantic-convention names as the Prometheus exporter renders them). */
export const SDK_METRICS = Object.freeze({
  /** Histogram; labels `http_request_method`, `url_scheme`, `http_route`, `http_response_status_code`, `error_type`. */
  httpServerDuration: 'http_server_request_duration_seconds',
} as const);

/** The circuit breaker's name in `fasttodo_circuit_breaker_state{breaker=...}`. */
export const AI_BREAKER_NAME = 'ai';

/** The cache's name in `fasttodo_cache_hits_total{cache=...}`. */
export const AI_CACHE_NAME = 'ai';
