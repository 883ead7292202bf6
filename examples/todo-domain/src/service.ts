import type { Telemetry } from '@fasttodo/telemetry';
import { createAssistant } from './ai/assistant';
import { createAuth } from './auth/auth';
import type { BreakerConfig } from './config';
import type { HttpResult } from './http/result';
import { InvalidInput, failure } from './http/result';
import type { RouteSpec } from './http/routes';
import type { FastTodoMetrics } from './metrics';
import type { Storage } from './storage/types';
import { createTodos } from './todos';

/** What an app hands over per request: plain data read from its framework. */
export interface FastTodoRequest {
  readonly authorization?: unknown;
  readonly params?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

/** Dependencies of {@link createFastTodo}. */
export interface FastTodoOptions {
  readonly telemetry: Pick<Telemetry, 'logger'>;
  readonly metrics: FastTodoMetrics;
  readonly storage: Storage;
  readonly breaker: BreakerConfig;
  /** The adapter's user-context call (`setUser` of `@fasttodo/express` / `fastify` / `koa`). */
  readonly setUser: (userId: string) => void;
}

type Handler = (userId: string, request: FastTodoRequest) => Promise<HttpResult>;

/**
 * The FastTodo service without a framework: `handle(route, request)` authenticates (401), attaches the user
 * through `setUser`, runs the route's handler and answers `{ status, body }`; invalid bodies are 400.
 */
export function createFastTodo({ telemetry, metrics, storage, breaker, setUser }: FastTodoOptions) {
  const deps = { storage, metrics, logger: telemetry.logger };
  const auth = createAuth(deps);
  const todos = createTodos(deps);
  const assistant = createAssistant({ ...deps, breaker });
  const id = (request: FastTodoRequest) => request.params?.id ?? '';

  const handlers: Record<RouteSpec['handler'], Handler> = {
    register: (_user, request) => auth.register(request.body),
    login: (_user, request) => auth.login(request.body),
    listTodos: (user) => todos.list(user),
    createTodo: (user, request) => todos.create(user, request.body),
    updateTodo: (user, request) => todos.update(user, id(request), request.body),
    deleteTodo: (user, request) => todos.remove(user, id(request)),
    assist: (user, request) => assistant.assist(user, request.body),
  };

  return {
    handlers,
    authenticate: auth.authenticate,

    /** Runs one route of the contract; unexpected errors propagate to the framework (500). */
    async handle(route: RouteSpec, request: FastTodoRequest): Promise<HttpResult> {
      let userId = '';
      if (route.auth) {
        const found = await auth.authenticate(request.authorization);
        if (!found) return failure(401, 'unauthorized');
        setUser(found);
        userId = found;
      }
      try {
        return await handlers[route.handler](userId, request);
      } catch (error) {
        if (error instanceof InvalidInput) return failure(400, error.error);
        throw error;
      }
    },

    /** Stops the breaker's timers and closes the storage. */
    async close(): Promise<void> {
      assistant.close();
      await storage.close();
    },
  };
}

/** The service {@link createFastTodo} returns. */
export type FastTodo = ReturnType<typeof createFastTodo>;
