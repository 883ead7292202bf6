import type { Redactor } from '@fasttodo/redact';
import type { Attributes } from '@opentelemetry/api';
import type { SlowSpanThresholds } from '../options';
import type {
  ResolvedConfig,
  ResolvedKeepErrors,
  ResolvedLogs,
  ResolvedMetrics,
  ResolvedOtlpMetrics,
  ResolvedTraces,
} from './types';

/** Trace settings in effect; header values are not shown, only their names. */
export type TraceSettings = Readonly<Omit<ResolvedTraces, 'headers' | 'keepErrors' | 'slowSpans'>> & {
  readonly headerNames: readonly string[];
  readonly keepErrors: Readonly<ResolvedKeepErrors>;
  readonly slowSpans: Readonly<SlowSpanThresholds> | false;
};

/** Log settings in effect; the stream and transports objects and header values are not shown. */
export type LogSettings = Readonly<Omit<ResolvedLogs, 'headers' | 'stream' | 'transports'>> & {
  readonly headerNames?: readonly string[];
};

/** Metric settings in effect; the push's header values are not shown, only their names. */
export type MetricSettings = Readonly<Omit<ResolvedMetrics, 'otlp'>> & {
  readonly otlp?: Readonly<Omit<ResolvedOtlpMetrics, 'headers'>> & {
    readonly headerNames: readonly string[];
  };
};

/**
 * What `telemetry.config` shows: the settings in effect after options, `OTEL_*` variables and defaults
 * were merged. A deep-frozen, JSON-safe view for diagnostics and tests; it never holds a header value
 * (those are often credentials), endpoints and resource attributes are redacted, and changing it changes nothing.
 */
export interface TelemetrySettings
  extends Readonly<Omit<ResolvedConfig, 'traces' | 'logs' | 'metrics' | 'resourceAttributes'>> {
  /** Attributes from `OTEL_RESOURCE_ATTRIBUTES` and `resourceAttributes` (detected ones are on the resource). */
  readonly resourceAttributes: Readonly<Attributes>;
  readonly traces: TraceSettings;
  readonly logs: LogSettings;
  readonly metrics: MetricSettings;
}

function traceSettings(traces: ResolvedTraces, redactor: Redactor): TraceSettings {
  const { headers, keepErrors, slowSpans, endpoint, ...rest } = traces;
  return Object.freeze({
    ...rest,
    ...(endpoint === undefined ? {} : { endpoint: redactor.redactUrl(endpoint) }),
    propagators: Object.freeze([...traces.propagators]),
    headerNames: Object.freeze(Object.keys(headers)),
    keepErrors: Object.freeze({ ...keepErrors }),
    slowSpans: slowSpans ? Object.freeze({ ...slowSpans }) : false,
  });
}

function logSettings(logs: ResolvedLogs, redactor: Redactor): LogSettings {
  const { headers, stream: _stream, transports: _transports, endpoint, ...rest } = logs;
  return Object.freeze({
    ...rest,
    ...(endpoint === undefined ? {} : { endpoint: redactor.redactUrl(endpoint) }),
    ...(headers ? { headerNames: Object.freeze(Object.keys(headers)) } : {}),
  });
}

function metricSettings(metrics: ResolvedMetrics, redactor: Redactor): MetricSettings {
  const { otlp, ...rest } = metrics;
  if (!otlp) return Object.freeze({ ...rest });
  const { headers, endpoint, ...push } = otlp;
  return Object.freeze({
    ...rest,
    otlp: Object.freeze({
      ...push,
      endpoint: redactor.redactUrl(endpoint),
      headerNames: Object.freeze(Object.keys(headers)),
    }),
  });
}

/** The public, deep-frozen view of a resolved config; endpoints and resource attributes are redacted. */
export function toSettings(config: ResolvedConfig, redactor: Redactor): TelemetrySettings {
  return Object.freeze({
    ...config,
    resourceAttributes: Object.freeze(redactor.redact({ ...config.resourceAttributes }) as Attributes),
    traces: traceSettings(config.traces, redactor),
    logs: logSettings(config.logs, redactor),
    metrics: metricSettings(config.metrics, redactor),
  });
}
