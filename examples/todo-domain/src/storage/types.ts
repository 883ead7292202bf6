import type { HealthCheck } from '@fasttodo/health';

/** A registered user as stored; the hash is scrypt output and never leaves the domain. */
export interface StoredUser {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
}

/** A todo as the HTTP contract returns it. */
export interface Todo {
  readonly id: string;
  readonly title: string;
  readonly completed: boolean;
}

/** Fields a PATCH may change. */
export interface TodoPatch {
  readonly title?: string;
  readonly completed?: boolean;
}

/** Users by id and by (lower-cased) email. */
export interface UserStore {
  /** The new user's id, or `'taken'` when the email is already registered. */
  create(email: string, passwordHash: string): Promise<{ id: string } | 'taken'>;
  findByEmail(email: string): Promise<StoredUser | undefined>;
}

/** Opaque bearer tokens mapped to user ids. */
export interface SessionStore {
  /** Issues a new random token for the user. */
  create(userId: string): Promise<string>;
  /** The user id of a live token, or `undefined`. */
  resolve(token: string): Promise<string | undefined>;
}

/** Todos, always scoped to their owner: another user's todo is `undefined` / `false`, never an error. */
export interface TodoStore {
  list(userId: string): Promise<Todo[]>;
  create(userId: string, title: string): Promise<Todo>;
  update(userId: string, id: string, patch: TodoPatch): Promise<Todo | undefined>;
  remove(userId: string, id: string): Promise<boolean>;
  count(userId: string): Promise<number>;
}

/** The AI assistant's reply cache. */
export interface ReplyCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

/** Where a database backend reports `fasttodo_db_query_duration_seconds` and `fasttodo_db_connections_active`. */
export interface DbMetrics {
  /** One finished query; `operation` is a bounded word such as `select`, `insert`, `update`, `delete`. */
  observeQuery(operation: string, seconds: number): void;
  /** Connections currently checked out of the pool. */
  setActiveConnections(count: number): void;
}

/** What the service stores, and the readiness checks of whatever backs it. */
export interface Storage {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly todos: TodoStore;
  readonly replies: ReplyCache;
  /** Readiness checks of the configured backends (none for memory). */
  readonly checks: readonly HealthCheck[];
  close(): Promise<void>;
}
