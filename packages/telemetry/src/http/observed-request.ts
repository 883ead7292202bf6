import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  type Span,
  SpanStatusCode,
  TraceFlags,
} from '@opentelemetry/api';
import type { RPCMetadata } from '@opentelemetry/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_HEADER,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { ATTR_ENDUSER_ID } from '@opentelemetry/semantic-conventions/incubating';
import { addLogFields, runWithLogContext } from '../logs/log-context';
import type { LogContext } from '../logs/types';
import { type DeferredAttributes, deferAttributes } from '../tracing/deferred-attributes';
import { ERROR_TYPE_ABORTED, errorTypeOf, isClientError, safeException } from './error-type';
import type { Lifecycle } from './lifecycle';
import { cut, headerAttributes, requestAttributes, scrubQuery } from './request-attributes';
import type { HttpResponse, ObservedRequest, RequestEnd, RequestHeaders, RequestInfo } from './types';

/** Key of the request in its OTel context, for the standalone `setUser`. */
export const REQUEST_KEY = createContextKey('@fasttodo/telemetry.http-request');
const MAX_ROUTE = 256;
/** Longest user id kept (longer ids are cut with a marker). */
export const MAX_USER_ID = 128;

/** Where the request's span comes from: started by us, or the official HTTP instrumentation's (reused). */
export interface SpanSource {
  span: Span;
  /** Set when the span belongs to `HttpInstrumentation`: it ends the span and records the duration. */
  rpc: RPCMetadata | undefined;
}

/** Per-request data the lifecycle computed at start. */
export interface RequestStart {
  requestId: string;
  method: string;
  spanMethod: string;
  scheme: string;
  /** The redacted path. */
  path: string;
  /** The raw query (redacted only when a span attribute needs it). */
  query: string | undefined;
  client: string | undefined;
  info: RequestInfo;
}

/**
 * One observed request: span, log context, duration and access log, each finished exactly once. The span's
 * attributes are written as they become known when the span is sampled; on a recorded-but-unsampled span
 * (keep-errors) they are deferred to the moment the export pipeline keeps it, since most such spans are dropped.
 */
