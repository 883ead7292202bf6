export { createHealth, DRAINING } from './health';
export { checks } from './checks/index';
export { installGracefulShutdown } from './graceful-shutdown';
export { HEALTH_CONTENT_TYPE, HEALTH_RESPONSE_HEADERS, writeHealthResponse } from './serve';
export { HealthConfigError, CheckTimeoutError } from './errors';
export type {
  CheckDetail,
  CheckFunction,
  CheckResult,
  DetailValue,
  Health,
  HealthBody,
  HealthCheck,
  HealthOptions,
  HealthResult,
  HealthStatus,
  LivenessOptions,
} from './types';
export type {
  ExitHook,
  GracefulShutdown,
  GracefulShutdownOptions,
  ShutdownLogger,
} from './shutdown-options';
export type { HealthResponseSink } from './serve';
export type { CommonCheckOptions } from './checks/common';
export type { DiskCheckOptions } from './checks/disk';
export type { MemoryCheckOptions } from './checks/memory';
export type { EventLoopDelayCheckOptions } from './checks/event-loop';
export type { SqlClient, SqlCheckOptions } from './checks/sql';
export type { RedisClient, RedisCheckOptions } from './checks/redis';
export type { HttpCheckOptions } from './checks/http';
