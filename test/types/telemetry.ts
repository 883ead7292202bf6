// Consumer code against the built @fasttodo/telemetry types, compiled as ESM (.mts) and as CJS (.cts).
import {
  type BoundedCounter,
  type BoundedGauge,
  type BoundedHistogram,
  bindLogContext,
  startTelemetry,
  type Telemetry,
  TelemetryAlreadyStartedError,
  type TelemetryOptions,
  withLogContext,
} from '@fasttodo/telemetry';

export async function telemetryCases(): Promise<void> {
  const options: TelemetryOptions = {
    serviceName: 'todo-api',
    serviceVersion: '1.4.0',
    environment: 'production',
    logs: { level: 'info' },
  };
  const telemetry: Telemetry = startTelemetry(options);
  // The OpenTelemetry and winston types come through (not `any`): their methods type-check.
  const span = telemetry.tracer.startSpan('work');
  expectNotAny(span);
  span.setAttribute('todo.count', 3).end();
  expectNotAny(telemetry.meter.createCounter('raw_counter'));
  expectNotAny(telemetry.logger.child({ component: 'sync' }));
  expectExact<ReturnType<Telemetry['metricsText']>, Promise<string>>();
  expectExact<ReturnType<Telemetry['shutdown']>, Promise<void>>();

  const todos = telemetry.defineCounter({
    namespace: 'fasttodo',
    name: 'todos_created',
    help: 'Todos created.',
    labelNames: ['list'],
  });
  expectExact<typeof todos, BoundedCounter<'list'>>();
  todos.inc();
  todos.inc(1, { list: 'inbox' });
  todos.inc(2, { list: 'inbox' });
  // @ts-expect-error one argument order for every bounded metric: the value comes first
  todos.inc({ list: 'inbox' }, 2);
  // @ts-expect-error only declared label names
  todos.inc(1, { lits: 'inbox' });
  const latency = telemetry.defineHistogram({
    namespace: 'fasttodo',
    name: 'sync_duration',
    help: 'Time to sync with a peer.',
    unit: 'seconds',
    labelNames: ['peer'],
  });
  expectExact<typeof latency, BoundedHistogram<'peer'>>();
  latency.observe(0.2, { peer: 'a' });
  expectExact<ReturnType<ReturnType<typeof latency.startTimer>>, number>();
  const open = telemetry.defineGauge({
    namespace: 'fasttodo',
    name: 'open_todos',
    help: 'Open todos.',
    labelNames: [],
  });
  expectExact<typeof open, BoundedGauge<never>>();
  open.set(3);

  const answer = withLogContext({ request_id: 'r-1' }, () => {
    bindLogContext({ user_id: 'u-1' });
    telemetry.logger.info('created', { todo: 1 });
    return 42;
  });
  expectExact<typeof answer, number>();
  const text = await telemetry.metricsText();
  expectExact<typeof text, string>();
  telemetry.tracer.startActiveSpan('work', (span) => span.end());

  const error: unknown = new Error('x');
  if (error instanceof TelemetryAlreadyStartedError)
    expectExact<typeof error.code, 'FASTTODO_TELEMETRY_ALREADY_STARTED'>();
  await telemetry.shutdown();

  // @ts-expect-error log levels are winston's npm levels
  startTelemetry({ logs: { level: 'loud' } });
  // @ts-expect-error only declared labels may be recorded
  todos.inc({ user: 'u-1' });
}
