import {
  defineCacheMetrics,
  defineCircuitBreakerMetrics,
  LONG_LATENCY_BUCKETS,
  type MetricDefiner,
} from '@fasttodo/telemetry';
import type { DbMetrics } from './storage/types';

const namespace = 'fasttodo';

// Todo counts per user: most hold a handful, a few hundreds.
const TODOS_PER_USER_BUCKETS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

// Any other operation word is recorded as `other`, so a query text can never become a label value.
const DB_OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'connect', 'transaction']);

/**
 * Defines every business metric of `BUSINESS_METRICS` (metric-names.ts) on the telemetry; each instrument's
 * Prometheus name is exactly the constant (a test checks `.name` against it).
 */
export function defineFastTodoMetrics(telemetry: MetricDefiner) {
  const counter = <L extends string>(
    subsystem: string | undefined,
    name: string,
    help: string,
    labels: L[],
  ) =>
    telemetry.defineCounter({
      namespace,
      ...(subsystem ? { subsystem } : {}),
      name,
      help,
      labelNames: labels,
    });
  return {
    logins: counter(undefined, 'logins', 'Login attempts by outcome (success, failed).', ['status']),
    registrations: counter(undefined, 'registrations', 'Accounts registered.', []),
    todosCreated: counter('todos', 'created', 'Todos created.', []),
    todosCompleted: counter('todos', 'completed', 'Todos marked completed.', []),
    todosDeleted: counter('todos', 'deleted', 'Todos deleted.', []),
    todosPerUser: telemetry.defineHistogram({
      namespace,
      name: 'todos_per_user',
      help: "The caller's number of todos, observed on each create and delete.",
      buckets: TODOS_PER_USER_BUCKETS,
    }),
    aiRequests: counter('ai', 'requests', 'AI assistant requests by outcome (success, error, rejected).', [
      'status',
    ]),
    aiTokensUsed: counter('ai', 'tokens_used', 'Tokens the AI upstream consumed (input, output).', ['type']),
    aiLatency: telemetry.defineHistogram({
      namespace,
      subsystem: 'ai',
      name: 'latency',
      unit: 'seconds',
      help: 'Time to answer an AI assistant request, cache hits included.',
      buckets: LONG_LATENCY_BUCKETS,
    }),
    aiErrors: counter('ai', 'errors', 'AI assistant failures by cause.', ['error_type']),
    cache: defineCacheMetrics(telemetry, { namespace }),
    breaker: defineCircuitBreakerMetrics(telemetry, { namespace }),
    db: defineDbMetrics(telemetry),
  };
}

/** The instruments {@link defineFastTodoMetrics} returns. */
export type FastTodoMetrics = ReturnType<typeof defineFastTodoMetrics>;

/** `fasttodo_db_query_duration_seconds{operation}` and `fasttodo_db_connections_active` for a storage backend. */
export function defineDbMetrics(telemetry: MetricDefiner): DbMetrics {
  const queryDuration = telemetry.defineHistogram({
    namespace,
    subsystem: 'db',
    name: 'query_duration',
    unit: 'seconds',
    help: 'Database query duration by operation.',
    labelNames: ['operation'],
  });
  const connectionsActive = telemetry.defineGauge({
    namespace,
    subsystem: 'db',
    name: 'connections_active',
    help: 'Database connections checked out of the pool.',
  });
  return {
    observeQuery(operation, seconds) {
      const word = operation.toLowerCase();
      queryDuration.observe(seconds, { operation: DB_OPERATIONS.has(word) ? word : 'other' });
    },
    setActiveConnections(count) {
      connectionsActive.set(count);
    },
  };
}
