import type { Redactor } from '@fasttodo/redact';
import type { Meter, Tracer } from '@opentelemetry/api';
import type { Logger } from 'winston';
import type { ClientAddressMode } from './client-address';

/** Header values as Node gives them (`IncomingHttpHeaders`): lower-case names. */
export type RequestHeaders = Readonly<Record<string, string | string[] | number | undefined>>;

/** What the HTTP lifecycle uses of a started telemetry (structural, so a test double or another copy fits). */
export interface HttpTelemetry {
  readonly tracer: Tracer;
  readonly meter: Meter;
  readonly logger: Logger;
  readonly redactor: Redactor;
  metricsText(): Promise<string>;
}

/** One probe result, as `@fasttodo/health` returns it. */
export interface ProbeResult {
  readonly httpStatus: number;
  readonly body: unknown;
}

/** The probes of `@fasttodo/health` (typed structurally: telemetry does not import health). */
export interface HealthProbes {
  live(): Promise<ProbeResult>;
  ready(): Promise<ProbeResult>;
  startup(): Promise<ProbeResult>;
}

/** Paths of the health endpoints; `false` switches one off. */
export interface HealthEndpointOptions {
  /** Combined health (readiness with every check); default `/health`. */
  combined?: string | false;
  /** Default `/health/live`. */
  live?: string | false;
  /** Default `/health/ready`. */
  ready?: string | false;
  /** Default `/health/startup`. */
  startup?: string | false;
}

/** The `/metrics` endpoint: who may scrape it. */
export interface MetricsEndpointOptions {
  /** Default `/metrics`. */
  path?: string;
  /** Networks allowed to scrape (CIDR or single address); default loopback and private ranges. */
  allow?: readonly string[];
  /** Proxies whose `X-Forwarded-For` is believed; default none (the header is ignored). */
  trustedProxies?: readonly string[];
  /** When set, a scrape must also send `Authorization: Bearer <token>` (compared in constant time). */
  bearerToken?: string;
}

/** Options of {@link createHttpObservability}; one type shared by every framework adapter. */
export interface HttpObservabilityOptions {
  /** The value `startTelemetry()` returned. */
  telemetry: HttpTelemetry;
  /** `createHealth(...)` of `@fasttodo/health`; without it no health endpoint is served. */
  health?: HealthProbes;
  /** Health endpoint paths, or `false` to serve none. */
  healthEndpoints?: HealthEndpointOptions | false;
  /** The `/metrics` endpoint, or `false` when metrics are served on their own port. */
  metricsEndpoint?: MetricsEndpointOptions | false;
  /** Extra exact paths that are not traced, logged or counted (the endpoint paths always are). */
  excludePaths?: readonly string[];
  /** Trace, log and count the endpoint paths too; default false. */
  observeEndpoints?: boolean;
  /** Header names (case-insensitive) captured as span attributes, redacted; default none. */
  captureHeaders?: { request?: readonly string[]; response?: readonly string[] };
  /** Client address in logs and spans: `truncate` (default), `full` or `omit`. */
  clientAddress?: ClientAddressMode;
  /** One access-log line per request; default true. */
  accessLog?: boolean;
  /** `request.fail()` returns a generic JSON 500 response for the adapter to send; default false. */
  errorResponder?: boolean;
}

/** Plain data an adapter reads from the framework's request. */
export interface RequestInfo {
  /** As received, e.g. `GET`. */
  method: string;
  /** Raw request target: path and query, e.g. `/todos/7?x=1`. */
  url: string;
  headers: RequestHeaders;
  /** Socket peer address (`req.socket.remoteAddress`). */
  remoteAddress?: string | undefined;
  /** `http` or `https`; default `http`. */
  scheme?: string | undefined;
  /** e.g. `1.1` or `2`. */
  httpVersion?: string | undefined;
  /** Local host name or address the request was addressed to. */
  serverAddress?: string | undefined;
  serverPort?: number | undefined;
}

/** A response the core built for the adapter to write as is. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Empty for HEAD and for a denied scrape. */
  body: string;
}

/** How a request ended, as the adapter saw it. */
export interface RequestEnd {
  statusCode: number;
  /** Response body bytes, when known. */
  responseBytes?: number | undefined;
  /** Response headers, read only when some are allow-listed in `captureHeaders.response`. */
  responseHeaders?: RequestHeaders | undefined;
}

/** One request in flight; every method is safe to call more than once and after the end. */
export interface ObservedRequest {
  /** The resolved request id. */
  readonly requestId: string;
  /** Headers for the adapter to set on the response (`x-request-id`). */
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** Runs `fn` with the request's span and log context active (one AsyncLocalStorage run). */
  run<T>(fn: () => T): T;
  /** The matched route template incl. mount prefixes, e.g. `/api/v1/todos/:id`; later calls win. */
  setRoute(route: string): void;
  /** The authenticated user: `user_id` in logs, `enduser.id` on the span, never a metric label. */
  setUser(id: string | number): void;
  /**
   * A thrown error or rejected promise; returns the generic 500 response when the error responder is on. An
   * error carrying a 4xx status is an answer, not a failure: nothing is recorded and `undefined` is returned.
   */
  fail(error: unknown): HttpResponse | undefined;
  /** The response was sent: ends the span, records the duration, writes the access log (once). */
  end(result: RequestEnd): void;
  /** The client went away before the response was sent: ended and recorded once, `error.type` `aborted`. */
  abort(): void;
}

/** The framework-neutral HTTP lifecycle an adapter drives. */
export interface HttpObservability {
  /**
   * A health or metrics endpoint response when the request is for one, else `undefined` (synchronously, so
   * other requests pay no promise).
   */
  endpoint(info: RequestInfo): Promise<HttpResponse> | undefined;
  /** Starts observing a request that is not an endpoint. */
  start(info: RequestInfo): ObservedRequest;
  /** True when response headers are captured: only then does `end()` need `responseHeaders`. */
  readonly capturesResponseHeaders: boolean;
}
