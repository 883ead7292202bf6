import { checks, createHealth, HealthConfigError, installGracefulShutdown } from '@fasttodo/health';
import type { HealthOptions } from '@fasttodo/health';
import { createServer } from 'node:http';

const ok = async () => undefined;

function configError(build: () => unknown): HealthConfigError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(HealthConfigError);
    return error as HealthConfigError;
  }
  throw new Error('expected a HealthConfigError');
}

describe('createHealth configuration', () => {
  it('rejects duplicate check names, naming the option and both positions', () => {
    const error = configError(() =>
      createHealth({
        checks: [
          { name: 'db', check: ok },
          { name: 'db', check: ok },
        ],
      }),
    );
    expect(error.code).toBe('FASTTODO_HEALTH_INVALID_OPTION');
    expect(error.option).toBe('checks[1].name');
    expect(error.message).toContain('"db"');
    expect(error.message).toContain('checks[0]');
  });

  it('rejects a check that is not a function', () => {
    const options = { checks: [{ name: 'db', check: 'SELECT 1' }] } as unknown as HealthOptions;
    const error = configError(() => createHealth(options));
    expect(error.option).toBe('checks[0].check');
    expect(error.message).toContain('"SELECT 1"');
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, '100', 2 ** 31])(
    'rejects timeoutMs %p',
    (timeoutMs) => {
      const options = { checks: [{ name: 'db', check: ok, timeoutMs }] } as unknown as HealthOptions;
      const error = configError(() => createHealth(options));
      expect(error.option).toBe('checks[0].timeoutMs');
      expect(error.message).toContain(String(timeoutMs));
    },
  );

  it.each([-1, Number.NaN, 'soon', null])('rejects cacheMs %p', (cacheMs) => {
    const error = configError(() => createHealth({ cacheMs } as unknown as HealthOptions));
    expect(error.option).toBe('cacheMs');
  });

  it('rejects empty names, non-array checks, non-object entries and unknown keys', () => {
    expect(configError(() => createHealth({ checks: [{ name: '', check: ok }] })).option).toBe(
      'checks[0].name',
    );
    expect(configError(() => createHealth({ checks: [{ name: '__proto__', check: ok }] })).option).toBe(
      'checks[0].name',
    );
    expect(configError(() => createHealth({ checks: {} } as unknown as HealthOptions)).option).toBe('checks');
    expect(configError(() => createHealth({ checks: [null] } as unknown as HealthOptions)).option).toBe(
      'checks[0]',
    );
    // biome-ignore lint/suspicious/noSparseArray: a hole must be reported, not skipped
    const sparse = { checks: [{ name: 'a', check: ok }, , { name: 'b', check: ok }] };
    expect(configError(() => createHealth(sparse as unknown as HealthOptions)).option).toBe('checks[1]');
    const typo = { checks: [{ name: 'db', check: ok, timeout: 5 }] } as unknown as HealthOptions;
    expect(configError(() => createHealth(typo)).option).toBe('checks[0].timeout');
    expect(configError(() => createHealth({ cache: 1 } as unknown as HealthOptions)).option).toBe(
      'options.cache',
    );
  });

  it('rejects bad critical, version, maxOutputLength and liveness values', () => {
    const critical = { checks: [{ name: 'a', check: ok, critical: 'yes' }] } as unknown as HealthOptions;
    expect(configError(() => createHealth(critical)).option).toBe('checks[0].critical');
    expect(configError(() => createHealth({ version: 3 } as unknown as HealthOptions)).option).toBe(
      'version',
    );
    expect(configError(() => createHealth({ maxOutputLength: 8 })).option).toBe('maxOutputLength');
    expect(configError(() => createHealth({ liveness: { maxEventLoopBlockMs: 0 } })).option).toBe(
      'liveness.maxEventLoopBlockMs',
    );
  });

  it('validates startupChecks like checks, and the liveness options', () => {
    const options = { startupChecks: [{ name: 'x', check: ok, timeoutMs: -1 }] };
    expect(configError(() => createHealth(options)).option).toBe('startupChecks[0].timeoutMs');
    const notArray = { startupChecks: ok } as unknown as HealthOptions;
    expect(configError(() => createHealth(notArray)).option).toBe('startupChecks');
    expect(configError(() => createHealth({ liveness: { failForMs: -1 } })).option).toBe(
      'liveness.failForMs',
    );
    const typo = { liveness: { maxBlockMs: 100 } } as unknown as HealthOptions;
    expect(configError(() => createHealth(typo)).option).toBe('liveness.maxBlockMs');
  });

  it('accepts a valid configuration and fills defaults', async () => {
    const health = createHealth({ version: '1.2.3', checks: [{ name: 'a', check: ok }] });
    const result = await health.ready();
    expect(result.httpStatus).toBe(200);
    expect(result.body.version).toBe('1.2.3');
    await expect(createHealth().ready()).resolves.toMatchObject({
      httpStatus: 200,
      body: { version: 'unknown' },
    });
  });
});

