// Public surface of the logging part; src/index.ts re-exports these names.
export { bindLogContext, withLogContext } from './log-context';
export type { LogContext } from './types';
