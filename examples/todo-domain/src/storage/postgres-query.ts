import { performance } from 'node:perf_hooks';
import type { Pool, QueryResultRow } from 'pg';
import type { DbMetrics } from './types';

/** The bounded `operation` label of `fasttodo_db_query_duration_seconds`. */
export type SqlOperation = 'select' | 'insert' | 'update' | 'delete' | 'ddl';

/** Runs parameterised SQL on the pool, timing each statement into `DbMetrics`. */
export type RunQuery = <Row extends QueryResultRow>(
  operation: SqlOperation,
  text: string,
  values?: readonly unknown[],
) => Promise<Row[]>;

/**
 * A query runner over `pool` that records every statement's duration (failed ones too) and keeps the
 * active-connection gauge current: on checkout and removal through pool events, and after each statement,
 * when its client has been released (pg-pool emits `release` before the client is idle again).
 */
export function timedQueries(pool: Pool, metrics: DbMetrics): RunQuery {
  const reportActive = () => metrics.setActiveConnections(pool.totalCount - pool.idleCount);
  pool.on('acquire', reportActive);
  pool.on('remove', reportActive);
  return async (operation, text, values) => {
    const start = performance.now();
    try {
      const result = await pool.query(text, values as unknown[] | undefined);
      return result.rows;
    } finally {
      metrics.observeQuery(operation, (performance.now() - start) / 1000);
      reportActive();
    }
  };
}
