import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  type Span,
  SpanStatusCode,
} from '@opentelemetry/api';
import type { RPCMetadata } from '@opentelemetry/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_HEADER,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import { ATTR_ENDUSER_ID } from '@opentelemetry/semantic-conventions/incubating';
import { addLogFields, runWithLogContext } from '../logs/log-context';
import type { LogContext } from '../logs/types';
import { ERROR_TYPE_ABORTED, errorTypeOf, safeException } from './error-type';
import type { Lifecycle } from './lifecycle';
import { cut, headerAttributes } from './request-attributes';
import type { HttpResponse, ObservedRequest, RequestEnd } from './types';

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
  path: string;
  client: string | undefined;
}

/** One observed request: span, log context, duration and access log, each finished exactly once. */
export class HttpObservedRequest implements ObservedRequest {
  readonly requestId: string;
  readonly responseHeaders: Readonly<Record<string, string>>;
  private readonly startedAt = performance.now();
  private readonly span: Span;
  private readonly rpc: RPCMetadata | undefined;
  private readonly recording: boolean;
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
    this.span.setAttribute(ATTR_HTTP_ROUTE, this.route);
    this.span.updateName(`${this.data.spanMethod} ${this.route}`);
  }

  setUser(id: string | number): void {
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return;
    this.userId = cut(String(id), MAX_USER_ID);
    addLogFields(this.logContext, { user_id: this.userId });
    if (this.recording)
      this.span.setAttribute(ATTR_ENDUSER_ID, this.lifecycle.redactor.redactText(this.userId));
  }

  fail(error: unknown): HttpResponse | undefined {
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
    if (this.recording) this.span.setAttribute(ATTR_ERROR_TYPE, this.errorType);
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
      if (this.lifecycle.responseHeaders.length > 0) {
        const attributes: Attributes = {};
        const { redactor, responseHeaders } = this.lifecycle;
        headerAttributes(
          redactor,
          responseHeaders,
          result.responseHeaders,
          ATTR_HTTP_RESPONSE_HEADER,
          attributes,
        );
        this.span.setAttributes(attributes);
      }
    }
    if (!this.rpc) this.span.end();
  }

  private finish(status: number, bytes: number | undefined): void {
    const seconds = (performance.now() - this.startedAt) / 1000;
    if (!this.rpc) this.lifecycle.duration.record(seconds, this.metricAttributes(status));
    if (this.lifecycle.accessLog || this.errorType !== undefined)
      this.run(() => this.writeLogs(status, seconds, bytes));
  }

  private metricAttributes(status: number): Attributes {
    const attributes: Attributes = {
      [ATTR_HTTP_REQUEST_METHOD]: this.data.method,
      [ATTR_URL_SCHEME]: this.data.scheme,
    };
    if (this.route !== undefined) attributes[ATTR_HTTP_ROUTE] = this.route;
    if (status > 0) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
    if (this.errorType !== undefined) attributes[ATTR_ERROR_TYPE] = this.errorType;
    return attributes;
  }

  private writeLogs(status: number, seconds: number, bytes: number | undefined): void {
    const { logger } = this.lifecycle;
    const fields = {
      method: this.data.method,
      route: this.route ?? null,
      path: this.data.path,
      status: status > 0 ? status : null,
      duration_ms: Math.round(seconds * 1e6) / 1000,
      response_bytes: bytes ?? null,
      client_address: this.data.client ?? null,
      ...(this.errorType !== undefined ? { error_type: this.errorType } : {}),
    };
    if (this.errorType !== undefined && this.errorType !== ERROR_TYPE_ABORTED) {
      const error = this.failure === undefined ? undefined : safeException(this.failure, (t) => t);
      logger.error('request failed', error === undefined ? fields : { ...fields, error });
    }
    if (this.lifecycle.accessLog) logger.info('request completed', fields);
  }
}
