import type { FastTodoConfig } from '../config';
import { FastTodoConfigError } from '../config';
import { openMemoryStorage } from './memory';
import type { DbMetrics, Storage } from './types';

/**
 * The storage the configuration asks for: PostgreSQL with `DATABASE_URL`, Redis with `REDIS_URL`, memory for
 * whatever is not configured.
 */
export async function connectStorage(config: FastTodoConfig, _db: DbMetrics): Promise<Storage> {
  // Until the PostgreSQL and Redis backends land this is `return openStorage({ ...urls, db })` minus them.
  if (config.databaseUrl) throw new FastTodoConfigError('DATABASE_URL', 'is not supported by this build yet');
  if (config.redisUrl) throw new FastTodoConfigError('REDIS_URL', 'is not supported by this build yet');
  return openMemoryStorage();
}
