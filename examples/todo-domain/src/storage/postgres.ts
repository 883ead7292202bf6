import { randomUUID } from 'node:crypto';
import { checks } from '@fasttodo/health';
import type { Pool } from 'pg';
import { describeUrl, parseConnectionUrl, StorageConfigError } from './connection-url';
import { requireDriver } from './instrumentations';
import { type RunQuery, timedQueries } from './postgres-query';
import { SCHEMA_SQL } from './postgres-schema';
import type { DbMetrics, Storage, StoredUser, Todo, TodoPatch, TodoStore, UserStore } from './types';

/** What the PostgreSQL backend stores. */
export type PostgresStorage = Pick<Storage, 'users' | 'todos' | 'checks' | 'close'>;

const UNIQUE_VIOLATION = '23505';
const NUL = '\u0000';
const TODO_COLUMNS = 'id, title, completed';

/**
 * Users and todos in PostgreSQL through a `pg` Pool: the schema is created on start, every statement is
 * parameterised and timed into `metrics`, and `checks` holds the readiness check (`SELECT 1`).
 * Rejects with a {@link StorageConfigError} naming `DATABASE_URL` (password hidden) when the URL is
 * malformed or the database cannot be reached.
 * @example const db = await openPostgres(process.env.DATABASE_URL, dbMetrics);
 */
export async function openPostgres(url: string, metrics: DbMetrics): Promise<PostgresStorage> {
  parseConnectionUrl('DATABASE_URL', url, ['postgres:', 'postgresql:']);
  const { Pool } = requireDriver<typeof import('pg')>('pg');
  // Bounded waits: a database that stops answering fails requests instead of holding them forever.
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    query_timeout: 10_000,
  });
  // An idle client losing its connection (database restart) is emitted here; without a listener it would
  // crash the process. The next query gets a fresh connection, and the readiness check reports the outage.
  pool.on('error', () => {});
  const query = timedQueries(pool, metrics);
  await createSchema(pool, query, url);
  return {
    users: userStore(query),
    todos: todoStore(query),
    checks: [checks.sql(pool)],
    close: () => pool.end(),
  };
}

async function createSchema(pool: Pool, query: RunQuery, url: string): Promise<void> {
  try {
    await query('ddl', SCHEMA_SQL);
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = (error as { message?: unknown }).message;
    throw new StorageConfigError(
      'DATABASE_URL',
      `must be a PostgreSQL database that accepts the connection and the schema (${String(reason)}), received ${describeUrl(url)}`,
    );
  }
}

/**
 * PostgreSQL text cannot hold U+0000 (the driver's query would fail with 22021): a key containing it can
 * match no row, and a value containing it is refused with a clear error (validate input before storing).
 */
function storable(field: string, value: string): string {
  if (value.includes(NUL)) {
    throw new RangeError(`@fasttodo/todo-domain: ${field} cannot contain U+0000 in PostgreSQL`);
  }
  return value;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
}

function userStore(query: RunQuery): UserStore {
  return {
    async create(email, passwordHash) {
      const id = randomUUID();
      try {
        await query('insert', 'INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [
          id,
          storable('email', email),
          passwordHash,
        ]);
        return { id };
      } catch (error) {
        if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return 'taken';
        throw error;
      }
    },
    async findByEmail(email): Promise<StoredUser | undefined> {
      if (email.includes(NUL)) return undefined;
      const [row] = await query<UserRow>(
        'select',
        'SELECT id, email, password_hash FROM users WHERE email = $1',
        [email],
      );
      return row && { id: row.id, email: row.email, passwordHash: row.password_hash };
    },
  };
}

function todoStore(query: RunQuery): TodoStore {
  return {
    list: (userId) =>
      query<Todo>('select', `SELECT ${TODO_COLUMNS} FROM todos WHERE owner_id = $1 ORDER BY seq`, [userId]),
    async create(userId, title) {
      const [todo] = await query<Todo>(
        'insert',
        `INSERT INTO todos (id, owner_id, title) VALUES ($1, $2, $3) RETURNING ${TODO_COLUMNS}`,
        [randomUUID(), userId, storable('title', title)],
      );
      if (!todo) throw new Error('INSERT ... RETURNING returned no row');
      return todo;
    },
    update: async (userId, id, patch: TodoPatch) => {
      if (id.includes(NUL)) return undefined;
      const title = patch.title === undefined ? null : storable('title', patch.title);
      const [todo] = await query<Todo>(
        'update',
        `UPDATE todos SET title = COALESCE($3, title), completed = COALESCE($4, completed)
          WHERE id = $1 AND owner_id = $2 RETURNING ${TODO_COLUMNS}`,
        [id, userId, title, patch.completed ?? null],
      );
      return todo;
    },
    async remove(userId, id) {
      if (id.includes(NUL)) return false;
      const deleted = await query(
        'delete',
        'DELETE FROM todos WHERE id = $1 AND owner_id = $2 RETURNING id',
        [id, userId],
      );
      return deleted.length > 0;
    },
    async count(userId) {
      const [row] = await query<{ n: number }>(
        'select',
        'SELECT count(*)::int AS n FROM todos WHERE owner_id = $1',
        [userId],
      );
      return row?.n ?? 0;
    },
  };
}
