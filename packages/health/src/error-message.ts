/**
 * The message of a thrown value and the message of its cause (when it adds something); never the stack.
 * For an empty message: the first message of an `AggregateError`, else the code, else the name.
 * Never throws (hostile getters, proxies).
 */
export function errorMessageParts(error: unknown): string[] {
  try {
    return partsOf(error);
  } catch {
    return ['unreadable error'];
  }
}

function partsOf(error: unknown): string[] {
  if (!isErrorLike(error)) return [typeof error === 'string' ? error : 'check failed'];
  const own = error.message || firstAggregated(error) || codeOf(error) || nameOf(error) || 'Error';
  const cause = isErrorLike(error.cause) ? error.cause.message || codeOf(error.cause) : '';
  return cause && cause !== own ? [own, cause] : [own];
}

interface ErrorLike {
  message: string;
  name?: unknown;
  cause?: unknown;
  code?: unknown;
  errors?: unknown;
}

// Duck-typed rather than `instanceof Error`: errors from another realm (vm contexts, workers) count too.
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';
}

function firstAggregated(error: ErrorLike): string {
  if (!Array.isArray(error.errors)) return '';
  const first: unknown = error.errors[0];
  return isErrorLike(first) ? first.message : '';
}

function nameOf(error: ErrorLike): string {
  return typeof error.name === 'string' ? error.name : '';
}

function codeOf(error: ErrorLike): string {
  return typeof error.code === 'string' ? error.code : '';
}
