import { HealthConfigError } from './errors';

/** Listeners installed on `process` for a set of signals. */
export interface SignalListeners {
  dispose(): void;
}

/**
 * Installs `onSignal` for every signal, all or nothing: if the platform refuses one (libuv `EINVAL`), the
 * listeners already installed are removed and a {@link HealthConfigError} names the signal.
 */
export function listenToSignals(
  signals: readonly NodeJS.Signals[],
  onSignal: (signal: NodeJS.Signals) => void,
): SignalListeners {
  const installed: NodeJS.Signals[] = [];
  const dispose = () => {
    for (const signal of installed) process.removeListener(signal, onSignal);
  };
  signals.forEach((signal, i) => {
    try {
      process.on(signal, onSignal);
      installed.push(signal);
    } catch (error) {
      dispose();
      throw new HealthConfigError(`signals[${i}]`, 'a signal this process can listen to', signal, error);
    }
  });
  return { dispose };
}
