import type { OutputSanitizer } from './output';
import type { ShutdownLogger } from './shutdown-options';

/**
 * Wraps the user's logger so every message is scrubbed like check output (one line, bounded, no secret)
 * and a logger that throws cannot stop a drain half-way: the process would never reach `exit()`.
 */
export function safeLogger(logger: ShutdownLogger, sanitize: OutputSanitizer): ShutdownLogger {
  const call = (write: (message: string) => void, message: string) => {
    try {
      write.call(logger, sanitize.text(message));
    } catch {
      // the message is lost; the drain goes on
    }
  };
  return { info: (message) => call(logger.info, message), warn: (message) => call(logger.warn, message) };
}
