import { performance } from 'node:perf_hooks';
import type { CheckResult } from './types';

/** Detects a blocked event loop from timer drift, without touching any dependency. */
export interface LivenessMonitor {
  /** Current verdict: `fail` while the loop is (or recently was) blocked beyond the threshold. */
  check(): CheckResult;
  stop(): void;
}

/**
 * Starts an unref'd interval timer; a tick that arrives `maxBlockMs` later than planned means the loop was
 * blocked that long. A call made right after a block sees the overdue tick itself, so it needs no tick first.
 */
export function createLivenessMonitor(maxBlockMs: number, failForMs: number): LivenessMonitor {
  const intervalMs = Math.min(Math.max(Math.floor(maxBlockMs / 2), 10), 1000);
  let lastTick = performance.now();
  let lastBlock: { at: number; ms: number } | undefined;
  let stopped = false;

  const timer = setInterval(() => {
    const now = performance.now();
    const lag = now - lastTick - intervalMs;
    if (lag > maxBlockMs) lastBlock = { at: now, ms: lag };
    lastTick = now;
  }, intervalMs);
  timer.unref();

  return {
    check() {
      const now = performance.now();
      // Once stopped no tick is due any more: without this guard the drift would grow and fail liveness.
      const pendingLag = stopped ? 0 : Math.max(0, now - lastTick - intervalMs);
      const recent = lastBlock && now - lastBlock.at <= failForMs ? lastBlock.ms : 0;
      const observed = Math.max(pendingLag, recent);
      const status = observed > maxBlockMs ? 'fail' : 'pass';
      const result: CheckResult = {
        status,
        response_ms: 0,
        observedValue: Math.round(observed),
        observedUnit: 'ms',
      };
      if (status === 'fail')
        result.output = `event loop blocked for ${Math.round(observed)}ms (max ${maxBlockMs}ms)`;
      return result;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
