import { HealthConfigError, installGracefulShutdown } from '@fasttodo/health';
import type { GracefulShutdownOptions } from '@fasttodo/health';
import fc from 'fast-check';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttp2Server } from 'node:http2';
import { createServer as createNetServer } from 'node:net';
import { constants } from 'node:os';
import { listenToSignals } from '../src/signal-listeners';
import { runFixture } from './support/child';

const quiet = { info: () => undefined, warn: () => undefined };
const NOT_LISTENABLE = ['SIGKILL', 'SIGSTOP', 'SIGSEGV', 'SIGBUS', 'SIGFPE', 'SIGILL'];
const CATCHABLE = Object.keys(constants.signals).filter((s) => !NOT_LISTENABLE.includes(s));

function configError(build: () => unknown): HealthConfigError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(HealthConfigError);
    return error as HealthConfigError;
  }
  throw new Error('expected a HealthConfigError');
}

/** Listener counts of every signal on `process` and of `request` on `server`: what an install leaves. */
function installed(server: { listenerCount(event: string): number }): Record<string, number> {
  const counts: Record<string, number> = { request: server.listenerCount('request') };
  for (const signal of Object.keys(constants.signals)) counts[signal] = process.listenerCount(signal);
  return counts;
}

function install(server: unknown, options: GracefulShutdownOptions) {
  return installGracefulShutdown(server as never, { logger: quiet, exit: () => undefined, ...options });
}

describe('installGracefulShutdown validates everything before installing anything', () => {
  it('rejects uncatchable, fault and unknown signals with the option, its index and the value', () => {
    const server = createServer();
    const before = installed(server);
    const names = fc.oneof(
      fc.constantFrom(...NOT_LISTENABLE, 'SIGFOO', 'sigterm', 'TERM', 'SIGTERM ', '', '15'),
      fc.stringMatching(/^SIG[A-Z]{2,8}$/).filter((s) => !Object.hasOwn(constants.signals, s)),
    );
    fc.assert(
      fc.property(fc.subarray(CATCHABLE, { maxLength: 3 }), names, (valid, invalid) => {
        const error = configError(() => install(server, { signals: [...valid, invalid] as never }));
        expect(error.option).toBe(`signals[${valid.length}]`);
        expect(error.message).toContain(JSON.stringify(invalid));
        expect(installed(server)).toEqual(before);
      }),
    );
  });

  it('accepts every catchable signal of the platform and removes its listeners on dispose', () => {
    const server = createServer();
    const before = installed(server);
    const handle = install(server, { signals: CATCHABLE as NodeJS.Signals[] });
    for (const signal of CATCHABLE) expect(process.listenerCount(signal)).toBe((before[signal] ?? 0) + 1);
    handle.dispose();
    expect(installed(server)).toEqual(before);
  });

  it('rejects a signal listed twice (it would read as a second signal and exit at once)', () => {
    const error = configError(() => install(createServer(), { signals: ['SIGTERM', 'SIGUSR2', 'SIGTERM'] }));
    expect(error.option).toBe('signals[2]');
  });

  it('rejects a server the drain cannot close, naming what it lacks; accepts http and https servers', () => {
    const net = configError(() => install(createNetServer(), {}));
    expect(net.option).toBe('installGracefulShutdown(server)');
    expect(net.message).toContain('closeAllConnections()');
    const http2 = configError(() => install(createHttp2Server(), {}));
    expect(http2.option).toBe('installGracefulShutdown(server)');
    for (const value of [null, 'server', { close: () => undefined }])
      expect(configError(() => install(value, {})).option).toBe('installGracefulShutdown(server)');
    const https = createHttpsServer();
    installGracefulShutdown(https, { signals: [], logger: quiet }).dispose(); // typed without a cast
    for (const server of [createServer(), https]) {
      install(server, { signals: [] }).dispose();
      expect(server.listenerCount('request')).toBe(0);
    }
  });

  it('leaves nothing installed when any later option is bad', () => {
    const server = createServer();
    const before = installed(server);
    const bad: GracefulShutdownOptions[] = [
      { signals: ['SIGTERM', 'SIGKILL'] },
      { signals: ['SIGUSR2'], hookTimeoutMs: 0 },
      { signals: ['SIGUSR2'], beforeExit: [() => undefined, 'flush' as never] },
      { signals: ['SIGUSR2'], logger: {} as never },
    ];
    for (const options of bad) configError(() => install(server, options));
    expect(installed(server)).toEqual(before);
  });

  it('names the new option when an old name is used', () => {
    const server = createServer();
    const timeout = configError(() => install(server, { timeoutMs: 1000 } as never));
    expect(timeout.option).toBe('installGracefulShutdown.timeoutMs');
    expect(timeout.message).toContain('renamed to "drainTimeoutMs"');
    const hooks = configError(() => install(server, { onShutdown: () => undefined } as never));
    expect(hooks.message).toContain('renamed to "beforeExit"');
    expect(
      configError(() => install(server, { health: { shutdown: () => undefined } as never })).option,
    ).toBe('health');
  });
});

describe('in a real process, where libuv refuses SIGKILL and SIGSTOP', () => {
  it.each([
    [['SIGTERM', 'SIGKILL'], 'signals[1]'],
    [['SIGINT', 'SIGTERM', 'SIGSTOP'], 'signals[2]'],
    [['SIGTERM', 'SIGFOO'], 'signals[1]'],
  ])('%j throws a HealthConfigError naming %s and leaves no listener', async (signals, option) => {
    const run = await runFixture('install-signals.mjs', { SIGNALS: JSON.stringify(signals) }, 10_000);
    expect(run.stderr).toBe('');
    const { thrown, before, left } = JSON.parse(run.stdout);
    expect(thrown).toMatchObject({
      name: 'HealthConfigError',
      code: 'FASTTODO_HEALTH_INVALID_OPTION',
      option,
    });
    expect(thrown.message).not.toContain('uv_signal_start');
    expect(left).toEqual(before);
  });
});

describe('signal listeners are installed all or nothing', () => {
  it('removes the listeners it installed when the platform refuses a later one', () => {
    // Every validated signal is accepted on Linux, so the refusal libuv gives for SIGKILL is simulated here.
    const real = process.on.bind(process);
    const on = jest.spyOn(process, 'on').mockImplementation(((event: string, listener: () => void) => {
      if (event === 'SIGUSR1') throw new Error('uv_signal_start EINVAL');
      return real(event as never, listener);
    }) as never);
    try {
      const onSignal = () => undefined;
      const before = [process.listenerCount('SIGUSR2'), process.listenerCount('SIGHUP')];
      const error = configError(() => listenToSignals(['SIGUSR2', 'SIGHUP', 'SIGUSR1'], onSignal));
      expect(error.option).toBe('signals[2]');
      expect((error.cause as Error).message).toContain('EINVAL');
      expect([process.listenerCount('SIGUSR2'), process.listenerCount('SIGHUP')]).toEqual(before);
    } finally {
      on.mockRestore();
    }
  });
});
