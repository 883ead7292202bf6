import type { Telemetry } from '@fasttodo/telemetry';
import { booleanField, objectBody, optionalField, stringField } from './http/body';
import type { HttpResult } from './http/result';
import { InvalidInput, failure } from './http/result';
import type { FastTodoMetrics } from './metrics';
import type { Storage, TodoPatch } from './storage/types';

/** Longest todo title, counted after trimming. */
export const MAX_TITLE_LENGTH = 200;

interface TodoDeps {
  readonly storage: Storage;
  readonly metrics: FastTodoMetrics;
  readonly logger: Telemetry['logger'];
}

function title(body: Record<string, unknown>, name: string): string {
  const value = stringField(body, name, MAX_TITLE_LENGTH * 4).trim();
  if (value.length === 0 || value.length > MAX_TITLE_LENGTH) throw new InvalidInput('title_length');
  return value;
}

function patchOf(input: unknown): TodoPatch {
  const body = objectBody(input);
  const patch = {
    title: optionalField(body, 'title', title),
    completed: optionalField(body, 'completed', booleanField),
  };
  if (patch.title === undefined && patch.completed === undefined) throw new InvalidInput('nothing_to_update');
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

// Ids are UUIDs; anything else cannot be one of the caller's todos (and never reaches a database query).
const TODO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's todos: another user's todo is a 404, exactly like one that does not exist. */
export function createTodos({ storage, metrics, logger }: TodoDeps) {
  const observeCount = async (userId: string) =>
    metrics.todosPerUser.observe(await storage.todos.count(userId));

  return {
    /** `GET /todos`: 200 with the caller's todos. */
    async list(userId: string): Promise<HttpResult> {
      return { status: 200, body: await storage.todos.list(userId) };
    },

    /** `POST /todos` `{title}`: 201 with the new todo. */
    async create(userId: string, input: unknown): Promise<HttpResult> {
      const todo = await storage.todos.create(userId, title(objectBody(input), 'title'));
      metrics.todosCreated.inc();
      await observeCount(userId);
      logger.info('todo created', { todo_id: todo.id });
      return { status: 201, body: todo };
    },

    /** `PATCH /todos/:id` `{title?, completed?}`: 200 with the todo, 404 when not the caller's. */
    async update(userId: string, id: string, input: unknown): Promise<HttpResult> {
      const patch = patchOf(input);
      if (!TODO_ID.test(id)) return failure(404, 'todo_not_found');
      const before = (await storage.todos.list(userId)).find((todo) => todo.id === id);
      const todo = before && (await storage.todos.update(userId, id, patch));
      if (!todo) return failure(404, 'todo_not_found');
      if (todo.completed && !before.completed) metrics.todosCompleted.inc();
      logger.info('todo updated', { todo_id: id, fields: Object.keys(patch) });
      return { status: 200, body: todo };
    },

    /** `DELETE /todos/:id`: 204, 404 when not the caller's. */
    async remove(userId: string, id: string): Promise<HttpResult> {
      if (!TODO_ID.test(id) || !(await storage.todos.remove(userId, id)))
        return failure(404, 'todo_not_found');
      metrics.todosDeleted.inc();
      await observeCount(userId);
      logger.info('todo deleted', { todo_id: id });
      return { status: 204 };
    },
  };
}
