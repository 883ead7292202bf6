import type { CheckResult, HealthBody, HealthResult, HealthStatus } from './types';

/** One finished check with the flag that decides how its failure counts. */
export interface NamedResult {
  readonly name: string;
  readonly critical: boolean;
  readonly result: CheckResult;
}

/**
 * Rolls check results up: a failing critical check fails the whole; a failing non-critical check or any
 * `warn` degrades it to `warn`; otherwise `pass`.
 */
export function rollUp(results: readonly NamedResult[]): HealthStatus {
  let status: HealthStatus = 'pass';
  for (const { critical, result } of results) {
    if (result.status === 'fail' && critical) return 'fail';
    if (result.status !== 'pass') status = 'warn';
  }
  return status;
}

/** The HTTP status for a rolled-up status: 200 for pass/warn, 503 for fail. */
export function httpStatusOf(status: HealthStatus): 200 | 503 {
  return status === 'fail' ? 503 : 200;
}

/** Builds the probe result from finished checks. */
export function toHealthResult(
  version: string,
  results: readonly NamedResult[],
  timestamp: string,
): HealthResult {
  const checks: Record<string, CheckResult> = {};
  for (const { name, result } of results) checks[name] = result;
  const status = rollUp(results);
  return { httpStatus: httpStatusOf(status), body: { status, timestamp, version, checks } };
}

/** A failing result that ran no checks, e.g. `draining`. */
export function failWithoutChecks(version: string, output: string): HealthResult {
  const body: HealthBody = {
    status: 'fail',
    timestamp: new Date().toISOString(),
    version,
    output,
    checks: {},
  };
  return { httpStatus: 503, body };
}
