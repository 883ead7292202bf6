import { failWithoutChecks, httpStatusOf } from './aggregate';
import { createCheckGroup } from './check-group';
import { createLivenessMonitor } from './liveness';
import { resolveOptions } from './options';
import { createOutputSanitizer } from './output';
import type { CheckResult, Health, HealthOptions, HealthResult } from './types';

/** Output of `ready()` (and of `startup()` before it passed) once {@link Health.drain} was called. */
export const DRAINING = 'draining';

/**
 * Creates liveness, readiness and startup probes over timed, cached, shared dependency checks.
 * Options are validated here: a bad option throws a `HealthConfigError` naming it.
 *
 * @example
 * const health = createHealth({
 *   version: '1.4.2',
 *   checks: [checks.sql(pool), checks.redis(redis, { critical: false }), { name: 'queue', check: pingQueue }],
 *   cacheMs: 1000,
 * });
 * const { httpStatus, body } = await health.ready(); // 200 pass/warn, 503 fail
 */
export function createHealth(options?: HealthOptions): Health {
  const resolved = resolveOptions(options);
  const sanitize = createOutputSanitizer(resolved.maxOutputLength);
  const readiness = createCheckGroup(resolved.checks, resolved.version, resolved.cacheMs, sanitize);
  const startupGroup = resolved.startupChecks
    ? createCheckGroup(resolved.startupChecks, resolved.version, resolved.cacheMs, sanitize)
    : readiness;
  const monitor =
    resolved.maxEventLoopBlockMs === undefined
      ? undefined
      : createLivenessMonitor(resolved.maxEventLoopBlockMs, resolved.livenessFailForMs);
  let draining = false;
  let started: HealthResult | undefined;

  const ready = async (): Promise<HealthResult> => {
    if (draining) return failWithoutChecks(resolved.version, DRAINING);
    const result = await readiness.run();
    if (draining) return failWithoutChecks(resolved.version, DRAINING);
    if (startupGroup === readiness && result.httpStatus === 200) started ??= result;
    return result;
  };

  const startup = async (): Promise<HealthResult> => {
    if (started) return { ...started, body: { ...started.body, timestamp: new Date().toISOString() } };
    const result = startupGroup === readiness ? await ready() : await startupGroup.run();
    if (result.httpStatus === 200) started ??= result;
    return result;
  };

  return {
    live: async () => live(resolved.version, monitor?.check()),
    ready,
    startup,
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    close() {
      monitor?.stop();
    },
  };
}

function live(version: string, eventLoop: CheckResult | undefined): HealthResult {
  const status = eventLoop?.status === 'fail' ? 'fail' : 'pass';
  const checks: Record<string, CheckResult> = eventLoop ? { eventLoop } : {};
  return {
    httpStatus: httpStatusOf(status),
    body: { status, timestamp: new Date().toISOString(), version, checks },
  };
}
