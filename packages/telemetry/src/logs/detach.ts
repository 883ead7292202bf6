/**
 * A shallow copy of `value` with the same prototype and own property descriptors (getters are copied, not
 * called). winston sets `level` on the object a record is logged with; handing it this copy keeps the
 * caller's object or Error untouched. Returns `value` itself when it cannot be copied (e.g. a revoked proxy).
 */
export function detach(value: object): object {
  try {
    const copy = Object.create(Object.getPrototypeOf(value)) as object;
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      const writable = 'value' in descriptor ? { writable: true } : {};
      // Native getters such as V8's Error `stack` (an own accessor since Node 21) read their receiver's internal
      // slots and answer undefined on a copy; the copied getter keeps reading the original, still lazily.
      const getter = descriptor.get;
      const readsOriginal = getter ? { get: () => getter.call(value) } : {};
      Object.defineProperty(copy, key, { ...descriptor, ...writable, ...readsOriginal, configurable: true });
    }
    return copy;
  } catch {
    return value;
  }
}

/** winston writes into its argument only when an object is the whole record: `info(obj)`, `log(obj)`, `log(level, obj)`. */
export function detachRecordArgument(method: string, args: unknown[]): unknown[] {
  const last = args[args.length - 1];
  const wholeRecord = args.length === 1 || (method === 'log' && args.length === 2);
  if (!wholeRecord || typeof last !== 'object' || last === null) return args;
  return [...args.slice(0, -1), detach(last)];
}
