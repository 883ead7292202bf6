/** One route of the FastTodo HTTP contract, in the `:param` syntax all three frameworks share. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** The handler's name in `createFastTodo().handlers`. */
  readonly handler:
    | 'register'
    | 'login'
    | 'listTodos'
    | 'createTodo'
    | 'updateTodo'
    | 'deleteTodo'
    | 'assist';
  /** Whether the route needs `Authorization: Bearer <token>` (401 without). */
  readonly auth: boolean;
}

/** The HTTP contract every FastTodo app mounts, in this order. */
export const ROUTES: readonly RouteSpec[] = Object.freeze([
  { method: 'POST', path: '/auth/register', handler: 'register', auth: false },
  { method: 'POST', path: '/auth/login', handler: 'login', auth: false },
  { method: 'GET', path: '/todos', handler: 'listTodos', auth: true },
  { method: 'POST', path: '/todos', handler: 'createTodo', auth: true },
  { method: 'PATCH', path: '/todos/:id', handler: 'updateTodo', auth: true },
  { method: 'DELETE', path: '/todos/:id', handler: 'deleteTodo', auth: true },
  { method: 'POST', path: '/ai/assist', handler: 'assist', auth: true },
]);

/** Request bodies larger than this are refused with 413 by every app's body parser. */
export const BODY_LIMIT_BYTES = 64 * 1024;
