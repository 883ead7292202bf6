import { randomBytes } from 'node:crypto';
import { checks } from '@fasttodo/health';
import type { Redis, RedisOptions } from 'ioredis';
import { describeUrl, parseConnectionUrl, StorageConfigError } from './connection-url';
import { requireDriver } from './instrumentations';
import { replyKey, sessionKey, ttlMilliseconds } from './redis-keys';
import type { ReplyCache, SessionStore, Storage } from './types';

/** What the Redis backend stores. */
export type RedisStorage = Pick<Storage, 'sessions' | 'replies' | 'checks' | 'close'>;

/** Options of {@link openRedis}. */
export interface RedisStorageOptions {
  /** Lifetime of a session token; default one day. */
  readonly sessionTtlSeconds?: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Fail fast instead of queueing: while Redis is down a call rejects at once (no offline queue, one retry of
 * an in-flight command, bounded connect and command times) so requests answer instead of hanging, and the
 * client keeps reconnecting in the background, so service resumes by itself when Redis returns.
 */
const CLIENT_OPTIONS: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  commandTimeout: 2000,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
};

/**
 * Sessions and the AI reply cache in Redis through ioredis. Keys are SHA-256 hashes (`session:<hash>`,
 * `reply:<hash>`): a raw token or prompt never becomes a key. `checks` holds the readiness check (`PING`).
 * Rejects with a {@link StorageConfigError} naming `REDIS_URL` (password hidden) when the URL is malformed or
 * Redis cannot be reached.
 * @example const cache = await openRedis(process.env.REDIS_URL);
 */
export async function openRedis(url: string, options: RedisStorageOptions = {}): Promise<RedisStorage> {
  parseConnectionUrl('REDIS_URL', url, ['redis:', 'rediss:']);
  const sessionTtlMs = ttlMilliseconds('sessionTtlSeconds', options.sessionTtlSeconds ?? DAY_SECONDS);
  const { Redis } = requireDriver<typeof import('ioredis')>('ioredis');
  const client = new Redis(url, CLIENT_OPTIONS);
  // Connection errors are reported by the readiness check and by the failing calls; without a listener
  // ioredis would print each reconnection attempt's error to stderr.
  client.on('error', () => {});
  await connect(client, url);
  return {
    sessions: sessionStore(client, sessionTtlMs),
    replies: replyCache(client),
    checks: [checks.redis(client)],
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

async function connect(client: Redis, url: string): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    const reason = (error as { message?: unknown }).message;
    const problem = `must be a reachable Redis server (${String(reason)}), received ${describeUrl(url)}`;
    throw new StorageConfigError('REDIS_URL', problem);
  }
}

function sessionStore(client: Redis, ttlMs: number): SessionStore {
  return {
    async create(userId) {
      const token = randomBytes(32).toString('base64url');
      await client.set(sessionKey(token), userId, 'PX', ttlMs);
      return token;
    },
    async resolve(token) {
      return (await client.get(sessionKey(token))) ?? undefined;
    },
  };
}

function replyCache(client: Redis): ReplyCache {
  return {
    async get(key) {
      return (await client.get(replyKey(key))) ?? undefined;
    },
    async set(key, value, ttlSeconds) {
      await client.set(replyKey(key), value, 'PX', ttlMilliseconds('ttlSeconds', ttlSeconds));
    },
  };
}
