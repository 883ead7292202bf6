/**
 * `compute` remembered per string key, for values that repeat by design (routes, label values, span names,
 * user agents). At most `max` answers are kept and all are forgotten at once when full; a key longer than
 * `maxKeyLength` is computed every time, so hostile keys cannot fill memory.
 */
export function memoize<T>(
  compute: (key: string) => T,
  max: number,
  maxKeyLength = Number.POSITIVE_INFINITY,
): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (key.length <= maxKeyLength) {
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
