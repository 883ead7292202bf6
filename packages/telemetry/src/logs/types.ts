import type { Resource } from '@opentelemetry/resources';
import type winston from 'winston';
import type { Logger } from 'winston';

/** A winston transport (the `winston-transport` base class). */
export type TransportStream = winston.transport;

/** Where OTLP log records go (set when `OTEL_LOGS_EXPORTER=otlp`). */
export interface OtlpLogsConfig {
  /** Full logs URL, e.g. `http://collector:4318/v1/logs`. */
  url: string;
  /** Extra HTTP headers (e.g. an API key for the collector). */
  headers: Record<string, string>;
  /** Export timeout; shutdown waits at most this plus one second for the log exporter. */
  timeoutMillis: number;
  /** Resource of the exported records (the service resource). */
  resource: Resource;
}

/** Resolved logging configuration (built by the config layer from options, `LOG_LEVEL`, `LOG_FORMAT`, ...). */
export interface LogsConfig {
  /** winston npm level: error, warn, info, http, verbose, debug, silly; default `info` (`debug` in development). */
  level: string;
  /** `json` (one object per line, production) or `pretty` (colourised, development). */
  format: 'json' | 'pretty';
  /** Written as `service` on every record. */
  serviceName: string;
  /** Written as `environment` on every record. */
  environment: string;
  /** Replace the default stdout transport. */
  transports?: TransportStream[];
  /** Write records to this stream instead of stdout (tests, files). */
  stream?: NodeJS.WritableStream;
  /** Colour the pretty format; default: the destination is a TTY and `NO_COLOR` is not set. */
  colors?: boolean;
  /** Export records over OTLP/HTTP as well. */
  otlp?: OtlpLogsConfig;
}

/** The logger and its bounded shutdown. */
export interface Logging {
  logger: Logger;
  /** Flushes and ends the transports (and the OTLP exporter); resolves within its bound, never rejects. */
  shutdown(): Promise<void>;
}

/** Request-scoped fields added to every log line written inside {@link withLogContext}. */
export interface LogContext {
  request_id?: string;
  user_id?: string;
  [key: string]: unknown;
}
