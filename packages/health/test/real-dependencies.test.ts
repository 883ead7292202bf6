import { checks, createHealth } from '@fasttodo/health';
import type { Health } from '@fasttodo/health';
import Redis from 'ioredis';
import pg from 'pg';
import type { PostgresServer } from './support/postgres';
import { startPostgres } from './support/postgres';
import type { RedisServer } from './support/redis';
import { createRedisServer } from './support/redis';
import { waitFor } from './support/ports';

jest.setTimeout(60_000);

let postgres: PostgresServer;
let redisServer: RedisServer;
let pool: pg.Pool;
let redis: Redis;
let health: Health;

beforeAll(async () => {
  postgres = await startPostgres();
  redisServer = await createRedisServer();
  await redisServer.start();
  pool = new pg.Pool({ connectionString: postgres.connectionString, max: 2 });
  redis = new Redis({
    host: '127.0.0.1',
    port: redisServer.port,
    lazyConnect: true,
    maxRetriesPerRequest: null,
  });
  redis.on('error', () => undefined);
  await redis.connect();
  health = createHealth({
    version: 'test',
    cacheMs: 100,
    checks: [checks.sql(pool, { timeoutMs: 1000 }), checks.redis(redis, { timeoutMs: 500 })],
  });
});

afterAll(async () => {
  redis?.disconnect();
  await pool?.end();
  await redisServer?.stop();
  postgres?.stop();
});

describe('against real PostgreSQL and Redis', () => {
  it('passes with both dependencies up and reports their round trips', async () => {
    const { httpStatus, body } = await health.ready();
    expect(httpStatus).toBe(200);
    expect(body.status).toBe('pass');
    expect(body.checks.sql).toMatchObject({
      status: 'pass',
      observedUnit: 'ms',
      pool_total: expect.any(Number),
    });
    expect(body.checks.redis).toMatchObject({ status: 'pass', observedUnit: 'ms' });
  });

  it('fails readiness with redis "fail" within about its timeout when Redis dies, and recovers on restart', async () => {
    await redisServer.stop();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const started = performance.now();
    const down = await health.ready();
    const elapsed = performance.now() - started;
    expect(down.httpStatus).toBe(503);
    expect(down.body.checks.redis).toMatchObject({ status: 'fail', output: 'timeout after 500ms' });
    expect(down.body.checks.sql?.status).toBe('pass');
    expect(elapsed).toBeLessThanOrEqual(500 + 700); // the timeout plus scheduling slack on a loaded machine

    await redisServer.start();
    await waitFor(
      'readiness to pass again',
      async () => (await health.ready()).httpStatus === 200,
      15_000,
      100,
    );
    expect((await health.ready()).body.checks.redis?.status).toBe('pass');
  });

  it('a failing SQL statement fails the check with a scrubbed message', async () => {
    const bad = createHealth({ checks: [checks.sql(pool, { query: 'SELECT * FROM missing_table' })] });
    const { httpStatus, body } = await bad.ready();
    expect(httpStatus).toBe(503);
    expect(body.checks.sql?.output).toContain('missing_table');
  });

  it('works with a single pg Client and a custom statement (no pool counts)', async () => {
    const client = new pg.Client({ connectionString: postgres.connectionString });
    await client.connect();
    try {
      const { httpStatus, body } = await createHealth({
        checks: [checks.sql(client, { name: 'primary', query: 'SELECT count(*) FROM pg_class' })],
      }).ready();
      expect(httpStatus).toBe(200);
      expect(body.checks.primary).toEqual({
        status: 'pass',
        response_ms: expect.any(Number),
        observedValue: expect.any(Number),
        observedUnit: 'ms',
      });
    } finally {
      await client.end();
    }
  });

  it('a connection string with a password never appears in the output', async () => {
    const leaky = `postgres://app:s3cret@127.0.0.1:${postgres.port}/nope`;
    const client = new pg.Client({ connectionString: leaky, connectionTimeoutMillis: 500 });
    const check = async () => {
      try {
        await client.connect();
      } catch (error) {
        throw new Error(`cannot reach ${leaky}: ${(error as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    const { body } = await createHealth({ checks: [{ name: 'db', check }] }).ready();
    const json = JSON.stringify(body);
    expect(body.checks.db?.status).toBe('fail');
    expect(json).toContain('cannot reach postgres://');
    expect(json).not.toContain('s3cret');
  });
});
