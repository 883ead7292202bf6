import winston from 'winston';
import type { Logger } from 'winston';
import { createRedactor, escapeControlChars, type Redactor } from '@fasttodo/redact';
import { DEFAULTS } from '../config/defaults';
import { TelemetryConfigError } from '../errors';
import { jsonLine, prettyLine } from './line-format';
import { createOtlpTransport } from './otlp-transport';
import type { OtlpTransport } from './otlp-transport';
import { LEVEL, MESSAGE, buildRecord } from './record';
import type { RecordContext } from './record';
import type { Logging, LogsSetup } from './types';
import { detachRecordArgument } from './detach';
import { attachSafeRecordWriter } from './safe-record-writer';

const LEVELS = winston.config.npm.levels;
const SHUTDOWN_TIMEOUT_MS = 2000;
const EOL = '\n';
/** Log bounds used unless the user's redact options set their own: a line stays small. */
const LOG_MAX_NODES = 2000;
const LOG_MAX_STRING = 8192;

/**
 * The redactor of log lines: the user's redact options (keys, paths, detectors, censor, bounds) plus escaping
 * and the log bounds where the user set none. A hand-made Redactor has no options to derive from, so it is
 * refused rather than silently bypassed.
 */
export function logRedactor(redactor: Redactor): Redactor {
  const options = (redactor as Partial<Redactor>).options;
  if (typeof options !== 'object' || options === null) {
    throw new TelemetryConfigError(
      'redact',
      'RedactorOptions or a Redactor made by createRedactor() (log lines derive their redactor from its options)',
      redactor,
    );
  }
  return createRedactor({
    maxNodes: LOG_MAX_NODES,
    maxStringLength: LOG_MAX_STRING,
    ...options,
    escape: true,
  });
}

function useColors(config: LogsSetup, stream: NodeJS.WritableStream): boolean {
  if (config.colors !== undefined) return config.colors;
  return (stream as { isTTY?: boolean }).isTTY === true && !process.env['NO_COLOR'];
}

/** The winston format that turns every call into one redacted, escaped, trace-correlated record. */
function recordFormat(
  ctx: RecordContext,
  render: (record: Record<string, unknown>) => string,
  prebuilt: WeakSet<object>,
): winston.Logform.Format {
  return winston.format((info) => {
    if (prebuilt.has(info)) return info;
    const raw = info as unknown as Record<PropertyKey, unknown>;
    let record: Record<string, unknown>;
    try {
      record = buildRecord(raw, ctx);
    } catch {
      record = {
        timestamp: new Date().toISOString(),
        level: String(raw[LEVEL]),
        message: '[unloggable record]',
      };
    }
    const out = record as Record<PropertyKey, unknown>;
    out[MESSAGE] = render(record);
    out[LEVEL] = raw[LEVEL];
    return out as unknown as winston.Logform.TransformableInfo;
  })();
}

/** Writes what can be saved of a call winston itself rejected (e.g. a frozen object as the only argument). */
function writeFallback(logger: Logger, method: string, args: unknown[], error: unknown): void {
  const [first, ...rest] = method === 'log' ? args.slice(1) : args;
  const level =
    method === 'log' && typeof args[0] === 'string' && Object.hasOwn(LEVELS, args[0]) ? args[0] : method;
  const reason = error instanceof Error ? error.name : 'error';
  const message = typeof first === 'string' ? first : `[log call failed: ${reason}]`;
  // The record format redacts `args` like any field.
  const info = { level, message, args: typeof first === 'string' ? rest : args, [LEVEL]: level };
  try {
    logger.write(info as never);
  } catch {
    // Nothing left to do without throwing into the caller.
  }
}

/** Replaces each level method and `log` by one that can never throw into the caller (frozen or hostile input). */
function guardLogger(logger: Logger, isClosed: () => boolean): void {
  const target = logger as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of [...Object.keys(LEVELS), 'log']) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function guarded(this: unknown, ...args: unknown[]) {
      if (isClosed()) return logger;
      try {
        return original.apply(this ?? logger, detachRecordArgument(name, args));
      } catch (error) {
        writeFallback(logger, name, args, error);
        return logger;
      }
    };
  }
}

/** The default transport: JSON or pretty lines to `config.stream` (stdout unless set). */
function defaultTransport(config: LogsSetup): winston.transports.StreamTransportInstance {
  return new winston.transports.Stream({ stream: config.stream ?? process.stdout, eol: EOL });
}

function finished(logger: Logger): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS);
    // A transport that never finishes must not keep the process alive after shutdown() gave up on it.
    timer.unref();
    logger.once('finish', () => {
      clearTimeout(timer);
      resolve();
    });
    logger.end();
  });
}

/** The OTLP transport when `exporter` is `otlp` and an endpoint and a resource are set. */
function otlpTransport(config: LogsSetup): OtlpTransport | undefined {
  if (config.exporter !== 'otlp' || !config.endpoint || !config.resource) return undefined;
  return createOtlpTransport({
    url: config.endpoint,
    headers: config.headers ?? {},
    timeoutMillis: config.timeoutMs ?? DEFAULTS.timeoutMs,
    resource: config.resource,
  });
}

/**
 * Creates the winston logger: stdout by default, JSON lines or colourised pretty output, every record
 * redacted and trace-correlated, optional OTLP export.
 * @example
 * const { logger, shutdown } = createLogging({ level: 'info', format: 'json', exporter: 'none', serviceName: 'todo', environment: 'production' }, createRedactor());
 * logger.info('todo created', { todo_id: 42 });
 */
export function createLogging(config: LogsSetup, redactor: Redactor): Logging {
  const stream = config.stream ?? process.stdout;
  const colors = config.format === 'pretty' && useColors(config, stream);
  const render =
    config.format === 'json' ? jsonLine : (record: Record<string, unknown>) => prettyLine(record, colors);
  const ctx: RecordContext = {
    redactor: logRedactor(redactor),
    service: escapeControlChars(config.serviceName),
    environment: escapeControlChars(config.environment),
  };
  const otlp = otlpTransport(config);
  const prebuilt = new WeakSet<object>();
  const own = config.transports === undefined ? defaultTransport(config) : undefined;
  const transports = [...(config.transports ?? (own ? [own] : [])), ...(otlp ? [otlp.transport] : [])];
  const logger = winston.createLogger({
    level: config.level,
    levels: LEVELS,
    format: recordFormat(ctx, render, prebuilt),
    transports,
    // An empty transport list means "discard": winston would otherwise print every record to stderr.
    silent: transports.length === 0,
    exitOnError: false,
  });
  // A failing transport must not crash the process with an unhandled 'error' event.
  logger.on('error', () => {});
  let closed = false;
  guardLogger(logger, () => closed);
  // The SDK's own lines may skip winston's object streams only when the default transport is the only one.
  const direct = own !== undefined && otlp === undefined ? { transport: own, stream, eol: EOL } : undefined;
  attachSafeRecordWriter(logger, { ctx, render, prebuilt, direct }, () => closed);
  if (otlp?.foreignProvider) {
    logger.warn('OTLP logs go to the LoggerProvider that was already registered globally', {});
  }
  return {
    logger,
    async shutdown() {
      if (closed) return;
      closed = true;
      await finished(logger);
      await otlp?.shutdown();
    },
  };
}
