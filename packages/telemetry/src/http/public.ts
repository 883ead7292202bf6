// Public surface of the HTTP lifecycle; src/index.ts re-exports these names.
export { createHttpObservability, setUser } from './create';
export { DEFAULT_SCRAPE_NETWORKS } from './network-access';
export { ERROR_TYPE_ABORTED } from './error-type';
export { requestInfo } from './request-info';
export type { ClientAddressMode } from './client-address';
export type {
  HealthEndpointOptions,
  HealthProbes,
  HttpObservability,
  HttpObservabilityOptions,
  HttpResponse,
  HttpTelemetry,
  MetricsEndpointOptions,
  ObservedRequest,
  ProbeResult,
  RequestEnd,
  RequestHeaders,
  RequestInfo,
} from './types';
