import type { Redactor } from '@fasttodo/redact';
import { context, diag, propagation, trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import type { Resource } from '@opentelemetry/resources';
import { withoutHeaderEnv } from './config/hide-header-env';
import { resolveConfig } from './config/resolve-config';
import type { InstrumentationList } from './config/runtime-options';
import { toSettings } from './config/settings';
import type { Env, ResolvedConfig } from './config/types';
import { TelemetryAlreadyStartedError } from './errors';
import { globalState } from './global-state';
import { installDiagLogger } from './logs/diag-logger';
import { bindLogContext, withLogContext } from './logs/log-context';
import { createLogging } from './logs/setup';
import type { Logging } from './logs/types';
import { observeDroppedSpans } from './metrics/dropped-spans-metric';
import { createMetrics } from './metrics/setup';
import type { Metrics } from './metrics/types';
import type { TelemetryOptions } from './options';
import { buildResource } from './resource';
import { runShutdown } from './shared/run-shutdown';
import type { Warn } from './shared/warn';
import type { Telemetry } from './telemetry';
import { startTracing, TRACER_NAME, type Tracing } from './tracing/setup';

// The one place where startup happens: the config is resolved once, then each signal is built from its part of
// it (logs first, so every later warning has somewhere to go), then the instrumentations are registered.

// On globalThis, so a second start from the other build (ESM vs CJS) is refused too.
const state = globalState();

/** Everything one running instance owns. */
interface Parts {
  logging: Logging;
  metrics: Metrics;
  tracing?: Tracing;
  stopInstrumentations: () => void;
}

/**
 * Start tracing, metrics and logging in one synchronous call. Reads the standard `OTEL_*`
 * variables plus `ENVIRONMENT`/`NODE_ENV`, `LOG_LEVEL`, `LOG_FORMAT`, `ENABLE_METRICS`; options
 * win. Registers the global tracer provider, the AsyncLocalStorage context manager and the
 * propagator. Throws `TelemetryConfigError` for an invalid option and
 * `TelemetryAlreadyStartedError` while a previous instance has not been shut down.
 *
 * @example
 * const telemetry = startTelemetry({ serviceName: 'todo-api', serviceVersion: '1.4.0' });
 * telemetry.tracer.startActiveSpan('work', (span) => { telemetry.logger.info('working'); span.end(); });
 * process.on('SIGTERM', () => void telemetry.shutdown());
 */
export function startTelemetry(options: TelemetryOptions = {}, env: Env = process.env): Telemetry {
  if (state.started) throw new TelemetryAlreadyStartedError();
  const { config, warnings, redactor, instrumentations } = resolveConfig(options, env);
  const resource = buildResource(config, redactor, env);
  const logging = startLogging(config, resource, redactor);
  for (const warning of warnings) logging.logger.warn(`telemetry config: ${warning}`);
  installDiagLogger(logging.logger, config.otelLogLevel);
  const parts = startSignals(config, resource, redactor, logging, instrumentations);
  state.started = true;
  return toTelemetry(parts, config, redactor);
}

function startLogging(config: ResolvedConfig, resource: Resource, redactor: Redactor): Logging {
  const logs = { ...config.logs, exporter: config.disabled ? ('none' as const) : config.logs.exporter };
  const setup = { ...logs, serviceName: config.serviceName, environment: config.environment, resource };
  // The stock OTLP exporters read header variables by themselves: only the validated headers may be sent.
  return withoutHeaderEnv(() => createLogging(setup, redactor));
}

/** Start metrics, then tracing and instrumentations (unless disabled); on failure undo everything and rethrow. */
function startSignals(
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
    const metricsConfig = { ...config.metrics, enabled: config.metrics.enabled && !config.disabled };
    metrics = withoutHeaderEnv(() => createMetrics(metricsConfig, resource, warn, redactor));
    if (config.disabled) return { logging, metrics, stopInstrumentations: () => {} };
    const log: Warn = (message, fields) => logging.logger.info(message, fields);
    tracing = withoutHeaderEnv(() =>
      startTracing(config.traces, resource, redactor, { warn, log, warnIntervalMs: config.warnIntervalMs }),
    );
    observeDroppedSpans(metrics.meterProvider, tracing.droppedSpans);
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

function toTelemetry(parts: Parts, config: ResolvedConfig, redactor: Redactor): Telemetry {
  const { metrics, tracing } = parts;
  let stopping: Promise<void> | undefined;
  return {
    tracer: tracing?.tracer ?? trace.getTracer(TRACER_NAME),
    meter: metrics.meter,
    logger: parts.logging.logger,
    redactor,
    config: toSettings(config, redactor),
    metricsText: () => metrics.metricsText(),
    defineCounter: (def) => metrics.defineCounter(def),
    defineHistogram: (def) => metrics.defineHistogram(def),
    defineGauge: (def) => metrics.defineGauge(def),
    withLogContext,
    bindLogContext,
    droppedSpans: () => tracing?.droppedSpans() ?? 0,
    shutdown: () => {
      stopping ??= stopSignals(parts, config.shutdownTimeoutMs).finally(() => {
        state.started = false;
      });
      return stopping;
    },
  };
}

/** Stop everything within `timeoutMs`; never rejects. Unregisters the OpenTelemetry globals. */
async function stopSignals(parts: Parts, timeoutMs: number): Promise<void> {
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

/** Remove the global tracer provider, propagator, context manager and diag logger. */
function unregisterGlobals(): void {
  trace.disable();
  propagation.disable();
  context.disable();
  diag.disable();
}
