import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { HealthConfigError } from '../errors';
import type { HealthCheck } from '../types';
import { cgroupMemoryLimit } from './cgroup';
import type { CommonCheckOptions } from './common';
import { readOptions, round1, thresholdResult, thresholds } from './common';

/** Options of {@link memory}. */
export interface MemoryCheckOptions extends CommonCheckOptions {
  /** Percentage (of the RSS limit or of the V8 heap limit, whichever is higher) at which to warn; default 85. */
  warnPercent?: number;
  /** Percentage at which to fail; default 95. */
  failPercent?: number;
  /** Where the cgroup filesystem is mounted; default `/sys/fs/cgroup`. */
  cgroupRoot?: string;
}

/**
 * Memory check: RSS against the container limit (cgroup v2, then v1, else total memory) and V8 heap used
 * against the heap limit; reports the higher of the two percentages.
 * @example createHealth({ checks: [checks.memory({ warnPercent: 80, failPercent: 95, critical: false })] })
 */
export function memory(options?: MemoryCheckOptions): HealthCheck {
  const { raw, common } = readOptions('memory', options, ['warnPercent', 'failPercent', 'cgroupRoot']);
  const [warn, fail] = thresholds('memory', raw, ['warnPercent', 'failPercent'], [85, 95], 100);
  if (raw.cgroupRoot !== undefined && typeof raw.cgroupRoot !== 'string') {
    throw new HealthConfigError('checks.memory.cgroupRoot', 'a string', raw.cgroupRoot);
  }
  const root = (raw.cgroupRoot as string | undefined) ?? '/sys/fs/cgroup';
  return {
    ...common,
    check: async () => {
      const cgroupLimit = await cgroupMemoryLimit(root);
      const rssLimit = Math.min(cgroupLimit ?? Number.POSITIVE_INFINITY, totalmem());
      const rss = process.memoryUsage.rss();
      const heap = getHeapStatistics();
      const percent = round1(Math.max(rss / rssLimit, heap.used_heap_size / heap.heap_size_limit) * 100);
      const observed = { value: percent, unit: 'percent', text: `memory ${percent}% used` } as const;
      return thresholdResult(observed, warn, fail, {
        rss_bytes: rss,
        rss_limit_bytes: rssLimit,
        limit_source: cgroupLimit === undefined ? 'os' : 'cgroup',
        heap_used_bytes: heap.used_heap_size,
        heap_limit_bytes: heap.heap_size_limit,
      });
    },
  };
}
