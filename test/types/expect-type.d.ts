// Compile-time assertions for the consumer type tests (a global script, so every case file, ESM or CJS,
// can use it without an import whose extension would differ between the two).

/** `true` when A and B are the same type: `any`, `unknown` and `never` each equal only themselves. */
type TypeEquals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `Actual` is exactly `Expected`. @example expectExact<ReturnType<typeof f>, string>(); */
declare function expectExact<Actual, Expected>(
  ...proof: TypeEquals<Actual, Expected> extends true ? [] : ['expected another type']
): void;

/** Compiles only when the type of `value` is not `any` (a type that says nothing). */
declare function expectNotAny<T>(value: T & (0 extends 1 & T ? never : unknown)): void;
