import { escapeControlChars, type Redactor } from '@fasttodo/redact';
import type { Context } from '@opentelemetry/api';
import type { Logger } from 'winston';
import { carriedLogContext, withCarriedLogContext } from '../logs/log-context';
import { RECORD_CONTEXT } from '../logs/record';
import { type SafeRecordWriter, safeRecordWriterOf } from '../logs/safe-record-writer';
import type { LogContext } from '../logs/types';
import { memoize } from '../shared/memo';
import { ERROR_TYPE_ABORTED, safeException } from './error-type';

// Routes are developer-written and few; the bound only guards a misbehaving adapter.
const MAX_ROUTES = 2048;

/** What the closing lines of a request say. */
export interface RequestOutcome {
  method: string;
  route: string | undefined;
  /** The redacted path (not yet escaped). */
  path: string;
  /** 0 when the request ended without a response. */
  status: number;
  seconds: number;
  bytes: number | undefined;
  client: string | undefined;
  errorType: string | undefined;
}

/** True when `redactor` writes a `request_id` field as it is (no user rule names that key). */
function keepsRequestId(redactor: Redactor): boolean {
  const out = redactor.redact({ request_id: 'id' }) as Record<string, unknown>;
  return out['request_id'] === 'id';
}

/**
 * A request's log context and its closing lines (access line, error line). The access line is the one line
 * every request writes: its fields are made safe here, most of them once per process (routes) or by
 * construction (numbers, normalized method, addresses), and written without a second walk.
 */
export class RequestLog {
  /** Set when the logger has a safe-record writer: the access line then skips the walk. */
  private readonly fast: FastPath | undefined;
  private readonly idKept: boolean;

  constructor(private readonly logger: Logger) {
    const writer = safeRecordWriterOf(logger);
    this.fast = writer && {
      writer,
      safeRoute: memoize((route) => writer.redactor.redact(route), MAX_ROUTES),
    };
    this.idKept = writer !== undefined && keepsRequestId(writer.redactor);
  }

  /**
   * `parent` carrying the request's log context (the enclosing fields plus `request_id`), and that context.
   * A generated id is ours, not request data: it is written as it is.
   */
  bind(parent: Context, requestId: string, generated: boolean): [Context, LogContext] {
    const ctx = withCarriedLogContext(parent, { request_id: requestId });
    const context = carriedLogContext(ctx) ?? {};
    const writer = this.fast?.writer;
    if (writer !== undefined && this.idKept && Object.keys(context).length === 1) {
      const id = generated ? requestId : writer.redactor.redact(requestId);
      writer.knowSafeContext(context, { request_id: id });
    }
    return [ctx, context];
  }

  /**
   * Writes the error line (a failed or 5xx request, not an aborted one) and the access line (when on).
   * `ctx` is the request's context, or `undefined` when the lines are written inside its run.
   */
  close(outcome: RequestOutcome, failure: unknown, accessLog: boolean, ctx: Context | undefined): void {
    const { errorType } = outcome;
    if (errorType !== undefined && errorType !== ERROR_TYPE_ABORTED) {
      const error = failure === undefined ? undefined : safeException(failure, (t) => t);
      const fields = { ...rawFields(outcome), [RECORD_CONTEXT]: ctx };
      this.logger.error('request failed', error === undefined ? fields : { ...fields, error });
    }
    if (!accessLog) return;
    const { fast } = this;
    if (fast === undefined)
      this.logger.info('request completed', { ...rawFields(outcome), [RECORD_CONTEXT]: ctx });
    else fast.writer.write('info', 'request completed', safeFields(outcome, fast), ctx);
  }
}

/** The logger's safe-record writer and the routes its redactor already made safe. */
interface FastPath {
  readonly writer: SafeRecordWriter;
  readonly safeRoute: (route: string) => unknown;
}

/** The access fields as the log redactor's walk makes them: the path was redacted at start, only escaped here. */
function safeFields(outcome: RequestOutcome, { writer, safeRoute }: FastPath): Record<string, unknown> {
  const fields = rawFields(outcome);
  fields['path'] = escapeControlChars(outcome.path);
  if (outcome.route !== undefined) fields['route'] = safeRoute(outcome.route);
  if (outcome.errorType !== undefined) fields['error_type'] = writer.redactor.redact(outcome.errorType);
  return fields;
}

function rawFields(outcome: RequestOutcome): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    method: outcome.method,
    route: outcome.route ?? null,
    path: outcome.path,
    status: outcome.status > 0 ? outcome.status : null,
    duration_ms: Math.round(outcome.seconds * 1e6) / 1000,
    response_bytes: outcome.bytes ?? null,
    client_address: outcome.client ?? null,
  };
  if (outcome.errorType !== undefined) fields['error_type'] = outcome.errorType;
  return fields;
}
