import type { Redactor } from '@fasttodo/redact';
import type { Histogram, Tracer } from '@opentelemetry/api';
import type { Logger } from 'winston';
import type { ClientAddressMode } from './client-address';
import type { MetricAttributeSets } from './metric-attributes';

/** What every request of one `createHttpObservability` shares, computed once at startup. */
export interface Lifecycle {
  readonly tracer: Tracer;
  readonly duration: Histogram;
  readonly metricSets: MetricAttributeSets;
  readonly logger: Logger;
  readonly redactor: Redactor;
  /** True when the global context manager propagates: one `context.with` then carries span and log context. */
  readonly carriesContext: boolean;
  readonly requestHeaders: readonly string[];
  readonly responseHeaders: readonly string[];
  readonly clientAddress: ClientAddressMode;
  readonly accessLog: boolean;
  readonly errorResponder: boolean;
}
