import { performance } from 'node:perf_hooks';
import { CheckTimeoutError } from './errors';
import type { ResolvedCheck } from './options';
import type { OutputSanitizer } from './output';
import type { CheckDetail, CheckResult, HealthStatus } from './types';

/** One call of a user check, alive until its promise settles (even long after its timeout). */
interface Invocation {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/** Runs one check with its timeout; never rejects. */
export interface CheckRunner {
  run(): Promise<CheckResult>;
}

const STATUSES: readonly unknown[] = ['pass', 'warn', 'fail'];

/**
 * Wraps a check so every run is bounded by its timeout (the signal aborts when it elapses) and a check
 * still running past its timeout is never started again until it settles: later runs wait on the same call.
 */
export function createCheckRunner(def: ResolvedCheck, sanitize: OutputSanitizer): CheckRunner {
  let pending: Invocation | undefined;

  const start = (): Invocation => {
    const controller = new AbortController();
    const invocation = { promise: invoke(def, controller.signal), controller };
    const clear = () => {
      if (pending === invocation) pending = undefined;
    };
    invocation.promise.then(clear, clear);
    pending = invocation;
    return invocation;
  };

  return {
    async run() {
      const startedAt = performance.now();
      const invocation = pending ?? start();
      const outcome = await withTimeout(invocation.promise, def.timeoutMs);
      if (outcome.kind === 'timeout') invocation.controller.abort(new CheckTimeoutError(def.timeoutMs));
      const responseMs = Math.round(performance.now() - startedAt);
      try {
        return toResult(outcome, invocation.controller.signal.aborted, responseMs, def.timeoutMs, sanitize);
      } catch {
        // A hostile result (throwing getter, proxy) must not break the probe.
        return { status: 'fail', response_ms: responseMs, output: 'check returned an unreadable result' };
      }
    },
  };
}

function invoke(def: ResolvedCheck, signal: AbortSignal): Promise<unknown> {
  try {
    return Promise.resolve(def.check(signal));
  } catch (error) {
    return Promise.reject(error);
  }
}

function withTimeout(promise: Promise<unknown>, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: 'value', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'error', error });
      },
    );
  });
}

function toResult(
  outcome: Outcome,
  timedOut: boolean,
  responseMs: number,
  timeoutMs: number,
  sanitize: OutputSanitizer,
): CheckResult {
  if (outcome.kind === 'value') return fromDetail(outcome.value, responseMs, sanitize);
  const output =
    outcome.kind === 'timeout' || timedOut
      ? new CheckTimeoutError(timeoutMs).message
      : sanitize.error(outcome.error);
  return { status: 'fail', response_ms: responseMs, output };
}

function fromDetail(value: unknown, responseMs: number, sanitize: OutputSanitizer): CheckResult {
  if (value === null || typeof value !== 'object') return { status: 'pass', response_ms: responseMs };
  const detail = value as CheckDetail;
  const valid = detail.status === undefined || STATUSES.includes(detail.status);
  const status: HealthStatus = valid ? (detail.status ?? 'pass') : 'fail';
  const result: CheckResult = { status, response_ms: responseMs, ...sanitize.detail(detail) };
  if (!valid) result.output = `invalid status returned: ${sanitize.text(String(detail.status))}`;
  else if (typeof detail.output === 'string') result.output = sanitize.text(detail.output);
  return result;
}
