import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { createHealth } from '@fasttodo/health';
import { openPostgres } from '../../examples/todo-domain/src/storage/postgres';
import { recordingMetrics, uniqueEmail } from './support/backends';
import { useServices } from './support/services';

const services = useServices('postgres');
const psql = (url: string, sql: string) => promisify(execFile)('psql', [url, '-Atqc', sql]);

/** A loopback port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const OPERATIONS = ['select', 'insert', 'update', 'delete', 'ddl'];

describe('openPostgres', () => {
  it('times every statement under a bounded operation word, failed ones too, and reports checked-out connections', async () => {
    const metrics = recordingMetrics();
    const db = await openPostgres(services().databaseUrl, metrics);
    try {
      const email = uniqueEmail();
      const user = await db.users.create(email, 'h');
      if (user === 'taken') throw new Error('fresh email taken');
      const insertsBefore = metrics.queries.filter((q) => q.operation === 'insert').length;
      expect(await db.users.create(email, 'h')).toBe('taken');
      expect(metrics.queries.filter((q) => q.operation === 'insert')).toHaveLength(insertsBefore + 1);
      const todo = await db.todos.create(user.id, 't');
      await db.todos.update(user.id, todo.id, { completed: true });
      await db.todos.remove(user.id, todo.id);
      await Promise.all(Array.from({ length: 20 }, () => db.todos.list(user.id)));

      expect(new Set(metrics.queries.map((q) => q.operation))).toEqual(new Set(OPERATIONS));
      for (const { seconds } of metrics.queries) {
        expect(Number.isFinite(seconds) && seconds >= 0 && seconds < 60).toBe(true);
      }
      expect(Math.max(...metrics.active)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...metrics.active)).toBeLessThanOrEqual(10);
      expect(metrics.active.at(-1)).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('keeps its data across restarts: the schema is created once and opening again changes nothing', async () => {
    const email = uniqueEmail('persist');
    const first = await openPostgres(services().databaseUrl, recordingMetrics());
    const created = await first.users.create(email, 'h');
    await first.close();
    const second = await openPostgres(services().databaseUrl, recordingMetrics());
    try {
      expect(await second.users.findByEmail(email)).toEqual({
        ...(created as object),
        email,
        passwordHash: 'h',
      });
    } finally {
      await second.close();
    }
  });

  it('creates the schema once when several instances start at once on an empty database', async () => {
    const name = `fresh_${process.pid}_${Date.now()}`;
    await psql(services().databaseUrl, `CREATE DATABASE ${name}`);
    const url = services().databaseUrl.replace(/\/postgres$/, `/${name}`);
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url, recordingMetrics())));
    await Promise.all(opened.map((db) => db.close()));
    const { stdout } = await psql(
      url,
      "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(stdout.trim()).toBe('todos,users');
  });

  it('stores values as parameters: a title that is SQL stays a title and the tables survive', async () => {
    const db = await openPostgres(services().databaseUrl, recordingMetrics());
    try {
      const user = (await db.users.create(uniqueEmail(), 'h')) as { id: string };
      const title = "x'); DROP TABLE todos; --";
      await db.todos.create(user.id, title);
      const { stdout } = await psql(
        services().databaseUrl,
        `SELECT title FROM todos WHERE owner_id = '${user.id}'`,
      );
      expect(stdout.trim()).toBe(title);
    } finally {
      await db.close();
    }
  });

  it('refuses U+0000 in stored text with a clear error, and finds nothing for a key holding it', async () => {
    const db = await openPostgres(services().databaseUrl, recordingMetrics());
    try {
      const user = (await db.users.create(uniqueEmail(), 'h')) as { id: string };
      await expect(db.todos.create(user.id, 'a\u0000b')).rejects.toThrow(/title cannot contain U\+0000/);
      await expect(db.users.create('nul\u0000@example.test', 'h')).rejects.toThrow(
        /email cannot contain U\+0000/,
      );
      expect(await db.users.findByEmail('nul\u0000@example.test')).toBeUndefined();
      const todo = await db.todos.create(user.id, 'ok');
      await expect(db.todos.update(user.id, todo.id, { title: '\u0000' })).rejects.toThrow(/U\+0000/);
      expect(await db.todos.list(user.id)).toEqual([todo]);
    } finally {
      await db.close();
    }
  });

  it('gives a readiness check that runs SELECT 1 and reports the pool', async () => {
    const db = await openPostgres(services().databaseUrl, recordingMetrics());
    try {
      const { httpStatus, body } = await createHealth({ checks: db.checks, cacheMs: 0 }).ready();
      expect(httpStatus).toBe(200);
      expect(body.checks.sql).toMatchObject({ status: 'pass', pool_total: expect.any(Number) });
    } finally {
      await db.close();
    }
  });

  it('rejects a bad DATABASE_URL with an error naming the variable and never the password', async () => {
    const port = await deadPort();
    const realPort = new URL(services().databaseUrl).port;
    const password = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEF0123456789'),
      minLength: 10,
      maxLength: 24,
    });
    const shape = fc.constantFrom(
      (pw: string) => `postgres://app:${pw}@127.0.0.1:${port}/postgres`, // nothing listens
      (pw: string) => `postgres://app:${pw}@127.0.0.1:${realPort}/postgres`, // wrong password
      (pw: string) => `mysql://app:${pw}@127.0.0.1/db`,
      (pw: string) => `postgres://app:${pw}@127.0.0.1:99999/db`,
      (pw: string) => `postgres://app:${pw}@`,
      (pw: string) => `app:${pw}@127.0.0.1/db`,
      (pw: string) => `postgres://app:${pw} @ 127.0.0.1 /db`,
      (pw: string) => `postgres://${pw}@127.0.0.1:${port}/postgres`,
      (pw: string) => `postgres://app@127.0.0.1:${port}/postgres?password=${pw}`,
      (pw: string) => `postgres://app:12/${pw}@127.0.0.1:${port}/db`,
      (pw: string) => `${pw}:x@127.0.0.1/db`,
    );
    await fc.assert(
      fc.asyncProperty(password, shape, async (pw, url) => {
        const error = await openPostgres(url(pw), recordingMetrics()).then(
          () => new Error('opened'),
          (e: unknown) => e as Error & { code?: string; variable?: string },
        );
        expect(error).toMatchObject({ code: 'FASTTODO_STORAGE_INVALID_URL', variable: 'DATABASE_URL' });
        expect(error.message).toMatch(/^@fasttodo\/todo-domain: DATABASE_URL must be/);
        expect(`${error.message} ${error.stack} ${String(error.cause)}`).not.toContain(pw);
      }),
      { numRuns: 30 },
    );
  });
});
