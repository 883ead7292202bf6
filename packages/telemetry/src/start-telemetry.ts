import type { Redactor } from '@fasttodo/redact';
import { trace } from '@opentelemetry/api';
import { resolveConfig } from './config/resolve-config';
import type { Env, ResolvedConfig } from './config/types';
import { installDiagLogger } from './diag-logger';
import { TelemetryAlreadyStartedError } from './errors';
import { globalState } from './global-state';
import { bindLogContext, withLogContext } from './logs/log-context';
import type { TelemetryOptions } from './options';
import { buildResource } from './resource';
import { toSettings } from './config/settings';
import { type Parts, startLogging, startParts, stopParts } from './start-signals';
import type { Telemetry } from './telemetry';
import { TRACER_NAME } from './tracing/setup';

// On globalThis, so a second start from the other build (ESM vs CJS) is refused too.
const state = globalState();

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
      stopping ??= stopParts(parts, config.shutdownTimeoutMs).finally(() => {
        state.started = false;
      });
      return stopping;
    },
  };
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
  const parts = startParts(config, resource, redactor, logging, instrumentations);
  state.started = true;
  return toTelemetry(parts, config, redactor);
}
