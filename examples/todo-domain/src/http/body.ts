import { InvalidInput } from './result';

/** The request body as a plain JSON object, or {@link InvalidInput} (arrays, null, strings ... are refused). */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidInput('body_not_object');
  return body as Record<string, unknown>;
}

/** A string field of at most `max` characters (checked before any other work on it). */
export function stringField(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  if (typeof value !== 'string') throw new InvalidInput(`${name}_required`);
  if (value.length > max) throw new InvalidInput(`${name}_too_long`);
  return value;
}

/** An optional field: `undefined` when absent, else checked by `read`. */
export function optionalField<T>(
  body: Record<string, unknown>,
  name: string,
  read: (body: Record<string, unknown>, name: string) => T,
): T | undefined {
  return body[name] === undefined ? undefined : read(body, name);
}

/** A boolean field. */
export function booleanField(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (typeof value !== 'boolean') throw new InvalidInput(`${name}_not_boolean`);
  return value;
}
