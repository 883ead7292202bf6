import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { HealthCheck } from '../types';
import type { CommonCheckOptions } from './common';
import { readOptions, round1, thresholdResult, thresholds } from './common';
import { positiveMsOption } from '../validate';

/** Options of {@link eventLoopDelay}. */
export interface EventLoopDelayCheckOptions extends CommonCheckOptions {
  /** p99 event-loop delay (ms) since the previous check at which to warn; default 200. */
  warnMs?: number;
  /** p99 delay (ms) at which to fail; default 1000. */
  failMs?: number;
  /** Sampling resolution of the histogram (ms); default 10. */
  resolutionMs?: number;
}

/**
 * Event-loop delay check: p99 of `perf_hooks.monitorEventLoopDelay` since the previous run of this check.
 * Use it in readiness to shed traffic from a saturated process; for liveness use `liveness.maxEventLoopBlockMs`.
 * @example createHealth({ checks: [checks.eventLoopDelay({ warnMs: 100, failMs: 500, critical: false })] })
 */
export function eventLoopDelay(options?: EventLoopDelayCheckOptions): HealthCheck {
  const { raw, common } = readOptions('eventLoopDelay', options, ['warnMs', 'failMs', 'resolutionMs']);
  const [warn, fail] = thresholds('eventLoopDelay', raw, ['warnMs', 'failMs'], [200, 1000], 3_600_000);
  const resolution = Math.max(
    1,
    Math.round(positiveMsOption('checks.eventLoopDelay.resolutionMs', raw.resolutionMs, 10)),
  );
  let histogram: ReturnType<typeof monitorEventLoopDelay> | undefined;
  return {
    ...common,
    check: async () => {
      // Started on first use so a health object that never runs this check costs nothing.
      if (!histogram) {
        histogram = monitorEventLoopDelay({ resolution });
        histogram.enable();
      }
      // The histogram records the whole interval between samples, so the sampling period itself is removed.
      const delay = (ns: number) =>
        round1(histogram && histogram.count > 0 ? Math.max(0, ns / 1e6 - resolution) : 0);
      const p99 = delay(histogram.percentile(99));
      const max = delay(histogram.max);
      histogram.reset();
      const observed = { value: p99, unit: 'ms', text: `event loop delay p99 ${p99}ms` } as const;
      return thresholdResult(observed, warn, fail, { max_ms: max });
    },
  };
}
