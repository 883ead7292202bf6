import { logs } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { OpenTelemetryTransportV3 } from '@opentelemetry/winston-transport';
import type { Resource } from '@opentelemetry/resources';
import type { TransportStream } from './types';

/** Where OTLP log records go. */
export interface OtlpTransportOptions {
  /** Full logs URL, e.g. `http://collector:4318/v1/logs`. */
  url: string;
  /** Extra HTTP headers (e.g. an API key for the collector). */
  headers: Record<string, string>;
  /** Export timeout; shutdown waits at most this plus one second for the log exporter. */
  timeoutMillis: number;
  /** Resource of the exported records (the service resource). */
  resource: Resource;
}

// The record's timestamp is the OTLP record's own time, service and environment are resource attributes:
// repeated as log attributes they would only cost bytes and disagree with the resource when it is overridden.
const NOT_ATTRIBUTES = ['timestamp', 'service', 'environment'];

/** The winston transport of `@opentelemetry/winston-transport`, fed records without the duplicated fields. */
class RecordTransport extends OpenTelemetryTransportV3 {
  override log(info: Record<PropertyKey, unknown>, callback: () => void): void {
    const copy: Record<PropertyKey, unknown> = { ...info };
    for (const key of NOT_ATTRIBUTES) delete copy[key];
    super.log(copy, callback);
  }
}

/** The OTLP winston transport with its provider. */
export interface OtlpTransport {
  transport: TransportStream;
  /** True when another LoggerProvider was already global, so records go there instead. */
  foreignProvider: boolean;
  /** Flushes and shuts the provider down within `timeoutMillis` (+1 s); never rejects. */
  shutdown(): Promise<void>;
}

function within(ms: number, work: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    // A black-holed collector must not keep the process alive after shutdown() gave up on it.
    timer.unref();
    work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

/**
 * OTLP/HTTP log export: `LoggerProvider` + `BatchLogRecordProcessor` + `OTLPLogExporter`, fed by
 * `@opentelemetry/winston-transport`. The transport reads the global LoggerProvider, so ours is registered
 * globally (the usual OpenTelemetry setup) and unregistered on shutdown.
 */
export function createOtlpTransport(config: OtlpTransportOptions): OtlpTransport {
  const exporter = new OTLPLogExporter({
    url: config.url,
    headers: { ...config.headers },
    timeoutMillis: config.timeoutMillis,
  });
  const provider = new LoggerProvider({
    resource: config.resource,
    processors: [
      new BatchLogRecordProcessor({
        exporter,
        maxQueueSize: 2048,
        scheduledDelayMillis: 1000,
        exportTimeoutMillis: config.timeoutMillis,
      }),
    ],
  });
  const registered = logs.setGlobalLoggerProvider(provider) === provider;
  const transport = new RecordTransport();
  return {
    transport,
    foreignProvider: !registered,
    async shutdown() {
      await within(config.timeoutMillis + 1000, provider.shutdown());
      if (registered) logs.disable();
    },
  };
}
