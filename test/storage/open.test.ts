import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { openStorage } from '../../examples/todo-domain/src/storage/open';
import { recordingMetrics, uniqueEmail } from './support/backends';
import { useServices } from './support/services';

const services = useServices();
const run = promisify(execFile);

async function sql(query: string): Promise<string> {
  return (await run('psql', [services().databaseUrl, '-Atqc', query])).stdout.trim();
}

async function redisGet(key: string): Promise<string> {
  const { port } = new URL(services().redisUrl);
  return (await run('redis-cli', ['-p', port, 'GET', key])).stdout.trim();
}

/** Client connections other than the one asking, once the server has let closed ones go (it does so async). */
async function clientConnections(): Promise<number> {
  const count = async () =>
    Number(
      await sql(
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      ),
    );
  for (let attempt = 0; attempt < 20 && (await count()) > 0; attempt++)
    await new Promise((r) => setTimeout(r, 100));
  return count();
}

describe('openStorage', () => {
  it('keeps everything in memory, with no readiness checks, when no URL is set (an empty URL counts as unset)', async () => {
    for (const urls of [{}, { databaseUrl: '', redisUrl: '' }]) {
      const storage = await openStorage({ ...urls, db: recordingMetrics() });
      const user = (await storage.users.create(uniqueEmail(), 'h')) as { id: string };
      expect(await storage.sessions.resolve(await storage.sessions.create(user.id))).toBe(user.id);
      expect(storage.checks).toEqual([]);
      await storage.close();
    }
  });

  it('puts users and todos in PostgreSQL and sessions and replies in Redis, with both readiness checks', async () => {
    const db = recordingMetrics();
    const storage = await openStorage({
      databaseUrl: services().databaseUrl,
      redisUrl: services().redisUrl,
      db,
    });
    const email = uniqueEmail('both');
    const user = (await storage.users.create(email, 'h')) as { id: string };
    await storage.todos.create(user.id, 'in postgres');
    const token = await storage.sessions.create(user.id);
    await storage.replies.set('prompt', 'reply', 60);

    expect(await sql(`SELECT title FROM todos WHERE owner_id = '${user.id}'`)).toBe('in postgres');
    expect(await redisGet(`session:${createHash('sha256').update(token).digest('hex')}`)).toBe(user.id);
    expect(await redisGet(`reply:${createHash('sha256').update('prompt').digest('hex')}`)).toBe('reply');
    expect(storage.checks.map((c) => c.name)).toEqual(['sql', 'redis']);
    expect(db.queries.length).toBeGreaterThan(0);

    await storage.close();
    expect(await clientConnections()).toBe(0);
    await expect(storage.sessions.resolve(token)).rejects.toThrow();
  });

  it('closes what it opened when the other backend fails to open', async () => {
    const failing = openStorage({
      databaseUrl: services().databaseUrl,
      redisUrl: 'redis://127.0.0.1:1',
      db: recordingMetrics(),
    });
    await expect(failing).rejects.toMatchObject({ variable: 'REDIS_URL' });
    expect(await clientConnections()).toBe(0);
  });
});
