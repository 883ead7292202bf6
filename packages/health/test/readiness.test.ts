import { createHealth, DRAINING } from '@fasttodo/health';
import type { CheckDetail } from '@fasttodo/health';
import { sleep } from './support/ports';

const pass = async () => undefined;
const failing = (message: string) => async () => {
  throw new Error(message);
};

describe('readiness roll-up', () => {
  it('passes with 200 and a health+json body when every check passes', async () => {
    const health = createHealth({
      version: '2.0.0',
      checks: [
        { name: 'a', check: pass },
        { name: 'b', check: async () => ({ observedValue: 3, observedUnit: 'ms' }) },
      ],
    });
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(200);
    expect(body).toMatchObject({ status: 'pass', version: '2.0.0' });
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
    expect(body.checks.a).toEqual({ status: 'pass', response_ms: expect.any(Number) });
    expect(body.checks.b).toMatchObject({ status: 'pass', observedValue: 3, observedUnit: 'ms' });
  });

  it('fails with 503 when a critical check fails', async () => {
    const health = createHealth({
      checks: [
        { name: 'db', check: failing('connection refused') },
        { name: 'cache', check: pass },
      ],
    });
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(503);
    expect(body.status).toBe('fail');
    expect(body.checks.db).toMatchObject({ status: 'fail', output: 'connection refused' });
    expect(body.checks.cache?.status).toBe('pass');
  });

  it('degrades to warn (200) when only a non-critical check fails', async () => {
    const health = createHealth({
      checks: [
        { name: 'db', check: pass },
        { name: 'search', check: failing('down'), critical: false },
      ],
    });
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(200);
    expect(body.status).toBe('warn');
    expect(body.checks.search?.status).toBe('fail');
  });

  it('reports warn when a check returns status warn, and fail for an invalid status', async () => {
    const warn = createHealth({
      checks: [{ name: 'disk', check: async () => ({ status: 'warn' as const }) }],
    });
    expect(await warn.ready()).toMatchObject({ httpStatus: 200, body: { status: 'warn' } });
    const odd = { status: 'maybe' } as unknown as CheckDetail;
    const invalid = createHealth({ checks: [{ name: 'x', check: async () => odd }] });
    const result = await invalid.ready();
    expect(result).toMatchObject({ httpStatus: 503, body: { checks: { x: { status: 'fail' } } } });
    expect(result.body.checks.x?.output).toContain('invalid status');
  });

  it('treats a synchronous throw like a rejection', async () => {
    const health = createHealth({
      checks: [
        {
          name: 'sync',
          check: () => {
            throw new Error('boom');
          },
        },
      ],
    });
    expect((await health.ready()).body.checks.sync).toMatchObject({ status: 'fail', output: 'boom' });
  });

  it('runs checks in parallel', async () => {
    const slow = async () => {
      await sleep(300);
    };
    const health = createHealth({
      checks: [
        { name: 'a', check: slow },
        { name: 'b', check: slow },
        { name: 'c', check: slow },
      ],
    });
    const started = Date.now();
    await health.ready();
    expect(Date.now() - started).toBeLessThan(800);
  });
});

