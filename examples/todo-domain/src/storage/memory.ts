import { randomBytes, randomUUID } from 'node:crypto';
import type { ReplyCache, SessionStore, Storage, StoredUser, Todo, TodoStore, UserStore } from './types';

/** A new opaque bearer token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Storage held in this process (the default: zero infrastructure); lost on restart. */
export function openMemoryStorage(): Storage {
  return {
    users: memoryUsers(),
    sessions: memorySessions(),
    todos: memoryTodos(),
    replies: memoryReplies(),
    checks: [],
    close: async () => {},
  };
}

function memoryUsers(): UserStore {
  const byEmail = new Map<string, StoredUser>();
  return {
    async create(email, passwordHash) {
      if (byEmail.has(email)) return 'taken';
      const user = { id: randomUUID(), email, passwordHash };
      byEmail.set(email, user);
      return { id: user.id };
    },
    async findByEmail(email) {
      return byEmail.get(email);
    },
  };
}

function memorySessions(): SessionStore {
  const users = new Map<string, string>();
  return {
    async create(userId) {
      const token = newToken();
      users.set(token, userId);
      return token;
    },
    async resolve(token) {
      return users.get(token);
    },
  };
}

function memoryTodos(): TodoStore {
  const byUser = new Map<string, Map<string, Todo>>();
  const todosOf = (userId: string) => {
    const todos = byUser.get(userId) ?? new Map<string, Todo>();
    byUser.set(userId, todos);
    return todos;
  };
  return {
    async list(userId) {
      return [...todosOf(userId).values()];
    },
    async create(userId, title) {
      const todo = { id: randomUUID(), title, completed: false };
      todosOf(userId).set(todo.id, todo);
      return todo;
    },
    async update(userId, id, patch) {
      const todos = todosOf(userId);
      const todo = todos.get(id);
      if (!todo) return undefined;
      const updated = { ...todo, ...patch };
      todos.set(id, updated);
      return updated;
    },
    async remove(userId, id) {
      return todosOf(userId).delete(id);
    },
    async count(userId) {
      return todosOf(userId).size;
    },
  };
}

// Unique prompts must not grow memory without bound: the oldest entry goes first.
const MAX_CACHED_REPLIES = 1000;

function memoryReplies(): ReplyCache {
  const entries = new Map<string, { value: string; expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry && entry.expires > Date.now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    async set(key, value, ttlSeconds) {
      entries.delete(key);
      if (entries.size >= MAX_CACHED_REPLIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expires: Date.now() + ttlSeconds * 1000 });
    },
  };
}
