import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import type { Logger } from 'winston';
import type { OtelLogLevel } from '../options';

const LEVELS: Record<OtelLogLevel, DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};

// The SDK parses some OTEL_* variables again from process.env (sampler, BSP limits, exporter timeout) and
// complains about invalid values itself, sometimes naming a default we do not use. Our config layer has
// already warned once about each of those values and decided what to use, so these echoes are dropped.
// The env resource detector's failure quotes the malformed OTEL_RESOURCE_ATTRIBUTES entry, value included.
const SDK_ENV_COMPLAINT =
  /\bOTEL_[A-Z_]+\b.*\b(invalid|out of range|is blank)\b|^Unknown value .* for OTEL_[A-Z_]+|^EnvDetector failed:/;

/** Whether a diagnostic is the SDK's own complaint about an `OTEL_*` value that our config already reported. */
export function isSdkEnvComplaint(message: string): boolean {
  return SDK_ENV_COMPLAINT.test(message);
}

function forward(logger: Logger, level: string) {
  return (message: string, ...args: unknown[]) => {
    if (isSdkEnvComplaint(message)) return;
    try {
      logger.log(level, `opentelemetry: ${message}`, args.length > 0 ? { otel_args: args.map(String) } : {});
    } catch {
      // Diagnostics must never throw.
    }
  };
}

/**
 * Route OpenTelemetry's internal diagnostics (`diag`) to the winston logger at `OTEL_LOG_LEVEL`;
 * OpenTelemetry's verbose maps to winston's silly (both are the most detailed level).
 */
export function installDiagLogger(logger: Logger, level: OtelLogLevel): void {
  if (level === 'none') return;
  const target: DiagLogger = {
    error: forward(logger, 'error'),
    warn: forward(logger, 'warn'),
    info: forward(logger, 'info'),
    debug: forward(logger, 'debug'),
    verbose: forward(logger, 'silly'),
  };
  diag.setLogger(target, { logLevel: LEVELS[level], suppressOverrideMessage: true });
}
