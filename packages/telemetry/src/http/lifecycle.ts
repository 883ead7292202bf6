import type { Redactor } from '@fasttodo/redact';
import type { Histogram, Tracer } from '@opentelemetry/api';
import type { MetricAttributeSets } from './metric-attributes';
import type { RequestLog } from './request-log';

/** What every request of one `createHttpObservability` shares, computed once at startup. */
export interface Lifecycle {
  readonly tracer: Tracer;
  readonly duration: Histogram;
  readonly metricSets: MetricAttributeSets;
  readonly requestLog: RequestLog;
  readonly redactor: Redactor;
  /** True when the global context manager propagates: one `context.with` then carries span and log context. */
  readonly carriesContext: boolean;
  readonly requestHeaders: readonly string[];
  readonly responseHeaders: readonly string[];
  /** The client address as the configured mode presents it. */
  readonly presentClient: (address: string | undefined) => string | undefined;
  readonly accessLog: boolean;
  readonly errorResponder: boolean;
}
