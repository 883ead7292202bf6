import type { ResolvedSlowSpans } from './types';

/** Every default in one place. */
export const DEFAULTS = {
  serviceName: 'unknown_service:node',
  environment: 'development',
  sampler: 'parentbased_traceidratio',
  ratioDevelopment: 1,
  ratioProduction: 0.1,
  timeoutMs: 10_000,
  maxQueueSize: 2048,
  maxExportBatchSize: 512,
  scheduledDelayMs: 5000,
  exportTimeoutMs: 30_000,
  propagators: ['tracecontext', 'baggage'],
  keepErrorsMaxTraces: 256,
  keepErrorsMaxSpansPerTrace: 64,
  otelLogLevel: 'warn',
  seriesLimit: 2000,
  metricExporters: ['prometheus'],
  metricExportIntervalMs: 60_000,
  metricExportTimeoutMs: 30_000,
  shutdownTimeoutMs: 5000,
  warnIntervalMs: 60_000,
} as const;

/** Slow-operation thresholds (ms) used unless `traces.slowSpans` says otherwise. */
export const DEFAULT_SLOW_SPANS: Readonly<ResolvedSlowSpans> = {
  server: 1000,
  client: 1000,
  consumer: 5000,
  database: 500,
};

/** Environments treated as production for sampling, log level and format defaults. */
export function isProduction(environment: string): boolean {
  return /^prod(uction)?$/i.test(environment);
}

/** Environments treated as development (pretty logs at debug level, ratio 1.0). */
export function isDevelopment(environment: string): boolean {
  return /^(dev|development|local)$/i.test(environment);
}
