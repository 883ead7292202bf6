import type { HttpResult } from './result';
import { failure } from './result';

const CLIENT_ERRORS: Readonly<Record<number, string>> = {
  400: 'invalid_body',
  413: 'body_too_large',
  415: 'unsupported_media_type',
};

/**
 * The answer to an error a framework raised (body parser, router): its own 4xx status with a fixed word, else
 * 500. Never echoes the error's message, which may quote the request.
 */
export function errorResult(error: unknown): HttpResult {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code === 'number' && code >= 400 && code < 500)
    return failure(code, CLIENT_ERRORS[code] ?? 'bad_request');
  return failure(500, 'internal_error');
}

/** The answer to a path or method outside the contract. */
export const NOT_FOUND: HttpResult = Object.freeze(failure(404, 'not_found'));