export class HttpObservedRequest implements ObservedRequest, DeferredAttributes {
  readonly requestId: string;
  readonly responseHeaders: Readonly<Record<string, string>>;
  private readonly startedAt = performance.now();
  private readonly span: Span;
  private readonly rpc: RPCMetadata | undefined;
  private readonly recording: boolean;
  /** Attributes are written now (sampled span); else deferred (recorded only) or never (not recorded). */
  private readonly eager: boolean;
  private responseHeaderValues: RequestHeaders | undefined;
  private ctx!: Context;
  private logContext!: LogContext;
  private route: string | undefined;
  private userId: string | undefined;
  private errorType: string | undefined;
  private failure: unknown;
  private ended = false;

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly data: RequestStart,
    source: SpanSource,
  ) {
    this.requestId = data.requestId;
    this.responseHeaders = { 'x-request-id': data.requestId };
    this.span = source.span;
    this.rpc = source.rpc;
    this.recording = source.span.isRecording();
    this.eager = this.recording && (source.span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
    if (this.eager) this.span.setAttributes(this.startAttributes());
  }

  /** Binds the context the request runs in (its span, log context and this request). */
  bind(ctx: Context, logContext: LogContext): void {
    this.ctx = ctx.setValue(REQUEST_KEY, this);
    this.logContext = logContext;
  }

  run<T>(fn: () => T): T {
    if (this.lifecycle.carriesContext) return context.with(this.ctx, fn);
    return runWithLogContext(this.logContext, fn);
  }

  setRoute(route: string): void {
    if (typeof route !== 'string' || route === '') return;
    this.route = cut(route, MAX_ROUTE);
    if (this.rpc) this.rpc.route = this.route;
    if (!this.recording) return;
    // The name always: a slow-operation warning names even a span that is not exported.
    this.span.updateName(`${this.data.spanMethod} ${this.route}`);
    if (this.eager) this.span.setAttribute(ATTR_HTTP_ROUTE, this.route);
  }

  setUser(id: string | number): void {
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return;
    this.userId = cut(String(id), MAX_USER_ID);
    addLogFields(this.logContext, { user_id: this.userId });
    if (this.eager) this.span.setAttribute(ATTR_ENDUSER_ID, this.lifecycle.redactor.redactText(this.userId));
  }

  fail(error: unknown): HttpResponse | undefined {
    // The framework answers a 4xx error with its status; recording it would also log its message, which a
    // body parser fills with the body (passwords included).
    if (isClientError(error)) return undefined;
    if (!this.ended && this.failure === undefined) {
      this.failure = error ?? new Error('undefined thrown');
      this.errorType = errorTypeOf(error);
      if (this.recording) {
        this.span.recordException(safeException(error, (t) => this.lifecycle.redactor.redactText(t)));
        this.span.setStatus({ code: SpanStatusCode.ERROR, message: this.errorType });
      }
    }
    return this.lifecycle.errorResponder ? this.errorResponse() : undefined;
  }

  end(result: RequestEnd): void {
    if (this.ended) return;
    this.ended = true;
    const status = Number.isInteger(result.statusCode) ? result.statusCode : 0;
    if (status >= 500 && this.errorType === undefined) this.errorType = String(status);
    this.finishSpan(status, result);
    this.finish(status, result.responseBytes);
  }

  abort(): void {
    if (this.ended) return;
    this.ended = true;
    this.errorType ??= ERROR_TYPE_ABORTED;
    if (this.recording) {
      this.span.setAttribute(ATTR_ERROR_TYPE, this.errorType);
      if (!this.eager) deferAttributes(this.span, this);
    }
    if (!this.rpc) this.span.end();
    this.finish(0, undefined);
  }

  private errorResponse(): HttpResponse {
    const body = JSON.stringify({ error: 'internal_server_error', request_id: this.requestId });
    return {
      status: 500,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'x-request-id': this.requestId,
      },
      body,
    };
  }

  private finishSpan(status: number, result: RequestEnd): void {
    if (this.recording) {
      if (status > 0) this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (this.errorType !== undefined) {
        this.span.setAttribute(ATTR_ERROR_TYPE, this.errorType);
        this.span.setStatus({ code: SpanStatusCode.ERROR, message: this.errorType });
      }
      this.responseHeaderValues = result.responseHeaders;
      if (!this.eager) deferAttributes(this.span, this);
      else if (this.lifecycle.responseHeaders.length > 0) this.span.setAttributes(this.responseAttributes());
    }
    if (!this.rpc) this.span.end();
  }

  /** The attributes skipped while the span was only recorded; the export pipeline calls this to keep it. */
  applyDeferredAttributes(): void {
    const attributes = this.startAttributes();
    if (this.route !== undefined) attributes[ATTR_HTTP_ROUTE] = this.route;
    if (this.userId !== undefined)
      attributes[ATTR_ENDUSER_ID] = this.lifecycle.redactor.redactText(this.userId);
    Object.assign(attributes, this.responseAttributes());
    this.span.setAttributes(attributes);
  }

  private startAttributes(): Attributes {
    const { redactor, requestHeaders } = this.lifecycle;
    const { info, method, path, query, scheme, client } = this.data;
    const target = { path, query: scrubQuery(redactor, query) };
    return requestAttributes(redactor, info, method, target, scheme, client, requestHeaders);
  }

  private responseAttributes(): Attributes {
    const attributes: Attributes = {};
    const { redactor, responseHeaders } = this.lifecycle;
    const values = this.responseHeaderValues;
    headerAttributes(redactor, responseHeaders, values, ATTR_HTTP_RESPONSE_HEADER, attributes);
    return attributes;
  }

  private finish(status: number, bytes: number | undefined): void {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const { lifecycle, data, route, errorType } = this;
    if (!this.rpc)
      lifecycle.duration.record(
        seconds,
        lifecycle.metricSets.get(data.method, data.scheme, route, status, errorType),
      );
    if (!lifecycle.accessLog && errorType === undefined) return;
    const { method, path, client } = data;
    const outcome = { method, route, path, status, seconds, bytes, client, errorType };
    // With a context manager the lines carry the request's context themselves: no second context run.
    if (lifecycle.carriesContext)
      lifecycle.requestLog.close(outcome, this.failure, lifecycle.accessLog, this.ctx);
    else this.run(() => lifecycle.requestLog.close(outcome, this.failure, lifecycle.accessLog, undefined));
  }
}
