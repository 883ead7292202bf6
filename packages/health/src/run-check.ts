import { performance } from 'node:perf_hooks';
import { CheckTimeoutError } from './errors';
import type { ResolvedCheck } from './options';
import type { OutputSanitizer } from './output';
import type { CheckDetail, CheckResult, HealthStatus } from './types';

/**
 * One call of a user check, alive until its promise settles (even long after its timeout). Runs wait on it
 * through `waiters`, removed when they time out: a call that never settles must not collect one promise
 * reaction per probe (unbounded memory while a dependency hangs for days).
 */
interface Invocation {
  readonly controller: AbortController;
  readonly waiters: Set<(outcome: Outcome) => void>;
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/** Runs one check with its timeout; never rejects. */
export interface CheckRunner {
  run(): Promise<CheckResult>;
  /** Runs currently waiting on a still-pending call (0 once it settled or they timed out). */
  waiting(): number;
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
    const invocation: Invocation = { controller, waiters: new Set() };
    const settle = (outcome: Outcome) => {
      if (pending === invocation) pending = undefined;
      for (const wake of [...invocation.waiters]) wake(outcome);
    };
    invoke(def, controller.signal).then(
      (value) => settle({ kind: 'value', value }),
      (error: unknown) => settle({ kind: 'error', error }),
    );
    pending = invocation;
    return invocation;
  };

  return {
    async run() {
      const startedAt = performance.now();
      const invocation = pending ?? start();
      const outcome = await waitFor(invocation, def.timeoutMs);
      if (outcome.kind === 'timeout') invocation.controller.abort(new CheckTimeoutError(def.timeoutMs));
      const elapsed = performance.now() - startedAt;
      const responseMs = Math.round(elapsed);
      // A check that blocks the event loop also blocks its timer: it settles "in time" by the timer's clock.
      if (elapsed > def.timeoutMs) return timedOut(responseMs, def.timeoutMs);
      try {
        return toResult(outcome, invocation.controller.signal.aborted, responseMs, def.timeoutMs, sanitize);
      } catch {
        // A hostile result (throwing getter, proxy) must not break the probe.
        return { status: 'fail', response_ms: responseMs, output: 'check returned an unreadable result' };
      }
    },
    waiting: () => pending?.waiters.size ?? 0,
  };
}

function invoke(def: ResolvedCheck, signal: AbortSignal): Promise<unknown> {
  try {
    return Promise.resolve(def.check(signal));
  } catch (error) {
    return Promise.reject(error);
  }
}

function waitFor(invocation: Invocation, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      invocation.waiters.delete(done);
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs);
    invocation.waiters.add(done);
  });
}

function timedOut(responseMs: number, timeoutMs: number): CheckResult {
  return { status: 'fail', response_ms: responseMs, output: new CheckTimeoutError(timeoutMs).message };
}

function toResult(
  outcome: Outcome,
  aborted: boolean,
  responseMs: number,
  timeoutMs: number,
  sanitize: OutputSanitizer,
): CheckResult {
  if (outcome.kind === 'value') return fromDetail(outcome.value, responseMs, sanitize);
  if (outcome.kind === 'timeout' || aborted) return timedOut(responseMs, timeoutMs);
  return { status: 'fail', response_ms: responseMs, output: sanitize.error(outcome.error) };
}

function fromDetail(value: unknown, responseMs: number, sanitize: OutputSanitizer): CheckResult {
  if (value === null || typeof value !== 'object') return { status: 'pass', response_ms: responseMs };
  const detail = value as CheckDetail;
  // Each field is read once: a getter must not pass validation with one value and serve another.
  const { status: returned, output } = detail;
  const valid = returned === undefined || STATUSES.includes(returned);
  const status: HealthStatus = valid ? (returned ?? 'pass') : 'fail';
  const result: CheckResult = { status, response_ms: responseMs, ...sanitize.detail(detail) };
  if (!valid) result.output = `invalid status returned: ${sanitize.text(String(returned))}`;
  else if (typeof output === 'string') result.output = sanitize.text(output);
  return result;
}
