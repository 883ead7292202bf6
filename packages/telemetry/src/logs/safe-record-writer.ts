import type { Redactor } from '@fasttodo/redact';
import type { Context } from '@opentelemetry/api';
import type { Logger } from 'winston';
import { rememberSafeLogContext } from './log-context';
import { buildSafeRecord, LEVEL, MESSAGE, type RecordContext } from './record';
import type { LogContext } from './types';

// A property of the logger, under a global symbol, so an adapter loaded through the other build (ESM or CJS)
// still finds the writer of the logger it was given.
const WRITER = Symbol.for('@fasttodo/telemetry.safe-record-writer.v1');

/**
 * Writes the SDK's own hot lines (the HTTP access line) through the logger's transports without the walk a
 * log call pays: the caller hands fields already as the log redactor makes them.
 */
export interface SafeRecordWriter {
  /** The log redactor: every field handed to `write` must be what its walk would make of it. */
  readonly redactor: Redactor;
  /** Records that `safe` is what the redactor makes of `context`, which spares the walk on its first line. */
  knowSafeContext(context: LogContext, safe: Readonly<Record<string, unknown>>): void;
  /** Writes one line at `level` with the correlation and log context of `ctx` (else the active ones). */
  write(level: string, message: string, fields: Readonly<Record<string, unknown>>, ctx?: Context): void;
}

/** The writer of a logger made by `createLogging`, or `undefined` for any other logger. */
export function safeRecordWriterOf(logger: Logger): SafeRecordWriter | undefined {
  const writer = (logger as unknown as Record<symbol, unknown>)[WRITER];
  return typeof writer === 'object' && writer !== null ? (writer as SafeRecordWriter) : undefined;
}

/** The transport a line may be written to directly, bypassing the logger's streams, and its destination. */
export interface DirectDestination {
  readonly transport: { readonly level?: string; readonly silent?: boolean; readonly writableLength: number };
  readonly stream: NodeJS.WritableStream;
  readonly eol: string;
}

/** How the writer renders records and where it hands them. */
export interface WriterSetup {
  readonly ctx: RecordContext;
  readonly render: (record: Record<string, unknown>) => string;
  /** Records rendered here: the record format passes them through unchanged. */
  readonly prebuilt: WeakSet<object>;
  /** Set when the logger's only transport is the default stream one. */
  readonly direct: DirectDestination | undefined;
}

/**
 * True when a line may go straight to the destination: nothing is queued in the logger or the transport (so it
 * cannot overtake an earlier line) and the transport filters nothing on its own.
 */
function canWriteDirectly(
  logger: Logger,
  direct: DirectDestination | undefined,
): direct is DirectDestination {
  if (direct === undefined) return false;
  const { transport } = direct;
  return (
    transport.level === undefined &&
    transport.silent !== true &&
    transport.writableLength === 0 &&
    (logger as unknown as { readableLength: number }).readableLength === 0
  );
}

/** Attaches the writer of `logger` (see {@link SafeRecordWriter}). */
export function attachSafeRecordWriter(logger: Logger, setup: WriterSetup, isClosed: () => boolean): void {
  const { ctx, render, prebuilt, direct } = setup;
  const writer: SafeRecordWriter = {
    redactor: ctx.redactor,
    knowSafeContext: (context, safe) => rememberSafeLogContext(context, ctx.redactor, safe),
    write(level, message, fields, given) {
      if (isClosed() || logger.silent || !logger.isLevelEnabled(level)) return;
      try {
        const record = buildSafeRecord(level, message, fields, given, ctx) as Record<PropertyKey, unknown>;
        const line = render(record);
        if (canWriteDirectly(logger, direct)) {
          direct.stream.write(line + direct.eol);
          return;
        }
        record[MESSAGE] = line;
        record[LEVEL] = level;
        prebuilt.add(record);
        logger.write(record as never);
      } catch {
        // Never throw into the request.
      }
    },
  };
  Object.defineProperty(logger, WRITER, { value: writer, configurable: true });
}
