import { connectionUrlProblem } from './storage/connection-url';

/** Settings of the FastTodo service, read from the environment in this one place. */
export interface FastTodoConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly breaker: BreakerConfig;
  /** How long SIGTERM keeps serving with readiness failing before the server stops accepting. */
  readonly drainDelayMs: number;
}

/** Thresholds of the AI assistant's circuit breaker (opossum options). */
export interface BreakerConfig {
  /** Calls in the rolling window before the error ratio is judged. */
  readonly volumeThreshold: number;
  /** Failure percentage above which the breaker opens. */
  readonly errorThresholdPercentage: number;
  /** Time the breaker stays open before letting one trial call through (half-open). */
  readonly resetTimeoutMs: number;
  /** A call slower than this counts as a failure. */
  readonly timeoutMs: number;
}

/** Thrown at startup for an invalid environment variable; names the variable and the value. */
export class FastTodoConfigError extends Error {
  readonly code = 'FASTTODO_EXAMPLE_INVALID_CONFIG';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`@fasttodo/todo-domain: ${variable} ${message}`);
    this.name = 'FastTodoConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads `PORT` (default 3000; 0 picks a free port), `HOST` (default 127.0.0.1), `DATABASE_URL`, `REDIS_URL`
 * `DRAIN_DELAY_MS` (default 5000) and the `AI_*` breaker settings; an invalid value throws {@link FastTodoConfigError}.
 */
export function loadConfig(env: Env = process.env): FastTodoConfig {
  return {
    port: integerVar(env, 'PORT', 3000, 0, 65535),
    host: hostVar(env),
    databaseUrl: urlVar(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: urlVar(env, 'REDIS_URL', ['redis:', 'rediss:']),
    drainDelayMs: integerVar(env, 'DRAIN_DELAY_MS', 5000, 0, 600_000),
    breaker: {
      volumeThreshold: integerVar(env, 'AI_BREAKER_VOLUME_THRESHOLD', 3, 1, 1000),
      errorThresholdPercentage: integerVar(env, 'AI_BREAKER_ERROR_PERCENT', 50, 1, 100),
      resetTimeoutMs: integerVar(env, 'AI_BREAKER_RESET_MS', 5000, 1, 3_600_000),
      timeoutMs: integerVar(env, 'AI_TIMEOUT_MS', 2000, 1, 600_000),
    },
  };
}

function present(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integerVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new FastTodoConfigError(name, `must be an integer from ${min} to ${max}, got ${quote(raw)}`);
  return value;
}

function hostVar(env: Env): string {
  const raw = present(env, 'HOST');
  if (raw === undefined) return '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(raw))
    throw new FastTodoConfigError('HOST', `must be a host name or IP address, got ${quote(raw)}`);
  return raw;
}

function urlVar(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = present(env, name);
  if (raw === undefined) return undefined;
  const problem = connectionUrlProblem(raw, protocols); // the storage backends' own rule, checked at start
  if (problem !== undefined) throw new FastTodoConfigError(name, problem);
  return raw;
}

// Short and on one line: a config error must not flood or split the log.
function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}
