import { detach } from '../src/logs/detach';

describe('detach: a copy winston may write into', () => {
  it('keeps getters that read their receiver’s internal state (V8’s Error stack since Node 21), without calling them early', () => {
    // Like V8's native `stack` accessor: the getter only knows the object it was installed on.
    const internal = new WeakMap<object, string>();
    const original = {};
    let reads = 0;
    Object.defineProperty(original, 'stack', {
      get(this: object) {
        reads++;
        return internal.get(this);
      },
      enumerable: false,
      configurable: true,
    });
    internal.set(original, 'Error: boom\n    at here');
    const copy = detach(original) as { stack?: string };
    expect(reads).toBe(0);
    expect(copy.stack).toBe('Error: boom\n    at here');
    expect(Object.getOwnPropertyDescriptor(copy, 'stack')?.enumerable).toBe(false);
  });

  it('keeps a real Error’s stack on every Node line, and writing the copy leaves the original untouched', () => {
    const error = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    const copy = detach(error) as Error & { code: string; level?: string };
    expect(copy).toBeInstanceOf(Error);
    expect(copy.stack).toBe(error.stack);
    copy.level = 'error';
    expect(Reflect.ownKeys(error)).not.toContain('level');
    expect(copy.code).toBe('E_BOOM');
  });
});
