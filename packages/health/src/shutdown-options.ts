import type { Server } from 'node:http';
import { HealthConfigError } from './errors';
import { MAX_TIMER_MS, numberOption, objectOption, positiveMsOption, rejectUnknownKeys } from './validate';

/** A cleanup step run once in-flight requests finished and HTTP connections closed, e.g. `() => telemetry.shutdown()`. */
export type ShutdownHook = () => unknown;

/** Where shutdown progress is reported; default: `console` for warnings, silent otherwise. */
export interface ShutdownLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options of `installGracefulShutdown`. */
export interface GracefulShutdownOptions {
  /** Health object whose readiness starts failing (`shutting_down`) at once. */
  health?: { shutdown(): void };
  /** Signals that start the shutdown; default `['SIGTERM', 'SIGINT']`. A second signal exits at once with 1. */
  signals?: readonly NodeJS.Signals[];
  /** Time to keep serving after readiness fails, so load balancers drop this instance (ms); default 5000. */
  drainDelayMs?: number;
  /** Longest wait for in-flight requests once the server stopped accepting (ms); default 10000. */
  timeoutMs?: number;
  /** Hooks run in order once in-flight requests finished (flush telemetry, close pools and WebSocket servers). */
  onShutdown?: ShutdownHook | readonly ShutdownHook[];
  /** Longest wait for each hook (ms); default 5000. */
  hookTimeoutMs?: number;
  /** Called with the exit code at the end; default `process.exit`. */
  exit?: (code: number) => void;
  /** Progress messages; default: warnings to `console.warn`, nothing else. */
  logger?: ShutdownLogger;
}

/** Handle returned by `installGracefulShutdown`. */
export interface GracefulShutdown {
  /** Starts the shutdown as a signal would; resolves with the exit code (after `exit` was called). */
  shutdown(reason?: string): Promise<number>;
  /** Removes the signal listeners and request tracking (the shutdown itself is not cancelled). */
  dispose(): void;
}

const KEYS = [
  'health',
  'signals',
  'drainDelayMs',
  'timeoutMs',
  'onShutdown',
  'hookTimeoutMs',
  'exit',
  'logger',
];
const DEFAULT_LOGGER: ShutdownLogger = { info: () => undefined, warn: (message) => console.warn(message) };

/** {@link GracefulShutdownOptions} after validation, with defaults filled in. */
export type ResolvedShutdownOptions = Required<Omit<GracefulShutdownOptions, 'health' | 'onShutdown'>> & {
  health: GracefulShutdownOptions['health'];
  hooks: readonly ShutdownHook[];
};

/** Validates the options of `installGracefulShutdown` once; throws {@link HealthConfigError} naming the option. */
export function resolveShutdownOptions(
  server: unknown,
  input: GracefulShutdownOptions | undefined,
): ResolvedShutdownOptions {
  if (server === null || typeof server !== 'object' || typeof (server as Server).close !== 'function') {
    throw new HealthConfigError('installGracefulShutdown(server)', 'a node:http Server', server);
  }
  const raw = objectOption('installGracefulShutdown', input);
  rejectUnknownKeys('installGracefulShutdown', raw, KEYS);
  const hooks =
    raw.onShutdown === undefined ? [] : Array.isArray(raw.onShutdown) ? raw.onShutdown : [raw.onShutdown];
  hooks.forEach((hook, i) => {
    if (typeof hook !== 'function') throw new HealthConfigError(`onShutdown[${i}]`, 'a function', hook);
  });
  return {
    health: healthOption(raw.health),
    signals: signalsOption(raw.signals),
    drainDelayMs: numberOption('drainDelayMs', raw.drainDelayMs, 5000, 0, MAX_TIMER_MS),
    timeoutMs: positiveMsOption('timeoutMs', raw.timeoutMs, 10_000),
    hookTimeoutMs: positiveMsOption('hookTimeoutMs', raw.hookTimeoutMs, 5000),
    hooks: hooks as ShutdownHook[],
    exit: functionOption('exit', raw.exit, (code: number) => process.exit(code)),
    logger: loggerOption(raw.logger),
  };
}

function healthOption(value: unknown): GracefulShutdownOptions['health'] {
  if (value === undefined) return undefined;
  if (value === null || typeof (value as { shutdown?: unknown }).shutdown !== 'function') {
    throw new HealthConfigError('health', 'the object returned by createHealth()', value);
  }
  return value as { shutdown(): void };
}

function signalsOption(value: unknown): readonly NodeJS.Signals[] {
  if (value === undefined) return ['SIGTERM', 'SIGINT'];
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string' && /^SIG[A-Z0-9]+$/.test(s))) {
    throw new HealthConfigError('signals', 'an array of signal names such as "SIGTERM"', value);
  }
  return value as NodeJS.Signals[];
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
  return neverThrowing(logger as ShutdownLogger);
}

// A logger that throws must not stop a shutdown half-way: the process would never reach exit().
function neverThrowing(logger: ShutdownLogger): ShutdownLogger {
  const call = (write: (message: string) => void, message: string) => {
    try {
      write.call(logger, message);
    } catch {
      // the message is lost; the shutdown goes on
    }
  };
  return { info: (message) => call(logger.info, message), warn: (message) => call(logger.warn, message) };
}
