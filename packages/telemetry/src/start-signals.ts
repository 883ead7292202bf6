import type { Redactor } from '@fasttodo/redact';
import { context, diag, propagation, trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import type { Resource } from '@opentelemetry/resources';
import { DEFAULTS } from './config/defaults';
import { withoutHeaderEnv } from './config/hide-header-env';
import type { ResolvedConfig } from './config/types';
import { createLogging } from './logs/setup';
import type { Logging } from './logs/types';
import { createMetrics } from './metrics/setup';
import type { Metrics } from './metrics/types';
import { runShutdown } from './shutdown';
import type { InstrumentationList } from './config/runtime-options';
import { startTracing, type Tracing } from './tracing/setup';

/** The logger, built first so every later warning has somewhere to go. */
export function startLogging(config: ResolvedConfig, resource: Resource, redactor: Redactor): Logging {
  const { logs } = config;
  return withoutHeaderEnv(() =>
    createLogging(
      {
        level: logs.level,
        format: logs.format,
        serviceName: config.serviceName,
        environment: config.environment,
        ...(logs.transports ? { transports: logs.transports } : {}),
        ...(logs.stream ? { stream: logs.stream } : {}),
        ...(logs.exporter === 'otlp' && logs.endpoint && !config.disabled
          ? {
              otlp: {
                url: logs.endpoint,
                headers: logs.headers ?? {},
                timeoutMillis: logs.timeoutMs ?? DEFAULTS.timeoutMs,
                resource,
              },
            }
          : {}),
      },
      redactor,
    ),
  );
}

function startMetrics(
  config: ResolvedConfig,
  resource: Resource,
  redactor: Redactor,
  logging: Logging,
): Metrics {
  const metrics = { ...config.metrics, enabled: config.metrics.enabled && !config.disabled };
  return createMetrics(
    metrics,
    resource,
    (message, fields) => logging.logger.warn(message, fields),
    redactor,
  );
}

/** Remove the global tracer provider, propagator, context manager and diag logger. */
export function unregisterGlobals(): void {
  trace.disable();
  propagation.disable();
  context.disable();
  diag.disable();
}

type Warn = (message: string, fields?: object) => void;

/** Everything one running instance owns. */
export interface Parts {
  logging: Logging;
  metrics: Metrics;
  tracing?: Tracing;
  stopInstrumentations: () => void;
}

/** Start metrics, then tracing and instrumentations (unless disabled); on failure undo everything and rethrow. */
export function startParts(
  config: ResolvedConfig,
  resource: Resource,
  redactor: Redactor,
  logging: Logging,
  instrumentations: InstrumentationList,
): Parts {
  const warn: Warn = (message, fields) => logging.logger.warn(message, fields);
  let metrics: Metrics | undefined;
  let tracing: Tracing | undefined;
  try {
    metrics = startMetrics(config, resource, redactor, logging);
    if (config.disabled) return { logging, metrics, stopInstrumentations: () => {} };
    tracing = withoutHeaderEnv(() =>
      startTracing(config.traces, resource, redactor, {
        warn,
        log: (message, fields) => logging.logger.info(message, fields),
        warnIntervalMs: config.warnIntervalMs,
      }),
    );
    const stopInstrumentations = registerInstrumentations({
      instrumentations: [...instrumentations],
      tracerProvider: tracing.provider,
      meterProvider: metrics.meterProvider,
    });
    return { logging, metrics, tracing, stopInstrumentations };
  } catch (error) {
    // Leave nothing half-started behind: no global provider, no listener, no open transports.
    void tracing?.shutdown().catch(() => {});
    void metrics?.shutdown().catch(() => {});
    void logging.shutdown().catch(() => {});
    unregisterGlobals();
    throw error;
  }
}

/** Stop everything within `timeoutMs`; never rejects. Unregisters the OpenTelemetry globals. */
export async function stopParts(parts: Parts, timeoutMs: number): Promise<void> {
  parts.stopInstrumentations();
  await runShutdown(
    [
      { name: 'traces', run: () => parts.tracing?.shutdown() ?? Promise.resolve() },
      { name: 'metrics', run: () => parts.metrics.shutdown() },
    ],
    [{ name: 'logs', run: () => parts.logging.shutdown() }],
    timeoutMs,
    (report) => {
      if (report.timedOut.length > 0 || report.failed.length > 0)
        parts.logging.logger.warn('telemetry: shutdown incomplete', {
          timed_out: report.timedOut,
          failed: report.failed,
        });
    },
  );
  unregisterGlobals();
}