describe('output safety', () => {
  it('never serves a connection-string password, and scrubs key=value secrets', async () => {
    const health = createHealth({
      checks: [
        { name: 'pg', check: failing('connect failed for postgres://app:s3cret@127.0.0.1/db (timeout)') },
        { name: 'dsn', check: failing('bad dsn host=db user=app password=hunter2 sslmode=require') },
        { name: 'mail', check: async () => ({ status: 'warn' as const, output: 'owner alice@example.com' }) },
      ],
    });
    const json = JSON.stringify((await health.ready()).body);
    expect(json).not.toContain('s3cret');
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('alice@example.com');
    expect(json).toContain('127.0.0.1/db');
  });

  it('scrubs a password that itself contains "@", and a check result with a throwing getter fails safely', async () => {
    const hostile = {
      get status(): string {
        throw new Error('getter');
      },
    } as unknown as CheckDetail;
    const health = createHealth({
      checks: [
        { name: 'at', check: failing('redis://:p@ss@w0rd@cache.internal:6379 refused') },
        { name: 'hostile', check: async () => hostile },
      ],
    });
    const { body } = await health.ready();
    expect(body.checks.at?.output).toMatch(/^redis:\/\/\S*REDACTED\S*@cache\.internal:6379 refused$/);
    expect(body.checks.at?.output).not.toMatch(/p@ss|w0rd/);
    expect(body.checks.hostile).toMatchObject({
      status: 'fail',
      output: 'check returned an unreadable result',
    });
  });

  it('scrubs unencoded URL passwords holding "/", "?" or "#", and survives a hostile error object', async () => {
    const hostile = {
      get message(): string {
        throw new Error('getter');
      },
    };
    const health = createHealth({
      checks: [
        { name: 'slash', check: failing('connect postgres://app:pa/ss+b64==@db.internal:5432/app failed') },
        { name: 'query', check: failing('mongodb://u:p?ss@mongo.internal/x unreachable') },
        { name: 'hash', check: failing('mysql://root:p#ssw0rd@mysql.internal/app refused') },
        { name: 'hostile', check: async () => Promise.reject(hostile) },
      ],
    });
    const { body } = await health.ready();
    const json = JSON.stringify(body);
    for (const secret of ['pa/ss', 'b64==', 'p?ss', 'p#ssw0rd']) expect(json).not.toContain(secret);
    expect(body.checks.slash?.output).toMatch(
      /^connect postgres:\/\/\S*REDACTED\S*@db\.internal:5432\/app failed$/,
    );
    expect(body.checks.query?.output).toContain('@mongo.internal/x unreachable');
    expect(body.checks.hash?.output).toContain('@mysql.internal/app refused');
    expect(body.checks.hostile).toMatchObject({ status: 'fail', output: 'unreadable error' });
  });

  it('bounds output length and escapes control characters', async () => {
    const health = createHealth({
      maxOutputLength: 50,
      checks: [
        { name: 'long', check: failing('x'.repeat(100_000)) },
        { name: 'lines', check: failing('line one\nline two\u001b[31m') },
      ],
    });
    const { body } = await health.ready();
    expect(body.checks.long?.output?.length).toBeLessThanOrEqual(50);
    expect(body.checks.lines?.output).toBe('line one\\nline two\\u001b[31m');
  });

  it('never exposes a stack trace, even when the message is empty or the value is not an Error', async () => {
    const empty = new Error('');
    const health = createHealth({
      checks: [
        { name: 'empty', check: async () => Promise.reject(empty) },
        { name: 'string', check: async () => Promise.reject('plain reason') },
        { name: 'object', check: async () => Promise.reject({ stack: 'at secret (/app/x.js:1:1)' }) },
        {
          name: 'cause',
          check: failing2(),
        },
      ],
    });
    const { body } = await health.ready();
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/\bat .*:\d+:\d+/);
    expect(body.checks.empty?.output).toBe('Error');
    expect(body.checks.string?.output).toBe('plain reason');
    expect(body.checks.object?.output).toBe('check failed');
    expect(body.checks.cause?.output).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('reads a returned status once, so a getter cannot serve a status other than the validated one', async () => {
    let reads = 0;
    const shifty = {
      get status() {
        reads++;
        return reads === 1 ? 'pass' : 'bogus';
      },
    } as unknown as CheckDetail;
    const health = createHealth({ checks: [{ name: 's', check: async () => shifty }] });
    const { body } = await health.ready();
    expect(['pass', 'warn', 'fail']).toContain(body.checks.s?.status);
    expect(['pass', 'warn', 'fail']).toContain(body.status);
  });

  it('keeps only flat primitive details, scrubbed', async () => {
    const detail = {
      observedValue: 7,
      nested: { deep: true },
      list: [1, 2],
      nan: Number.NaN,
      note: 'token: abc123',
    } as unknown as CheckDetail;
    const health = createHealth({ checks: [{ name: 'd', check: async () => detail }] });
    const result = (await health.ready()).body.checks.d;
    expect(result).toEqual({
      status: 'pass',
      response_ms: expect.any(Number),
      observedValue: 7,
      note: expect.stringMatching(/^token: \S*REDACTED/),
    });
    expect(result?.note).not.toContain('abc123');
  });
});

function failing2() {
  return async () => {
    throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
  };
}

describe('timeouts', () => {
  it('fails a slow check with "timeout after Nms", aborts its signal, and answers on time', async () => {
    let aborted: unknown;
    const health = createHealth({
      checks: [
        {
          name: 'slow',
          timeoutMs: 200,
          check: (signal) =>
            new Promise<void>((resolve) => {
              signal.addEventListener('abort', () => {
                aborted = signal.reason;
                setTimeout(resolve, 5_000).unref();
              });
            }),
        },
      ],
    });
    const started = Date.now();
    const { httpStatus, body } = await health.ready();
    const elapsed = Date.now() - started;
    expect(httpStatus).toBe(503);
    expect(body.checks.slow).toMatchObject({ status: 'fail', output: 'timeout after 200ms' });
    expect(elapsed).toBeGreaterThanOrEqual(195);
    expect(elapsed).toBeLessThan(200 + 300);
    expect(aborted).toBeInstanceOf(Error);
    expect((aborted as Error).message).toBe('timeout after 200ms');
  });

  it('answers by the largest timeout whatever the checks do', async () => {
    const never = () => new Promise<void>(() => undefined);
    const health = createHealth({
      checks: [
        { name: 'a', check: never, timeoutMs: 100 },
        { name: 'b', check: never, timeoutMs: 300 },
        { name: 'c', check: pass },
      ],
    });
    const started = Date.now();
    const { body } = await health.ready();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(300 + 300);
    expect(body.checks.a?.output).toBe('timeout after 100ms');
    expect(body.checks.b?.output).toBe('timeout after 300ms');
    expect(body.checks.c?.status).toBe('pass');
  });
});

describe('a check that blocks the event loop past its timeout', () => {
  // The timer cannot fire while the loop is blocked, so the check settles "in time" by the timer's clock.
  it('fails as a timeout when it blocks synchronously or after an await, even though it resolved', async () => {
    const health = createHealth({
      checks: [
        { name: 'sync', timeoutMs: 100, check: () => blockFor(300) },
        {
          name: 'async',
          timeoutMs: 100,
          check: async () => {
            await sleep(10);
            blockFor(300);
            return { observedValue: 1 };
          },
        },
      ],
    });
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(503);
    for (const name of ['sync', 'async']) {
      expect(body.checks[name]).toEqual({
        status: 'fail',
        response_ms: expect.any(Number),
        output: 'timeout after 100ms',
      });
      expect(body.checks[name]?.response_ms).toBeGreaterThanOrEqual(300);
    }
  });

  it('degrades a non-critical one to warn, and a check within its timeout still passes', async () => {
    const health = createHealth({
      checks: [
        { name: 'blocking', timeoutMs: 50, critical: false, check: () => blockFor(150) },
        { name: 'quick', timeoutMs: 5000, check: () => blockFor(5) },
      ],
    });
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(200);
    expect(body.status).toBe('warn');
    expect(body.checks.blocking).toMatchObject({ status: 'fail', output: 'timeout after 50ms' });
    expect(body.checks.quick?.status).toBe('pass');
  });
});

/** Busy-waits `ms` milliseconds: a check that blocks the event loop. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('sharing and caching', () => {
  it('shares one in-flight run among concurrent callers and caches it for cacheMs', async () => {
    let calls = 0;
    const health = createHealth({
      cacheMs: 300,
      checks: [
        {
          name: 'dep',
          check: async () => {
            calls++;
            await sleep(50);
          },
        },
      ],
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => health.ready()));
    expect(calls).toBe(1);
    expect(new Set(results.map((r) => r.body.timestamp)).size).toBe(1);
    await health.ready();
    expect(calls).toBe(1);
    await sleep(350);
    await health.ready();
    expect(calls).toBe(2);
  });

  it('with cacheMs 0 every sequential call runs the checks', async () => {
    let calls = 0;
    const health = createHealth({ cacheMs: 0, checks: [{ name: 'dep', check: async () => void calls++ }] });
    await health.ready();
    await health.ready();
    expect(calls).toBe(2);
  });
});

describe('drain and startup', () => {
  it('drain() makes ready() fail at once with draining, without running checks', async () => {
    let calls = 0;
    const health = createHealth({
      cacheMs: 10_000,
      checks: [{ name: 'dep', check: async () => void calls++ }],
    });
    expect((await health.ready()).httpStatus).toBe(200);
    expect(health.draining).toBe(false);
    health.drain();
    expect(health.draining).toBe(true);
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(503);
    expect(body).toMatchObject({ status: 'fail', output: DRAINING, checks: {} });
    expect(DRAINING).toBe('draining');
    expect(calls).toBe(1);
    expect((await health.live()).httpStatus).toBe(200);
  });

  it('a ready() already waiting when drain() is called answers draining', async () => {
    const health = createHealth({ checks: [{ name: 'slow', check: () => sleep(100) }] });
    const pending = health.ready();
    health.drain();
    expect((await pending).body.output).toBe('draining');
  });

  it('startup fails until readiness passed once, then passes for good', async () => {
    let up = false;
    const health = createHealth({
      cacheMs: 0,
      checks: [
        {
          name: 'db',
          check: async () => {
            if (!up) throw new Error('not yet');
          },
        },
      ],
    });
    expect((await health.startup()).httpStatus).toBe(503);
    up = true;
    expect((await health.startup()).httpStatus).toBe(200);
    up = false;
    expect((await health.ready()).httpStatus).toBe(503);
    const again = await health.startup();
    expect(again.httpStatus).toBe(200);
    expect(again.body.status).toBe('pass');
  });

  it('startup also passes when readiness passed earlier through ready()', async () => {
    let calls = 0;
    const health = createHealth({ cacheMs: 0, checks: [{ name: 'db', check: async () => void calls++ }] });
    await health.ready();
    expect((await health.startup()).httpStatus).toBe(200);
    expect(calls).toBe(1);
  });

  it('uses startupChecks when given, independently of readiness', async () => {
    let migrated = false;
    const health = createHealth({
      cacheMs: 0,
      checks: [{ name: 'db', check: failing('db down') }],
      startupChecks: [
        {
          name: 'migrations',
          check: async () => {
            if (!migrated) throw new Error('pending');
          },
        },
      ],
    });
    const first = await health.startup();
    expect(first).toMatchObject({ httpStatus: 503, body: { checks: { migrations: { output: 'pending' } } } });
    migrated = true;
    expect((await health.startup()).httpStatus).toBe(200);
    expect((await health.ready()).httpStatus).toBe(503);
  });
});
