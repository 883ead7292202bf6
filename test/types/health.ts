// Consumer code against the built @fasttodo/health types, compiled as ESM (.mts) and as CJS (.cts).
import {
  type CheckDetail,
  checks,
  createHealth,
  type Health,
  type HealthBody,
  type HealthCheck,
  type HealthResult,
  type HealthStatus,
} from '@fasttodo/health';

export async function healthCases(): Promise<void> {
  const db: HealthCheck = {
    name: 'db',
    check: async (signal: AbortSignal): Promise<CheckDetail | undefined> => {
      if (signal.aborted) throw new Error('aborted');
      return { status: 'warn', observedValue: 12, observedUnit: 'ms' };
    },
    timeoutMs: 500,
    critical: true,
  };
  const health: Health = createHealth({
    version: '1.4.0',
    checks: [db, checks.disk(), checks.memory(), checks.eventLoopDelay()],
    cacheMs: 1000,
  });

  const ready = await health.ready();
  expectExact<typeof ready, HealthResult>();
  expectExact<typeof ready.httpStatus, 200 | 503>();
  expectExact<typeof ready.body, HealthBody>();
  expectExact<typeof ready.body.status, HealthStatus>();
  expectExact<HealthStatus, 'pass' | 'warn' | 'fail'>();
  expectExact<typeof ready.body.timestamp, string>();
  expectExact<NonNullable<(typeof ready.body.checks)['db']>['response_ms'], number>();
  expectExact<Awaited<ReturnType<Health['live']>>, HealthResult>();
  expectExact<Awaited<ReturnType<Health['startup']>>, HealthResult>();
  health.drain();
  // @ts-expect-error renamed to drain()
  health.shutdown();

  // @ts-expect-error a check needs its function
  createHealth({ checks: [{ name: 'db' }] });
  // @ts-expect-error timeoutMs is a number of milliseconds
  createHealth({ checks: [{ name: 'db', check: () => undefined, timeoutMs: '2s' }] });
}
