import type { DbMetrics, Storage } from '../../../examples/todo-domain/src/storage/types';

/** The stores a backend provides; the contract runs the tests of each. */
export type StoreName = 'users' | 'todos' | 'sessions' | 'replies';

/** A backend under the store contract: which stores it has, and how to open them. */
export interface Backend {
  readonly name: string;
  readonly stores: readonly StoreName[];
  open(): Promise<Partial<Storage> & Pick<Storage, 'close'>>;
}

/** `DbMetrics` that remembers every call, for assertions. */
export interface RecordedMetrics extends DbMetrics {
  readonly queries: { operation: string; seconds: number }[];
  readonly active: number[];
}

/** Collects `observeQuery` and `setActiveConnections` calls. */
export function recordingMetrics(): RecordedMetrics {
  const queries: { operation: string; seconds: number }[] = [];
  const active: number[] = [];
  return {
    queries,
    active,
    observeQuery: (operation, seconds) => void queries.push({ operation, seconds }),
    setActiveConnections: (count) => void active.push(count),
  };
}

let sequence = 0;

/** A prefix no other call in this process returns (backends are shared by the tests of a file). */
export function uniqueTag(): string {
  sequence += 1;
  return `t${process.pid}x${Date.now()}x${sequence}.`;
}

/** An email no other test in this process uses. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${uniqueTag()}@example.test`;
}
