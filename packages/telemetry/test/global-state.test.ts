import type { TelemetryOptions } from '@fasttodo/telemetry';
import { context, propagation, trace } from '@opentelemetry/api';
import { LogLines } from './support/log-lines';

/** A fresh copy of a module, as a second install or the other build (ESM vs CJS) of the package would be. */
function loadCopy<T>(path: string): T {
  let copy: T | undefined;
  jest.isolateModules(() => {
    copy = require(path) as T;
  });
  if (!copy) throw new Error(`isolateModules did not load ${path}`);
  return copy;
}

type LogContextModule = typeof import('../src/logs/log-context');
type TelemetryModule = typeof import('@fasttodo/telemetry');
const logContextCopy = () => loadCopy<LogContextModule>('../src/logs/log-context');
const telemetryCopy = () => loadCopy<TelemetryModule>('@fasttodo/telemetry');

afterEach(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('process-wide state shared by two copies of the package', () => {
  it('loads two distinct copies (otherwise this suite proves nothing)', () => {
    expect(logContextCopy().withLogContext).not.toBe(logContextCopy().withLogContext);
    expect(telemetryCopy().startTelemetry).not.toBe(telemetryCopy().startTelemetry);
  });

  it('a context opened by one copy is the context the other copy reads and extends, across awaits', async () => {
    const [a, b] = [logContextCopy(), logContextCopy()];
    const seen = await a.withLogContext({ request_id: 'r-1' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      b.bindLogContext({ user_id: 'u-1' });
      return b.currentLogContext();
    });
    expect(seen).toEqual({ request_id: 'r-1', user_id: 'u-1' });
    expect(a.currentLogContext()).toBeUndefined();
  });

  it('refuses a second start from the other copy until the first is shut down', async () => {
    const [a, b] = [telemetryCopy(), telemetryCopy()];
    const quiet: TelemetryOptions = { metrics: { enabled: false }, logs: { level: 'error' } };
    const first = a.startTelemetry(quiet, {});
    try {
      expect(() => b.startTelemetry(quiet, {})).toThrow(b.TelemetryAlreadyStartedError);
    } finally {
      await first.shutdown();
    }
    await b.startTelemetry(quiet, {}).shutdown();
  });

  it('a request observed through one copy, with telemetry started by the other, logs the user set through it', async () => {
    const [a, b] = [telemetryCopy(), telemetryCopy()];
    const logs = new LogLines();
    const telemetry = a.startTelemetry(
      { metrics: { enabled: false }, logs: { format: 'json', stream: logs } },
      {},
    );
    try {
      const http = b.createHttpObservability({ telemetry });
      const request = http.start({ method: 'GET', url: '/me', headers: { 'x-request-id': 'cross-1' } });
      request.run(() => {
        telemetry.logger.info('before user');
        b.setUser('user-7');
        telemetry.logger.info('after user');
      });
      request.end({ statusCode: 200 });
      const users = logs.lines.map((l) => [l['message'], l['request_id'], l['user_id']]);
      expect(users).toEqual([
        ['before user', 'cross-1', undefined],
        ['after user', 'cross-1', 'user-7'],
        ['request completed', 'cross-1', 'user-7'],
      ]);
    } finally {
      await telemetry.shutdown();
    }
  });
});
