import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogContext } from './logs/types';

/** Process-wide state shared by every copy of this package loaded in one process (ESM and CJS build, two installs). */
export interface GlobalState {
  /** The log-context storage: `withLogContext` from one copy reaches the loggers of another. */
  readonly logContext: AsyncLocalStorage<LogContext>;
  /** True from `startTelemetry` until that instance's `shutdown()` settles, whichever copy started it. */
  started: boolean;
}

// Versioned like `@opentelemetry/api`'s `opentelemetry.js.api.1`: bump the suffix whenever GlobalState changes
// shape, so copies that disagree on the shape keep separate state instead of misreading each other's.
const STATE_KEY = Symbol.for('@fasttodo/telemetry.state.v1');

type StateHolder = { [STATE_KEY]?: GlobalState };

/** The state on `globalThis`, created by whichever copy of the package asks first. */
export function globalState(): GlobalState {
  const holder = globalThis as StateHolder;
  holder[STATE_KEY] ??= { logContext: new AsyncLocalStorage<LogContext>(), started: false };
  return holder[STATE_KEY];
}
