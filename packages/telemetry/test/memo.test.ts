import fc from 'fast-check';
import { memoize } from '../src/shared/memo';

describe('memoize', () => {
  test('answers what compute answers, computing a remembered key once', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 40 }), (keys) => {
        const calls = new Map<string, number>();
        const upper = memoize((key) => {
          calls.set(key, (calls.get(key) ?? 0) + 1);
          return key.toUpperCase();
        }, 1000);
        for (const key of [...keys, ...keys]) expect(upper(key)).toBe(key.toUpperCase());
        for (const count of calls.values()) expect(count).toBe(1);
      }),
    );
  });

  test('keeps at most max answers and never remembers a key longer than the bound', () => {
    let computed = 0;
    const length = memoize(
      (key) => {
        computed++;
        return key.length;
      },
      3,
      10,
    );
    for (const key of ['a', 'b', 'c', 'd', 'a']) length(key);
    // 'd' filled the memo past its bound: everything was forgotten and 'a' computed again.
    expect(computed).toBe(5);
    const long = 'x'.repeat(11);
    length(long);
    length(long);
    expect(computed).toBe(7);
  });
});
