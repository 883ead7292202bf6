import type { MeterProvider, ObservableResult } from '@opentelemetry/api';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import {
  ATTR_CPU_MODE,
  CPU_MODE_VALUE_SYSTEM,
  CPU_MODE_VALUE_USER,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
} from '@opentelemetry/semantic-conventions/incubating';

/** Stops the runtime collectors (timers, perf_hooks histograms, GC observer). */
export type StopRuntimeMetrics = () => void;

function observeCpu(result: ObservableResult): void {
  const usage = process.cpuUsage();
  result.observe(usage.user / 1e6, { [ATTR_CPU_MODE]: CPU_MODE_VALUE_USER });
  result.observe(usage.system / 1e6, { [ATTR_CPU_MODE]: CPU_MODE_VALUE_SYSTEM });
}

function observeRss(result: ObservableResult): void {
  result.observe(process.memoryUsage.rss());
}

/**
 * Event-loop delay and utilisation, GC durations and heap spaces from `@opentelemetry/instrumentation-runtime-node`,
 * plus process CPU time and resident memory (semantic-convention `process.*` metrics) from `process`.
 */
export function startRuntimeMetrics(meterProvider: MeterProvider, scope: string): StopRuntimeMetrics {
  const runtime = new RuntimeNodeInstrumentation({ enabled: false });
  runtime.setMeterProvider(meterProvider);
  runtime.enable();

  const meter = meterProvider.getMeter(scope);
  const cpu = meter.createObservableCounter(METRIC_PROCESS_CPU_TIME, {
    description: 'Total CPU seconds of this process by mode.',
    unit: 's',
  });
  const rss = meter.createObservableUpDownCounter(METRIC_PROCESS_MEMORY_USAGE, {
    description: 'Resident set size of this process.',
    unit: 'By',
  });
  cpu.addCallback(observeCpu);
  rss.addCallback(observeRss);
  return () => {
    runtime.disable();
    cpu.removeCallback(observeCpu);
    rss.removeCallback(observeRss);
  };
}
