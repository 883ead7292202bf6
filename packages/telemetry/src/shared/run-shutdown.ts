/** One named shutdown step; may reject or hang, the runner contains both. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

function settleWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
    timer.unref();
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

function safely(step: ShutdownStep, failed: string[]): Promise<void> {
  try {
    // Attach the handler at once: a rejection after the deadline (the stock provider rejects
    // with ECONNREFUSED) must never become an unhandled rejection.
    return step.run().catch(() => {
      failed.push(step.name);
    });
  } catch {
    failed.push(step.name);
    return Promise.resolve();
  }
}

/** Outcome of {@link runShutdown}: steps that failed and steps still running at the deadline. */
export interface ShutdownReport {
  failed: string[];
  timedOut: string[];
}

/**
 * Run `parallel` steps together, then `last` steps, all within `timeoutMs` in total; `last`
 * (the logger) keeps a reserved slice, and `beforeLast` can log what the first group reported.
 * Never rejects, never waits past the deadline.
 */
export async function runShutdown(
  parallel: ShutdownStep[],
  last: ShutdownStep[],
  timeoutMs: number,
  beforeLast?: (report: ShutdownReport) => void,
): Promise<ShutdownReport> {
  const deadline = Date.now() + timeoutMs;
  const reserve = last.length > 0 ? Math.min(1000, Math.floor(timeoutMs / 4)) : 0;
  const report: ShutdownReport = { failed: [], timedOut: [] };
  const group = async (steps: ShutdownStep[], until: number) => {
    const done = new Set<string>();
    const all = Promise.all(steps.map((s) => safely(s, report.failed).then(() => done.add(s.name)))).then(
      () => {},
    );
    if (!(await settleWithin(all, until - Date.now())))
      report.timedOut.push(...steps.filter((s) => !done.has(s.name)).map((s) => s.name));
  };
  await group(parallel, deadline - reserve);
  try {
    beforeLast?.(report);
  } catch {
    // Reporting is best effort.
  }
  await group(last, deadline);
  return report;
}
