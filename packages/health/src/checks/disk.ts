import { statfs } from 'node:fs/promises';
import { HealthConfigError } from '../errors';
import type { HealthCheck } from '../types';
import type { CommonCheckOptions } from './common';
import { readOptions, round1, thresholdResult, thresholds } from './common';

/** Options of {@link disk}. */
export interface DiskCheckOptions extends CommonCheckOptions {
  /** Any path on the filesystem to watch; default `process.cwd()`. */
  path?: string;
  /** Used-space percentage at which the check warns; default 90. */
  warnPercent?: number;
  /** Used-space percentage at which the check fails; default 95. */
  failPercent?: number;
}

/**
 * Disk space check (`fs.statfs`): reports used space in percent of what unprivileged users can use, like `df`.
 * @example createHealth({ checks: [checks.disk({ path: '/var/lib/app', warnPercent: 80, failPercent: 95 })] })
 */
export function disk(options?: DiskCheckOptions): HealthCheck {
  const { raw, common } = readOptions('disk', options, ['path', 'warnPercent', 'failPercent']);
  const [warn, fail] = thresholds('disk', raw, ['warnPercent', 'failPercent'], [90, 95], 100);
  if (raw.path !== undefined && (typeof raw.path !== 'string' || raw.path === '')) {
    throw new HealthConfigError('checks.disk.path', 'a non-empty string', raw.path);
  }
  const path = (raw.path as string | undefined) ?? process.cwd();
  return {
    ...common,
    check: async () => {
      const stats = await statfs(path);
      const used = (stats.blocks - stats.bfree) * stats.bsize;
      const usable = used + stats.bavail * stats.bsize;
      const percent = usable > 0 ? round1((used / usable) * 100) : 0;
      const observed = { value: percent, unit: 'percent', text: `disk ${percent}% used` } as const;
      return thresholdResult(observed, warn, fail, { free_bytes: stats.bavail * stats.bsize });
    },
  };
}
