/** Health of one check or of the whole service (the three values of the IETF health-check draft). */
export type HealthStatus = 'pass' | 'warn' | 'fail';

/** JSON primitive allowed as a detail value in a check result. */
export type DetailValue = string | number | boolean | null;

/**
 * What a check may return: an optional status (default `pass`), an observed value and unit, a short
 * `output` text and any other flat details. Values that are not JSON primitives are dropped.
 */
export interface CheckDetail {
  /** `warn` degrades the service, `fail` fails it (when the check is critical); default `pass`. */
  status?: HealthStatus;
  /** The measured value, e.g. `42` for 42 % disk used. */
  observedValue?: DetailValue;
  /** Unit of `observedValue`, e.g. `ms`, `percent`, `bytes`. */
  observedUnit?: string;
  /** Short human-readable explanation; redacted and length-bounded before it is served. */
  output?: string;
  /** Extra flat details (primitives only). */
  [key: string]: DetailValue | undefined;
}

/** A dependency check; it receives an `AbortSignal` that aborts when its timeout elapses. */
// biome-ignore lint/suspicious/noConfusingVoidType: `async () => {}` (Promise<void>) must be a valid check.
export type CheckFunction = (signal: AbortSignal) => Promise<void | CheckDetail> | void | CheckDetail;

/** One named check in {@link HealthOptions.checks}. */
export interface HealthCheck {
  /** Unique name; the key of this check in the response body. */
  name: string;
  /** Resolves when healthy (optionally with details), rejects or returns `status: 'fail'` when not. */
  check: CheckFunction;
  /** Per-check timeout in milliseconds; default 2000. A check exceeding it fails with `timeout after Nms`. */
  timeoutMs?: number;
  /** A failing critical check fails readiness (503); a failing non-critical one only degrades it to `warn`. Default true. */
  critical?: boolean;
}

/** Result of one check in the response body. */
export interface CheckResult {
  /** Status of this check. */
  status: HealthStatus;
  /** How long the check took, in whole milliseconds. */
  response_ms: number;
  /** Redacted, length-bounded reason, when the check did not pass or returned one. */
  output?: string;
  /** Flat details returned by the check (observedValue, observedUnit, ...). */
  [key: string]: DetailValue | undefined;
}

/** Response body, served as `application/json` (see `HEALTH_CONTENT_TYPE`). */
export interface HealthBody {
  /** Rolled-up status. */
  status: HealthStatus;
  /** ISO-8601 time at which the checks behind this body ran. */
  timestamp: string;
  /** Service version from {@link HealthOptions.version}. */
  version: string;
  /** Why the probe fails without running checks, e.g. `draining`. */
  output?: string;
  /** One entry per check. */
  checks: Record<string, CheckResult>;
}

/** What every probe returns: the HTTP status to answer with and the JSON body. */
export interface HealthResult {
  /** 200 for `pass` and `warn`, 503 for `fail`. */
  httpStatus: 200 | 503;
  /** Body to serialise as JSON. */
  body: HealthBody;
}

/** Liveness options; liveness never touches dependencies. */
export interface LivenessOptions {
  /** Fail liveness when the event loop was blocked longer than this (ms). Off when omitted. */
  maxEventLoopBlockMs?: number;
  /** How long liveness keeps failing after such a block ended (ms); default 10000. */
  failForMs?: number;
}

/** Options of {@link createHealth}. */
export interface HealthOptions {
  /** Service version reported in every body; default `"unknown"`. */
  version?: string;
  /** Readiness checks, run in parallel; default none. */
  checks?: readonly HealthCheck[];
  /** How long a readiness result is reused (ms, counted from when the run finished); default 1000. 0 disables the cache (concurrent callers still share one run). */
  cacheMs?: number;
  /** Checks that must pass once for `startup()` to pass; default: readiness must pass once. */
  startupChecks?: readonly HealthCheck[];
  /** Liveness options. */
  liveness?: LivenessOptions;
  /** Longest `output` text served (characters); default 300, between 16 and 4096. */
  maxOutputLength?: number;
}

/** The object returned by {@link createHealth}. */
export interface Health {
  /** Liveness: never touches dependencies; fails only when the event loop was blocked (if configured). */
  live(): Promise<HealthResult>;
  /** Readiness: all checks in parallel, each with its own timeout; shared and cached. Never rejects. */
  ready(): Promise<HealthResult>;
  /** Startup: passes for good once readiness (or the startup checks) passed once. */
  startup(): Promise<HealthResult>;
  /**
   * Start draining: from now on `ready()` fails with output `draining`, so load balancers stop sending
   * traffic; `live()` keeps passing. `installGracefulShutdown` calls it first on SIGTERM.
   */
  drain(): void;
  /** `true` once {@link Health.drain} was called. */
  readonly draining: boolean;
  /** Stop background timers (liveness monitor); probes keep answering, liveness no longer sees new blocks. */
  close(): void;
}
