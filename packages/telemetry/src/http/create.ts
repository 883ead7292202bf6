import {
  type Context,
  context,
  INVALID_SPAN_CONTEXT,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  trace,
} from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { METRIC_HTTP_SERVER_REQUEST_DURATION } from '@opentelemetry/semantic-conventions';
import { bindLogContext } from '../logs/log-context';
import { addressPresenter } from './client-address';
import { buildEndpoints, pathOf, serveEndpoint } from './endpoints';
import { MetricAttributeSets } from './metric-attributes';
import type { Lifecycle } from './lifecycle';
import { normalizeMethod, spanMethod } from './method';
import { HttpObservedRequest, MAX_USER_ID, REQUEST_KEY, type SpanSource } from './observed-request';
import { resolveHttpOptions } from './options';
import { cut, scrubPath } from './request-attributes';
import { resolveRequestId } from './request-id';
import { RequestLog } from './request-log';
import type { HttpObservability, HttpObservabilityOptions, ObservedRequest, RequestInfo } from './types';

const PROBE_KEY = createContextKey('@fasttodo/telemetry.context-probe');

/** True when the registered context manager propagates `context.with` (a no-op manager does not). */
function contextPropagates(): boolean {
  const probe = ROOT_CONTEXT.setValue(PROBE_KEY, true);
  return context.with(probe, () => context.active().getValue(PROBE_KEY) === true);
}

function lifecycleOf(options: ReturnType<typeof resolveHttpOptions>): Lifecycle {
  const { telemetry } = options;
  return {
    tracer: telemetry.tracer,
    duration: telemetry.meter.createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, {
      unit: 's',
      description: 'Duration of HTTP server requests.',
    }),
    metricSets: new MetricAttributeSets(),
    requestLog: new RequestLog(telemetry.logger),
    redactor: telemetry.redactor,
    carriesContext: contextPropagates(),
    requestHeaders: options.requestHeaders,
    responseHeaders: options.responseHeaders,
    presentClient: addressPresenter(options.clientAddress),
    accessLog: options.accessLog,
    errorResponder: options.errorResponder,
  };
}

/** A request on an excluded path: request id and log context only; no span, metric or access log. */
class UnobservedRequest extends HttpObservedRequest {
  override end(): void {}
  override abort(): void {}
}

const NO_HEADERS: RequestInfo['headers'] = Object.freeze({});

/** The info with the fields every later step reads made safe to read (an adapter bug must not crash a request). */
function wellFormed(info: RequestInfo): RequestInfo {
  if (
    typeof info.method === 'string' &&
    typeof info.url === 'string' &&
    typeof info.headers === 'object' &&
    info.headers !== null
  )
    return info;
  return {
    ...info,
    method: String(info.method),
    url: typeof info.url === 'string' ? info.url : '/',
    headers: typeof info.headers === 'object' && info.headers !== null ? info.headers : NO_HEADERS,
  };
}

/**
 * The request's SERVER span and the context that makes it active: the official HTTP instrumentation's span
 * when one is already active (found through the RPC metadata it shares), else a new span under the extracted
 * remote context.
 */
function serverSpan(lifecycle: Lifecycle, parent: Context, info: RequestInfo, name: string) {
  const rpc = getRPCMetadata(parent);
  if (rpc?.type === RPCType.HTTP && rpc.span !== undefined) {
    return { source: { span: rpc.span, rpc } satisfies SpanSource, spanContext: parent };
  }
  const remote = propagation.extract(parent, info.headers);
  const span = lifecycle.tracer.startSpan(name, { kind: SpanKind.SERVER }, remote);
  return { source: { span, rpc: undefined } satisfies SpanSource, spanContext: trace.setSpan(remote, span) };
}

function splitTarget(url: string): { path: string; query: string | undefined } {
  const path = pathOf(url);
  if (path.length === url.length || url[path.length] !== '?') return { path, query: undefined };
  const hash = url.indexOf('#', path.length);
  return { path, query: url.slice(path.length + 1, hash === -1 ? undefined : hash) };
}

/**
 * The framework-neutral HTTP lifecycle: options are validated once (a bad one throws `TelemetryConfigError`
 * naming it); an adapter then asks `endpoint()` whether a request is a health or metrics endpoint and
 * otherwise drives `start()` → `run()` → `setRoute()` → `end()`/`abort()`.
 * @example
 * const http = createHttpObservability({ telemetry, health });
 * const request = http.start({ method: req.method, url: req.url, headers: req.headers, remoteAddress: req.socket.remoteAddress });
 * request.run(() => handle(req, res));
 */
export function createHttpObservability(options: HttpObservabilityOptions): HttpObservability {
  const resolved = resolveHttpOptions(options);
  const lifecycle = lifecycleOf(resolved);
  const endpoints = buildEndpoints(resolved);
  const excluded = new Set(resolved.excludePaths);
  if (!resolved.observeEndpoints) for (const path of endpoints.keys()) excluded.add(path);
  const noSpan: SpanSource = { span: trace.wrapSpanContext(INVALID_SPAN_CONTEXT), rpc: undefined };

  function start(given: RequestInfo): ObservedRequest {
    const info = wellFormed(given);
    const incomingId = info.headers['x-request-id'];
    const requestId = resolveRequestId(incomingId);
    const generated = requestId !== incomingId;
    const target = splitTarget(info.url);
    const method = normalizeMethod(info.method);
    const scheme = info.scheme === 'https' ? 'https' : 'http';
    const parent = context.active();
    if (excluded.has(target.path)) {
      const data = { ...target, requestId, method, spanMethod: '', scheme, client: undefined, info };
      const request = new UnobservedRequest(lifecycle, data, noSpan);
      request.bind(...lifecycle.requestLog.bind(parent, requestId, generated));
      return request;
    }
    const path = scrubPath(lifecycle.redactor, target.path);
    const client = lifecycle.presentClient(info.remoteAddress);
    const name = spanMethod(method);
    const data = { requestId, method, spanMethod: name, scheme, path, query: target.query, client, info };
    const { source, spanContext } = serverSpan(lifecycle, parent, info, name);
    const request = new HttpObservedRequest(lifecycle, data, source);
    request.bind(...lifecycle.requestLog.bind(spanContext, requestId, generated));
    return request;
  }

  return {
    endpoint(info) {
      const handler = endpoints.get(pathOf(typeof info.url === 'string' ? info.url : ''));
      return handler === undefined ? undefined : serveEndpoint(handler, info);
    },
    start,
    capturesResponseHeaders: resolved.responseHeaders.length > 0,
  };
}

/**
 * Attaches the authenticated user to the current request (inside `request.run()`): `user_id` on its log lines
 * and `enduser.id` on its span, never a metric label. Outside a request only the log context gets it.
 * @example
 * app.use((req, _res, next) => { if (req.session?.userId) setUser(req.session.userId); next(); });
 */
export function setUser(id: string | number): void {
  const request = context.active().getValue(REQUEST_KEY) as HttpObservedRequest | undefined;
  request?.setUser(id);
  // Also the innermost log context, which a nested withLogContext inside the request may have copied.
  if ((typeof id === 'string' || typeof id === 'number') && id !== '')
    bindLogContext({ user_id: cut(String(id), MAX_USER_ID) });
}
