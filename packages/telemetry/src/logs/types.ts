import type { Redactor } from '@fasttodo/redact';
import type { Resource } from '@opentelemetry/resources';
import type winston from 'winston';
import type { ResolvedLogs } from '../config/types';
import type { Logger } from 'winston';

/** A winston transport (the `winston-transport` base class). */
export type TransportStream = winston.transport;

/**
 * What `createLogging` is built from: the resolved logs settings (`config.logs`), the service every line is
 * written for, and the resource of exported OTLP records.
 */
export interface LogsSetup extends ResolvedLogs {
  /** Written as `service` on every record. */
  serviceName: string;
  /** Written as `environment` on every record. */
  environment: string;
  /** Colour the pretty format; default: the destination is a TTY and `NO_COLOR` is not set. */
  colors?: boolean;
  /** Resource of exported OTLP records; OTLP export needs it. */
  resource?: Resource;
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

/** A log context's fields as a redactor made them safe (redacted, escaped), with the redactor that did it. */
export interface SafeLogContext {
  readonly redactor: Redactor;
  readonly fields: Readonly<Record<string, unknown>>;
}
