import { constants } from 'node:os';
import { HealthConfigError } from './errors';

// SIGKILL and SIGSTOP cannot be caught (libuv throws EINVAL); a listener on a fault signal (SIGSEGV, SIGBUS,
// SIGFPE, SIGILL) runs after the fault and returns into an undefined state (Node.js docs: do not install).
const UNCATCHABLE = new Set(['SIGKILL', 'SIGSTOP', 'SIGSEGV', 'SIGBUS', 'SIGFPE', 'SIGILL']);
const DEFAULT_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** `true` for a signal this platform knows and a drain can listen to. */
function isCatchable(name: unknown): name is NodeJS.Signals {
  return typeof name === 'string' && Object.hasOwn(constants.signals, name) && !UNCATCHABLE.has(name);
}

/** The `signals` option: catchable signal names of this platform, each listed once. */
export function signalsOption(value: unknown): readonly NodeJS.Signals[] {
  if (value === undefined) return DEFAULT_SIGNALS;
  if (!Array.isArray(value)) throw new HealthConfigError('signals', 'an array of signal names', value);
  const signals = Array.from(value as unknown[]);
  signals.forEach((signal, i) => {
    if (!isCatchable(signal)) {
      throw new HealthConfigError(
        `signals[${i}]`,
        'a signal name this platform can catch, such as "SIGTERM" (not SIGKILL, SIGSTOP or a fault signal)',
        signal,
      );
    }
    // Listed twice it would be handled twice: the second call reads as a second signal and exits with 1.
    if (signals.indexOf(signal) !== i)
      throw new HealthConfigError(`signals[${i}]`, 'a signal not already listed', signal);
  });
  return signals as NodeJS.Signals[];
}
