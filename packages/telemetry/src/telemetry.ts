import type { Redactor } from '@fasttodo/redact';
import type { Meter, Tracer } from '@opentelemetry/api';
import type { Logger } from 'winston';
import type { TelemetrySettings } from './config/settings';
import type { bindLogContext, withLogContext } from './logs/log-context';
import type { MetricDefiner } from './metrics/types';

/** What `startTelemetry` returns: the three signals, metric helpers, and a bounded shutdown. */
export interface Telemetry extends MetricDefiner {
  /** Tracer of the registered provider (a no-op tracer when the SDK is disabled). */
  readonly tracer: Tracer;
  /** Meter whose instruments appear in `metricsText()`. */
  readonly meter: Meter;
  /** winston logger: redacted, trace-correlated records. */
  readonly logger: Logger;
  /** The redactor used for spans and logs (adapters reuse it for URLs and headers). */
  readonly redactor: Redactor;
  /** The settings in effect (options over environment over defaults): a deep-frozen view without header values. */
  readonly config: TelemetrySettings;
  /** Prometheus text exposition of every metric; `''` when metrics are disabled. */
  metricsText(): Promise<string>;
  /** Run `fn` with request-scoped log fields (request_id, user_id, ...). */
  withLogContext: typeof withLogContext;
  /** Add fields to the current request's log context. */
  bindLogContext: typeof bindLogContext;
  /** Spans dropped so far because the collector failed or the queue was full. */
  droppedSpans(): number;
  /** Flush spans, metrics and logs; resolves within `shutdownTimeoutMs`, never rejects. Idempotent. */
  shutdown(): Promise<void>;
}
