import fc from 'fast-check';
import { openMemoryStorage } from '../../examples/todo-domain/src/storage/memory';
import { openPostgres } from '../../examples/todo-domain/src/storage/postgres';
import { openRedis } from '../../examples/todo-domain/src/storage/redis';
import type { Storage } from '../../examples/todo-domain/src/storage/types';
import { type Backend, recordingMetrics, uniqueEmail, uniqueTag } from './support/backends';
import { useServices } from './support/services';

// ONE store contract, run against every backend. Users and todos live in PostgreSQL, sessions and replies in
// Redis; the memory backend holds all four.
const services = useServices();
const backends: Backend[] = [
  {
    name: 'postgres',
    stores: ['users', 'todos'],
    open: () => openPostgres(services().databaseUrl, recordingMetrics()),
  },
  { name: 'redis', stores: ['sessions', 'replies'], open: () => openRedis(services().redisUrl) },
  {
    name: 'memory',
    stores: ['users', 'todos', 'sessions', 'replies'],
    open: async () => openMemoryStorage(),
  },
];

/** Strings of any Unicode graphemes; U+0000 excluded, PostgreSQL text cannot hold it (see postgres.test.ts). */
const text = (maxLength = 60) =>
  fc.string({ unit: 'grapheme', maxLength }).filter((s) => !s.includes('\u0000'));
/** Ids a client could send in `/todos/:id`: UUIDs, SQL fragments, wildcards, NUL, any text. */
const foreignId = fc.oneof(
  fc.uuid(),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom("' OR '1'='1", '1; DROP TABLE todos; --', '%', '_', '*', '', ' ', 'a\u0000b', '%00'),
);
const RUNS = { numRuns: 25 };

