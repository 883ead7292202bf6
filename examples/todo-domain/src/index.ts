export { AI_BREAKER_NAME, AI_CACHE_NAME, BUSINESS_METRICS, SDK_METRICS } from './metric-names';
export { type BreakerConfig, type FastTodoConfig, FastTodoConfigError, loadConfig } from './config';
export { defineDbMetrics, defineFastTodoMetrics, type FastTodoMetrics } from './metrics';
export { createFastTodo, type FastTodo, type FastTodoOptions, type FastTodoRequest } from './service';
export { BODY_LIMIT_BYTES, ROUTES, type RouteSpec } from './http/routes';
export type { HttpResult } from './http/result';
export { NOT_FOUND, errorResult } from './http/errors';
export {
  prepareFastTodo,
  SERVICE_VERSION,
  serveFastTodo,
  type PrepareOptions,
  type ServeOptions,
} from './app-kit';
export { normalizeEmail } from './auth/email';
export { hashPassword, verifyPassword } from './auth/password';
export { FAIL_MARKER, simulatedCompletion, simulatedLatencyMs } from './ai/simulated-llm';
export { openMemoryStorage } from './storage/memory';
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
export { openStorage, type OpenStorageOptions } from './storage/open';
export { openPostgres, type PostgresStorage } from './storage/postgres';
export { openRedis, type RedisStorage, type RedisStorageOptions } from './storage/redis';
