import { TelemetryConfigError } from '../errors';
import type {
  KeepErrorsOptions,
  PropagatorName,
  SamplerName,
  SlowSpanThresholds,
  TraceExporterName,
  TracesOptions,
} from '../options';
import { DEFAULT_SLOW_SPANS, DEFAULTS, isProduction } from './defaults';
import type { EnvReader } from './env';
import { rejectUnknownKeys } from './known-keys';
import { resolveOtlpExport } from './otlp-export';
import type { ResolvedKeepErrors, ResolvedSlowSpans, ResolvedTraces } from './types';
import { optBool, optInt, optList, optNumber, optObject, optOneOf, optRatio } from './validate';

export const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];
export const TRACE_EXPORTERS: readonly TraceExporterName[] = ['otlp', 'console', 'none'];
const PROPAGATORS: readonly PropagatorName[] = ['tracecontext', 'baggage'];
const SLOW_KINDS = ['server', 'client', 'internal', 'producer', 'consumer', 'database'] as const;
const LOCAL_COLLECTOR = 'http://localhost:4318/v1/traces';

function resolveSampling(o: TracesOptions, env: EnvReader, environment: string) {
  const sampler =
    optOneOf('traces.sampler', o.sampler, SAMPLERS) ??
    env.oneOf('OTEL_TRACES_SAMPLER', SAMPLERS, DEFAULTS.sampler) ??
    DEFAULTS.sampler;
  const fallbackRatio = isProduction(environment) ? DEFAULTS.ratioProduction : DEFAULTS.ratioDevelopment;
  const optionRatio = optRatio('traces.sampleRatio', o.sampleRatio);
  const usesRatio = sampler.endsWith('traceidratio');
  const envRatio =
    optionRatio === undefined && usesRatio
      ? env.ratio('OTEL_TRACES_SAMPLER_ARG', String(fallbackRatio))
      : undefined;
  return { sampler, sampleRatio: optionRatio ?? envRatio ?? fallbackRatio };
}

function resolveKeepErrors(value: TracesOptions['keepErrors']): ResolvedKeepErrors {
  const base = {
    enabled: true,
    maxTraces: DEFAULTS.keepErrorsMaxTraces,
    maxSpansPerTrace: DEFAULTS.keepErrorsMaxSpansPerTrace,
  };
  if (value === undefined || value === true) return base;
  if (value === false) return { ...base, enabled: false };
  const o = optObject('traces.keepErrors', value) as KeepErrorsOptions;
  rejectUnknownKeys('traces.keepErrors', o);
  return {
    enabled: optBool('traces.keepErrors.enabled', o.enabled) ?? true,
    keepSlowerThanMs: optNumber('traces.keepErrors.keepSlowerThanMs', o.keepSlowerThanMs, 0),
    maxTraces: optInt('traces.keepErrors.maxTraces', o.maxTraces, 1) ?? base.maxTraces,
    maxSpansPerTrace:
      optInt('traces.keepErrors.maxSpansPerTrace', o.maxSpansPerTrace, 1) ?? base.maxSpansPerTrace,
  };
}

function resolveSlowSpans(value: TracesOptions['slowSpans']): ResolvedSlowSpans | false {
  if (value === false) return false;
  if (value === undefined) return { ...DEFAULT_SLOW_SPANS };
  const o = optObject('traces.slowSpans', value) as SlowSpanThresholds;
  rejectUnknownKeys('traces.slowSpans', o);
  const out: ResolvedSlowSpans = { ...DEFAULT_SLOW_SPANS };
  for (const kind of SLOW_KINDS) {
    const ms = optNumber(`traces.slowSpans.${kind}`, o[kind], 0);
    if (ms !== undefined) out[kind] = ms;
  }
  return out;
}

function resolveExport(o: TracesOptions, env: EnvReader) {
  const { endpoint, headers, timeoutMs } = resolveOtlpExport('traces', o, env);
  const exporterDefault = endpoint ? 'otlp' : 'none';
  const exporter =
    optOneOf('traces.exporter', o.exporter, TRACE_EXPORTERS) ??
    env.oneOf('OTEL_TRACES_EXPORTER', TRACE_EXPORTERS, exporterDefault) ??
    exporterDefault;
  return {
    exporter,
    endpoint: exporter === 'otlp' ? (endpoint ?? LOCAL_COLLECTOR) : endpoint,
    headers,
    timeoutMs,
  };
}

function resolveQueue(o: TracesOptions, env: EnvReader) {
  const maxQueueSize =
    optInt('traces.maxQueueSize', o.maxQueueSize, 1) ??
    env.integer('OTEL_BSP_MAX_QUEUE_SIZE', 1, String(DEFAULTS.maxQueueSize)) ??
    DEFAULTS.maxQueueSize;
  const batchOption = optInt('traces.maxExportBatchSize', o.maxExportBatchSize, 1);
  if (batchOption !== undefined && batchOption > maxQueueSize)
    throw new TelemetryConfigError(
      'traces.maxExportBatchSize',
      `at most maxQueueSize (${maxQueueSize})`,
      batchOption,
    );
  const batchEnv = env.integer('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 1, String(DEFAULTS.maxExportBatchSize));
  const maxExportBatchSize = Math.min(batchOption ?? batchEnv ?? DEFAULTS.maxExportBatchSize, maxQueueSize);
  const scheduledDelayMs =
    optInt('traces.scheduledDelayMs', o.scheduledDelayMs, 0) ??
    env.integer('OTEL_BSP_SCHEDULE_DELAY', 0, String(DEFAULTS.scheduledDelayMs)) ??
    DEFAULTS.scheduledDelayMs;
  const exportTimeoutMs =
    optInt('traces.exportTimeoutMs', o.exportTimeoutMs, 1) ??
    env.integer('OTEL_BSP_EXPORT_TIMEOUT', 1, String(DEFAULTS.exportTimeoutMs)) ??
    DEFAULTS.exportTimeoutMs;
  return { maxQueueSize, maxExportBatchSize, scheduledDelayMs, exportTimeoutMs };
}

function resolvePropagators(o: TracesOptions, env: EnvReader): readonly PropagatorName[] {
  const fromOption = optList('traces.propagators', o.propagators, PROPAGATORS);
  if (fromOption) return fromOption;
  if (env.string('OTEL_PROPAGATORS')?.toLowerCase() === 'none') return [];
  return (
    env.list('OTEL_PROPAGATORS', PROPAGATORS, DEFAULTS.propagators.join(',')) ?? [...DEFAULTS.propagators]
  );
}

/** Trace settings from `options.traces` over `OTEL_*` variables over defaults. */
export function resolveTraces(value: unknown, env: EnvReader, environment: string): ResolvedTraces {
  const o = (optObject('traces', value) ?? {}) as TracesOptions;
  rejectUnknownKeys('traces', o);
  return {
    ...resolveSampling(o, env, environment),
    keepErrors: resolveKeepErrors(o.keepErrors),
    ...resolveExport(o, env),
    ...resolveQueue(o, env),
    propagators: resolvePropagators(o, env),
    slowSpans: resolveSlowSpans(o.slowSpans),
  };
}
