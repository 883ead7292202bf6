import { openMemoryStorage } from './memory';
import { openPostgres } from './postgres';
import { openRedis } from './redis';
import type { DbMetrics, Storage } from './types';

/** Options of {@link openStorage}; the URLs usually come from `DATABASE_URL` and `REDIS_URL`. */
export interface OpenStorageOptions {
  /** PostgreSQL for users and todos when set; `''` counts as unset, like an empty environment variable. */
  readonly databaseUrl?: string;
  /** Redis for sessions and the reply cache when set; `''` counts as unset. */
  readonly redisUrl?: string;
  /** Where PostgreSQL reports query durations and active connections. */
  readonly db: DbMetrics;
}

/**
 * The service's storage: PostgreSQL for users and todos when `databaseUrl` is set, Redis for sessions and
 * replies when `redisUrl` is set, memory for whatever is left. `checks` holds the readiness checks of the
 * configured backends; `close()` closes them all. If one backend fails to open, the others are closed again.
 * @example const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, db });
 */
export async function openStorage(options: OpenStorageOptions): Promise<Storage> {
  const memory = openMemoryStorage();
  const [postgres, redis] = await Promise.allSettled([
    options.databaseUrl ? openPostgres(options.databaseUrl, options.db) : undefined,
    options.redisUrl ? openRedis(options.redisUrl) : undefined,
  ]);
  if (postgres.status === 'rejected' || redis.status === 'rejected') {
    await Promise.all([memory.close(), opened(postgres)?.close(), opened(redis)?.close()]);
    throw postgres.status === 'rejected' ? postgres.reason : (redis as PromiseRejectedResult).reason;
  }
  const sql = postgres.value;
  const kv = redis.value;
  return {
    users: sql?.users ?? memory.users,
    todos: sql?.todos ?? memory.todos,
    sessions: kv?.sessions ?? memory.sessions,
    replies: kv?.replies ?? memory.replies,
    checks: [...memory.checks, ...(sql?.checks ?? []), ...(kv?.checks ?? [])],
    close: async () => {
      await Promise.all([memory.close(), sql?.close(), kv?.close()]);
    },
  };
}

function opened<T>(result: PromiseSettledResult<T | undefined>): T | undefined {
  return result.status === 'fulfilled' ? result.value : undefined;
}