describe('built-in check configuration', () => {
  it('rejects thresholds out of order or range, naming the option', () => {
    expect(configError(() => checks.disk({ warnPercent: 96, failPercent: 95 })).option).toBe(
      'checks.disk.warnPercent',
    );
    expect(configError(() => checks.memory({ failPercent: 150 })).option).toBe('checks.memory.failPercent');
    expect(configError(() => checks.eventLoopDelay({ warnMs: -1 })).option).toBe(
      'checks.eventLoopDelay.warnMs',
    );
  });

  it('rejects clients without the method the check calls', () => {
    expect(configError(() => checks.sql({} as never)).option).toBe('checks.sql(client)');
    expect(configError(() => checks.redis(null as never)).option).toBe('checks.redis(client)');
  });

  it('rejects bad URLs and expected statuses', () => {
    expect(configError(() => checks.http('not a url')).option).toBe('checks.http(url)');
    const ftp = configError(() => checks.http('ftp://example.invalid/file?token=s3cret'));
    expect(ftp.option).toBe('checks.http(url)');
    expect(ftp.message).toContain('ftp://example.invalid');
    expect(ftp.message).not.toContain('s3cret');
    const withCredentials = configError(() => checks.http('http://user:s3cret@127.0.0.1/health'));
    expect(withCredentials.option).toBe('checks.http(url)');
    expect(withCredentials.message).not.toContain('s3cret');
    expect(configError(() => checks.http('http://127.0.0.1/', { expectStatus: 99 })).option).toBe(
      'checks.http.expectStatus',
    );
  });

  it('rejects bad http headers at setup without quoting their values', () => {
    const url = 'http://127.0.0.1/';
    const notObject = configError(() => checks.http(url, { headers: 'x-token: 1' as never }));
    expect(notObject.option).toBe('checks.http.headers');
    const notString = configError(() => checks.http(url, { headers: { 'x-retries': 3 } as never }));
    expect(notString.option).toBe('checks.http.headers');
    const invalid = configError(() =>
      checks.http(url, { headers: { authorization: 'Bearer s3cr3t-token\r\nx-evil: 1' } }),
    );
    expect(invalid.option).toBe('checks.http.headers');
    expect(invalid.message).not.toContain('s3cr3t');
    expect(configError(() => checks.http(url, { headers: { 'bad name': 'v' } })).option).toBe(
      'checks.http.headers',
    );
    expect(checks.http(url, { headers: { authorization: 'Bearer t' } }).name).toBe('http');
  });

  it.each([
    ['checks.disk.path', () => checks.disk({ path: '' })],
    ['checks.disk.name', () => checks.disk({ name: '' })],
    ['checks.memory.cgroupRoot', () => checks.memory({ cgroupRoot: 1 as never })],
    ['checks.eventLoopDelay.resolutionMs', () => checks.eventLoopDelay({ resolutionMs: 0 })],
    ['checks.sql.query', () => checks.sql({ query: async () => undefined }, { query: '' })],
    ['checks.redis.critical', () => checks.redis({ ping: async () => 'PONG' }, { critical: 'no' as never })],
    ['checks.http.method', () => checks.http('http://127.0.0.1/', { method: 7 as never })],
    ['checks.http.expectedStatus', () => checks.http('http://127.0.0.1/', { expectedStatus: 200 } as never)],
  ])('rejects a bad %s', (option, build) => {
    expect(configError(build).option).toBe(option);
  });

  it('lets name, timeoutMs and critical be overridden', () => {
    const check = checks.disk({ name: 'data-volume', timeoutMs: 500, critical: false });
    expect(check).toMatchObject({ name: 'data-volume', timeoutMs: 500, critical: false });
    expect(configError(() => checks.disk({ timeoutMs: 0 })).option).toBe('checks.disk.timeoutMs');
  });
});

describe('installGracefulShutdown configuration', () => {
  it('rejects bad options with typed errors', () => {
    const server = createServer();
    expect(configError(() => installGracefulShutdown(server, { drainTimeoutMs: 0 })).option).toBe(
      'drainTimeoutMs',
    );
    expect(configError(() => installGracefulShutdown(server, { drainDelayMs: -1 })).option).toBe(
      'drainDelayMs',
    );
    expect(configError(() => installGracefulShutdown(server, { beforeExit: [1 as never] })).option).toBe(
      'beforeExit[0]',
    );
    expect(configError(() => installGracefulShutdown(server, { signals: ['TERM' as never] })).option).toBe(
      'signals[0]',
    );
    expect(configError(() => installGracefulShutdown({} as never)).option).toBe(
      'installGracefulShutdown(server)',
    );
    expect(configError(() => installGracefulShutdown(server, { health: {} as never })).option).toBe('health');
    expect(configError(() => installGracefulShutdown(server, { logger: console.warn as never })).option).toBe(
      'logger',
    );
    expect(configError(() => installGracefulShutdown(server, { exit: 1 as never })).option).toBe('exit');
    expect(configError(() => installGracefulShutdown(server, { hookTimeoutMs: -1 })).option).toBe(
      'hookTimeoutMs',
    );
    expect(configError(() => installGracefulShutdown(server, { drain: 5 } as never)).option).toBe(
      'installGracefulShutdown.drain',
    );
    expect(server.listenerCount('request')).toBe(0);
  });
});
