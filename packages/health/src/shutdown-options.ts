import { HealthConfigError } from './errors';
import { serverOption } from './server-option';
import type { DrainableServer } from './server-option';
import { signalsOption } from './signals-option';
import { MAX_TIMER_MS, numberOption, objectOption, positiveMsOption, rejectUnknownKeys } from './validate';

/** A step run after the drain and before exit, e.g. `() => telemetry.shutdown()` (flush) or `() => pool.end()`. */
export type ExitHook = () => unknown;

/** Where drain progress is reported; default: `console` for warnings, silent otherwise. */
export interface ShutdownLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options of `installGracefulShutdown`. */
export interface GracefulShutdownOptions {
  /** Health object whose readiness starts failing (`draining`) at once: its `drain()` is called first. */
  health?: { drain(): void };
  /** Signals that start the drain; default `['SIGTERM', 'SIGINT']`. A second signal exits at once with 1. */
  signals?: readonly NodeJS.Signals[];
  /** Time to keep serving after readiness fails, so load balancers drop this instance (ms); default 5000. */
  drainDelayMs?: number;
  /** Longest wait for in-flight requests once the server stopped accepting (ms); default 10000. */
  drainTimeoutMs?: number;
  /** Hooks run in order after the drain, before exit (flush telemetry, close pools and WebSocket servers). */
  beforeExit?: ExitHook | readonly ExitHook[];
  /** Longest wait for each `beforeExit` hook (ms); default 5000. */
  hookTimeoutMs?: number;
  /** Called with the exit code at the end; default `process.exit`. */
  exit?: (code: number) => void;
  /** Progress messages, scrubbed like check output; default: warnings to `console.warn`, nothing else. */
  logger?: ShutdownLogger;
}

/** Handle returned by `installGracefulShutdown`. */
export interface GracefulShutdown {
  /** Starts the drain-and-exit sequence as a signal would; resolves with the exit code (after `exit` was called). */
  shutdown(reason?: string): Promise<number>;
  /** Removes the signal listeners and request tracking (a sequence already started is not cancelled). */
  dispose(): void;
}

const KEYS = [
  'health',
  'signals',
  'drainDelayMs',
  'drainTimeoutMs',
  'beforeExit',
  'hookTimeoutMs',
  'exit',
  'logger',
];
// Names used before 0.1.0: a clear error beats "unknown option" for code written against them.
const RENAMED: Readonly<Record<string, string>> = { timeoutMs: 'drainTimeoutMs', onShutdown: 'beforeExit' };
const DEFAULT_LOGGER: ShutdownLogger = { info: () => undefined, warn: (message) => console.warn(message) };

/** {@link GracefulShutdownOptions} after validation, with defaults filled in. */
export type ResolvedShutdownOptions = Required<
  Omit<GracefulShutdownOptions, 'health' | 'beforeExit' | 'signals'>
> & {
  server: DrainableServer;
  health: GracefulShutdownOptions['health'];
  signals: readonly NodeJS.Signals[];
  hooks: readonly ExitHook[];
};

/** Validates `installGracefulShutdown(server, options)` once; throws {@link HealthConfigError} naming the option. */
export function resolveShutdownOptions(
  server: unknown,
  input: GracefulShutdownOptions | undefined,
): ResolvedShutdownOptions {
  const raw = objectOption('installGracefulShutdown', input);
  for (const [old, name] of Object.entries(RENAMED)) {
    if (Object.hasOwn(raw, old))
      throw new HealthConfigError(`installGracefulShutdown.${old}`, `renamed to "${name}"`, raw[old]);
  }
  rejectUnknownKeys('installGracefulShutdown', raw, KEYS);
  return {
    server: serverOption(server),
    health: healthOption(raw.health),
    signals: signalsOption(raw.signals),
    drainDelayMs: numberOption('drainDelayMs', raw.drainDelayMs, 5000, 0, MAX_TIMER_MS),
    drainTimeoutMs: positiveMsOption('drainTimeoutMs', raw.drainTimeoutMs, 10_000),
    hookTimeoutMs: positiveMsOption('hookTimeoutMs', raw.hookTimeoutMs, 5000),
    hooks: hooksOption(raw.beforeExit),
    exit: functionOption('exit', raw.exit, (code: number) => process.exit(code)),
    logger: loggerOption(raw.logger),
  };
}

function healthOption(value: unknown): GracefulShutdownOptions['health'] {
  if (value === undefined) return undefined;
  if (value === null || typeof (value as { drain?: unknown }).drain !== 'function') {
    throw new HealthConfigError('health', 'the object returned by createHealth() (with drain())', value);
  }
  return value as { drain(): void };
}

function hooksOption(value: unknown): readonly ExitHook[] {
  if (value === undefined) return [];
  const hooks: unknown[] = Array.isArray(value) ? Array.from(value) : [value];
  hooks.forEach((hook, i) => {
    if (typeof hook !== 'function') throw new HealthConfigError(`beforeExit[${i}]`, 'a function', hook);
  });
  return hooks as ExitHook[];
}

function functionOption<T>(option: string, value: unknown, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw new HealthConfigError(option, 'a function', value);
  return value as T;
}

function loggerOption(value: unknown): ShutdownLogger {
  if (value === undefined) return DEFAULT_LOGGER;
  const logger = value as Partial<ShutdownLogger> | null;
  if (typeof logger?.info !== 'function' || typeof logger.warn !== 'function') {
    throw new HealthConfigError('logger', 'an object with info() and warn()', value);
  }
  return logger as ShutdownLogger;
}
