/** What a FastTodo handler answers; an app writes exactly this (JSON body, none for 204). */
export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
}

/** The JSON error body every non-2xx answer carries: a stable machine word, never request data. */
export function failure(status: number, error: string): HttpResult {
  return { status, body: { error } };
}

/** Thrown by body validation; turned into a 400 with its `error` word. */
export class InvalidInput extends Error {
  constructor(readonly error: string) {
    super(error);
    this.name = 'InvalidInput';
  }
}
