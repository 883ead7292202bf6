import type { Redactor } from '@fasttodo/redact';
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ResolvedTraces } from '../config/types';
import type { Warn } from '../shared/warn';
import { DropReporter } from './drop-reporter';
import { ExportPipelineProcessor } from './export-pipeline';
import { LogSpanExporter, type SpanLogWriter } from './log-span-exporter';
import { buildPropagator } from './propagators';
import { ResilientSpanExporter } from './resilient-exporter';
import { buildSampler, usesKeepErrors } from './sampler';
import { SlowSpanProcessor } from './slow-spans';

/** Name and version of the tracer handed out as `telemetry.tracer`. */
export const TRACER_NAME = '@fasttodo/telemetry';

/** The running trace pipeline. */
export interface Tracing {
  provider: NodeTracerProvider;
  tracer: Tracer;
  /** Spans dropped so far (queue full, failed or timed-out exports). */
  droppedSpans(): number;
  /** Flush and stop; may reject (the caller races it against the shutdown timeout). */
  shutdown(): Promise<void>;
}

/** Where the trace pipeline writes: rate-limited warnings, and span records for the console exporter. */
export interface TracingOutput {
  warn: Warn;
  log: SpanLogWriter;
  warnIntervalMs: number;
}

function innerExporter(
  config: ResolvedTraces,
  timeoutMs: number,
  log: SpanLogWriter,
): SpanExporter | undefined {
  if (config.exporter === 'console') return new LogSpanExporter(log);
  if (config.exporter === 'otlp')
    return new OTLPTraceExporter({ url: config.endpoint, headers: config.headers, timeoutMillis: timeoutMs });
  return undefined;
}

function exportProcessor(
  config: ResolvedTraces,
  redactor: Redactor,
  drops: DropReporter,
  log: SpanLogWriter,
): ExportPipelineProcessor | undefined {
  const timeoutMs = Math.min(config.timeoutMs, config.exportTimeoutMs);
  const inner = innerExporter(config, timeoutMs, log);
  if (!inner) return undefined;
  let pipeline: ExportPipelineProcessor | undefined;
  const exporter = new ResilientSpanExporter(inner, {
    redactor,
    timeoutMs,
    drops,
    onBatch: (count) => pipeline?.taken(count),
  });
  const batch = new BatchSpanProcessor(exporter, {
    maxQueueSize: config.maxQueueSize,
    maxExportBatchSize: config.maxExportBatchSize,
    scheduledDelayMillis: config.scheduledDelayMs,
    // Our exporter gives up first, so the batch processor never reports its own timeout.
    exportTimeoutMillis: timeoutMs + 1000,
  });
  const keepErrors = { ...config.keepErrors, enabled: usesKeepErrors(config) };
  pipeline = new ExportPipelineProcessor(batch, config.maxQueueSize, drops, keepErrors);
  return pipeline;
}

/**
 * Build the tracer provider (sampler, slow-span warnings, redacting resilient export) and
 * register it globally with the AsyncLocalStorage context manager and the configured propagator.
 */
export function startTracing(
  config: ResolvedTraces,
  resource: Resource,
  redactor: Redactor,
  output: TracingOutput,
): Tracing {
  const drops = new DropReporter(output.warn, output.warnIntervalMs);
  const spanProcessors: SpanProcessor[] = [];
  if (config.slowSpans) spanProcessors.push(new SlowSpanProcessor(config.slowSpans, output.warn));
  const pipeline = exportProcessor(config, redactor, drops, output.log);
  if (pipeline) spanProcessors.push(pipeline);
  const provider = new NodeTracerProvider({ resource, sampler: buildSampler(config), spanProcessors });
  provider.register({ propagator: buildPropagator(config.propagators) });
  return {
    provider,
    tracer: provider.getTracer(TRACER_NAME),
    droppedSpans: () => drops.total,
    shutdown: async () => {
      try {
        await provider.shutdown();
      } finally {
        drops.flush();
        drops.stop();
      }
    },
  };
}