describe.each(backends)('store contract: $name', (backend) => {
  let storage: Partial<Storage>;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(async () => {
    await storage?.close?.();
  });
  const has = (store: string) => backend.stores.includes(store as never);
  const users = () => storage.users as NonNullable<Storage['users']>;
  const todos = () => storage.todos as NonNullable<Storage['todos']>;
  const sessions = () => storage.sessions as NonNullable<Storage['sessions']>;
  const replies = () => storage.replies as NonNullable<Storage['replies']>;
  const newUser = async () => {
    const created = await users().create(uniqueEmail(), 'hash');
    if (created === 'taken') throw new Error('fresh email taken');
    return created.id;
  };

  if (has('users'))
    describe('users', () => {
      it('finds a created user by its email and says taken for the same email again', async () => {
        // Emails arrive normalised (lower-cased) by the domain; every backend stores and matches them as given.
        await fc.assert(
          fc.asyncProperty(fc.emailAddress(), async (address) => {
            const email = `${uniqueTag()}${address}`.toLowerCase();
            const created = await users().create(email, 'scrypt$hash');
            expect(created).toEqual({ id: expect.any(String) });
            const { id } = created as { id: string };
            expect(await users().findByEmail(email)).toEqual({ id, email, passwordHash: 'scrypt$hash' });
            expect(await users().create(email, 'other')).toBe('taken');
            expect(await users().findByEmail(email)).toEqual({ id, email, passwordHash: 'scrypt$hash' });
          }),
          RUNS,
        );
      });

      it('registers one of many concurrent registrations of the same email; the others are taken', async () => {
        const email = uniqueEmail('race');
        const results = await Promise.all(Array.from({ length: 8 }, () => users().create(email, 'h')));
        expect(results.filter((r) => r !== 'taken')).toHaveLength(1);
        expect(results.filter((r) => r === 'taken')).toHaveLength(7);
      });

      it('finds nobody for an unknown email', async () => {
        await fc.assert(
          fc.asyncProperty(text(), async (email) => {
            expect(await users().findByEmail(`unknown.${email}`)).toBeUndefined();
          }),
          RUNS,
        );
      });
    });

  if (has('todos'))
    describe('todos', () => {
      it('creates, lists in creation order, counts, updates and removes', async () => {
        const owner = await newUser();
        const a = await todos().create(owner, 'first');
        const b = await todos().create(owner, 'second');
        expect(a).toEqual({ id: expect.any(String), title: 'first', completed: false });
        expect(await todos().list(owner)).toEqual([a, b]);
        expect(await todos().count(owner)).toBe(2);
        expect(await todos().update(owner, a.id, { completed: true })).toEqual({ ...a, completed: true });
        expect(await todos().update(owner, a.id, { title: 'renamed' })).toEqual({
          ...a,
          title: 'renamed',
          completed: true,
        });
        expect(await todos().update(owner, b.id, {})).toEqual(b);
        expect(await todos().remove(owner, a.id)).toBe(true);
        expect(await todos().remove(owner, a.id)).toBe(false);
        expect(await todos().list(owner)).toEqual([b]);
        expect(await todos().count(owner)).toBe(1);
      });

      it('stores any title exactly as given (parameterised, never interpolated)', async () => {
        const owner = await newUser();
        await fc.assert(
          fc.asyncProperty(text(200), text(200), async (title, renamed) => {
            const todo = await todos().create(owner, title);
            expect(todo.title).toBe(title);
            expect((await todos().update(owner, todo.id, { title: renamed }))?.title).toBe(renamed);
            expect((await todos().list(owner)).find((t) => t.id === todo.id)?.title).toBe(renamed);
          }),
          RUNS,
        );
      });

      it("never shows, changes or removes another user's todo, whatever the id", async () => {
        const owner = await newUser();
        const intruder = await newUser();
        const todo = await todos().create(owner, 'private');
        expect(await todos().list(intruder)).toEqual([]);
        expect(await todos().count(intruder)).toBe(0);
        expect(await todos().update(intruder, todo.id, { title: 'pwned', completed: true })).toBeUndefined();
        expect(await todos().remove(intruder, todo.id)).toBe(false);
        await fc.assert(
          fc.asyncProperty(foreignId, async (id) => {
            expect(await todos().update(intruder, id, { completed: true })).toBeUndefined();
            expect(await todos().remove(intruder, id)).toBe(false);
          }),
          RUNS,
        );
        expect(await todos().list(owner)).toEqual([todo]);
      });

      it('lists nothing and counts zero for a user without todos', async () => {
        const id = await newUser();
        expect(await todos().list(id)).toEqual([]);
        expect(await todos().count(id)).toBe(0);
      });
    });

  if (has('sessions'))
    describe('sessions', () => {
      it('resolves a token to its user; tokens are new each time and unguessable strings resolve to nobody', async () => {
        const first = await sessions().create('user-1');
        const second = await sessions().create('user-1');
        expect(first).not.toBe(second);
        expect(first.length).toBeGreaterThanOrEqual(32);
        expect(await sessions().resolve(first)).toBe('user-1');
        expect(await sessions().resolve(second)).toBe('user-1');
        await fc.assert(
          fc.asyncProperty(text(100), async (token) => {
            fc.pre(token !== first && token !== second);
            expect(await sessions().resolve(token)).toBeUndefined();
          }),
          RUNS,
        );
      });
    });

  if (has('replies'))
    describe('replies', () => {
      it('returns what was set under any key, and nothing for a key never set', async () => {
        await fc.assert(
          fc.asyncProperty(text(300), text(300), async (key, value) => {
            const unique = `${uniqueEmail('k')}:${key}`;
            expect(await replies().get(unique)).toBeUndefined();
            await replies().set(unique, value, 60);
            expect(await replies().get(unique)).toBe(value);
          }),
          RUNS,
        );
      });

      it('forgets a reply after its TTL', async () => {
        const key = uniqueEmail('ttl');
        await replies().set(key, 'soon gone', 0.2);
        expect(await replies().get(key)).toBe('soon gone');
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect(await replies().get(key)).toBeUndefined();
      });
    });
});
