export { AI_BREAKER_NAME, AI_CACHE_NAME, BUSINESS_METRICS, SDK_METRICS } from './metric-names';
export type {
  DbMetrics,
  ReplyCache,
  SessionStore,
  Storage,
  StoredUser,
  Todo,
  TodoPatch,
  TodoStore,
  UserStore,
} from './storage/types';
export { StorageConfigError } from './storage/connection-url';
export { storageInstrumentations } from './storage/instrumentations';
export { openPostgres, type PostgresStorage } from './storage/postgres';
export { openRedis, type RedisStorage, type RedisStorageOptions } from './storage/redis';
