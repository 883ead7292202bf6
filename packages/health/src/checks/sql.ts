import { performance } from 'node:perf_hooks';
import { HealthConfigError } from '../errors';
import type { CheckDetail, HealthCheck } from '../types';
import type { CommonCheckOptions } from './common';
import { elapsedMs, readOptions } from './common';

/** Anything with a promise-returning `query(sql)`: a `pg` Pool or Client, mysql2/promise, knex raw, ... */
export interface SqlClient {
  query(sql: string): Promise<unknown>;
}

/** Options of {@link sql}. */
export interface SqlCheckOptions extends CommonCheckOptions {
  /** Statement to run; default `SELECT 1`. */
  query?: string;
}

/**
 * SQL check: runs `SELECT 1` on the pool or client the app already has; reports the round trip in ms
 * and, for a `pg` Pool, its connection counts. No driver is imported.
 * @example createHealth({ checks: [checks.sql(pool)] })
 */
export function sql(client: SqlClient, options?: SqlCheckOptions): HealthCheck {
  if (client === null || typeof client !== 'object' || typeof client.query !== 'function') {
    throw new HealthConfigError('checks.sql(client)', 'an object with a query(sql) method', client);
  }
  const { raw, common } = readOptions('sql', options, ['query']);
  if (raw.query !== undefined && (typeof raw.query !== 'string' || raw.query === '')) {
    throw new HealthConfigError('checks.sql.query', 'a non-empty string', raw.query);
  }
  const statement = (raw.query as string | undefined) ?? 'SELECT 1';
  return {
    ...common,
    check: async () => {
      const start = performance.now();
      await client.query(statement);
      return { observedValue: elapsedMs(start), observedUnit: 'ms', ...poolCounts(client) };
    },
  };
}

function poolCounts(client: object): CheckDetail {
  const pool = client as { totalCount?: unknown; idleCount?: unknown; waitingCount?: unknown };
  if (typeof pool.totalCount !== 'number') return {};
  return {
    pool_total: pool.totalCount,
    pool_idle: typeof pool.idleCount === 'number' ? pool.idleCount : null,
    pool_waiting: typeof pool.waitingCount === 'number' ? pool.waitingCount : null,
  };
}
