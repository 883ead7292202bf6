import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { createHealth } from '@fasttodo/health';
import { openRedis, type RedisStorage } from '../../examples/todo-domain/src/storage/redis';
import { useServices } from './support/services';

const services = useServices('redis');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function redisCli(...args: string[]): Promise<string> {
  const { port } = new URL(services().redisUrl);
  const { stdout } = await promisify(execFile)('redis-cli', ['-p', port, ...args]);
  return stdout.trim();
}

/** How a promise settled and how long it took. */
async function settle(work: Promise<unknown>): Promise<{ ok: boolean; ms: number }> {
  const start = Date.now();
  const ok = await work.then(
    () => true,
    () => false,
  );
  return { ok, ms: Date.now() - start };
}

/** Polls `ready()` until it answers `status`, for at most `timeoutMs`. */
async function waitForReadiness(
  ready: () => Promise<{ httpStatus: number }>,
  status: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await ready();
    if (result.httpStatus === status) return result;
    if (Date.now() > deadline) throw new Error(`readiness still ${result.httpStatus} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe('openRedis', () => {
  let redis: RedisStorage;
  beforeAll(async () => {
    redis = await openRedis(services().redisUrl);
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('keys a session by the SHA-256 of its token, never the token, with a TTL of a day', async () => {
    const token = await redis.sessions.create('user-7');
    const key = `session:${createHash('sha256').update(token).digest('hex')}`;
    expect(await redisCli('GET', key)).toBe('user-7');
    const ttl = Number(await redisCli('PTTL', key));
    expect(ttl).toBeGreaterThan(86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
    const keys = await redisCli('--scan');
    expect(keys).not.toContain(token);
  });

  it('keys a cached reply by the SHA-256 of its key, with the TTL given', async () => {
    const prompt = 'summarise the notes of alice@example.com';
    await redis.replies.set(prompt, 'done', 90);
    const key = `reply:${createHash('sha256').update(prompt).digest('hex')}`;
    expect(await redisCli('GET', key)).toBe('done');
    const ttl = Number(await redisCli('PTTL', key));
    expect(ttl).toBeGreaterThan(80_000);
    expect(ttl).toBeLessThanOrEqual(90_000);
    expect(await redisCli('--scan')).not.toContain('alice');
  });

  it('ends a session after sessionTtlSeconds', async () => {
    const short = await openRedis(services().redisUrl, { sessionTtlSeconds: 0.3 });
    try {
      const token = await short.sessions.create('user-8');
      expect(await short.sessions.resolve(token)).toBe('user-8');
      await sleep(700);
      expect(await short.sessions.resolve(token)).toBeUndefined();
    } finally {
      await short.close();
    }
  });

  it('refuses a TTL that is not a positive number of seconds', async () => {
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(redis.replies.set('k', 'v', ttl)).rejects.toThrow(/ttlSeconds must be a positive number/);
      await expect(openRedis(services().redisUrl, { sessionTtlSeconds: ttl })).rejects.toThrow(
        /sessionTtlSeconds must be a positive number/,
      );
    }
  });

  it('rejects a bad REDIS_URL with an error naming the variable and never the password', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const password = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 10,
    });
    const shape = fc.constantFrom(
      (pw: string) => `redis://:${pw}@127.0.0.1:${port}`, // nothing listens
      (pw: string) => `http://:${pw}@127.0.0.1:${port}`,
      (pw: string) => `redis://${pw}@127.0.0.1:99999`,
      (pw: string) => `redis://:${pw}@`,
      (pw: string) => `${pw}:x@127.0.0.1`,
      (pw: string) => `127.0.0.1:6379 ${pw}`,
    );
    await fc.assert(
      fc.asyncProperty(password, shape, async (pw, url) => {
        const error = await openRedis(url(pw)).then(
          () => new Error('opened'),
          (e: unknown) => e as Error & { code?: string; variable?: string },
        );
        expect(error).toMatchObject({ code: 'FASTTODO_STORAGE_INVALID_URL', variable: 'REDIS_URL' });
        expect(`${error.message} ${error.stack}`).not.toContain(pw);
      }),
      { numRuns: 20 },
    );
  });

  // Last in this file: it stops and restarts the shared Redis.
  it('fails readiness and calls fast while Redis is down, and recovers by itself when it returns', async () => {
    const health = createHealth({ checks: redis.checks, cacheMs: 0 });
    const ready = () => health.ready();
    expect((await ready()).httpStatus).toBe(200);

    await services().stopRedis();
    const down = await waitForReadiness(ready, 503, 10_000);
    expect(down).toMatchObject({ body: { status: 'fail', checks: { redis: { status: 'fail' } } } });
    // Fail fast: a request's store call rejects within the client's bounds instead of waiting for Redis.
    const call = await settle(redis.sessions.resolve('any-token'));
    expect(call.ok).toBe(false);
    expect(call.ms).toBeLessThan(5_000);

    await services().startRedis();
    await waitForReadiness(ready, 200, 20_000);
    const token = await redis.sessions.create('user-9');
    expect(await redis.sessions.resolve(token)).toBe('user-9');
  }, 60_000);
});
