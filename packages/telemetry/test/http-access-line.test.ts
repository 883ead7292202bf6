import {
  createHttpObservability,
  type RequestInfo,
  startTelemetry,
  type Telemetry,
} from '@fasttodo/telemetry';
import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import winston from 'winston';
import { RequestLog } from '../src/http/request-log';
import { withLogContext } from '../src/logs/log-context';
import { LogLines } from './support/log-lines';

// The access line skips the log walk: its fields are made safe by the lifecycle. Each case below runs twice,
// through that path and through a plain log call walked by the log redactor, and the two lines must agree.
const WRITER = Symbol.for('@fasttodo/telemetry.safe-record-writer.v1');

/** The same telemetry with a logger that hides its safe-record writer: the lifecycle then logs the plain way. */
function withoutWriter(telemetry: Telemetry): Telemetry {
  const logger = new Proxy(telemetry.logger, {
    get: (target, key) => (key === WRITER ? undefined : Reflect.get(target, key, target)),
  });
  return { ...telemetry, logger } as Telemetry;
}

interface Case {
  url: string;
  route?: string;
  id?: string;
  user?: string;
  status?: number;
  error?: Error;
  enclosing?: Record<string, unknown>;
}

const CASES: Case[] = [
  { url: '/api/v1/todos/42?page=2', route: '/api/v1/todos/:id' },
  { url: '/cards/4111111111111111/charge', route: '/cards/4111111111111111/charge' },
  { url: '/a\r\nb\u2028c\u001b[31mred\u202e', route: '/a\nb\u001b[0m' },
  { url: '/users/jane.doe@example.com?token=abcdef123456', id: '4111111111111111' },
  { url: '/login;jsessionid=ABC123DEF456', id: 'req-plain.1:2' },
  { url: '/t/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U' },
  { url: '/me', route: '/me', user: 'jane.doe@example.com' },
  { url: '/me', route: '/me', user: 'user-42', enclosing: { tenant: 'acme', password: 'hunter2' } },
  {
    url: '/boom',
    route: '/boom',
    status: 500,
    error: Object.assign(new Error('db down'), { name: 'Db\nError' }),
  },
  { url: '/nothing', status: 503 },
];

const VARYING = ['timestamp', 'duration_ms', 'trace_id', 'span_id', 'trace_flags'];

function comparable(line: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...line };
  for (const key of VARYING) delete copy[key];
  return copy;
}

describe('access line', () => {
  let logs: LogLines;
  let telemetry: Telemetry;
  beforeEach(() => {
    logs = new LogLines();
    telemetry = startTelemetry(
      { traces: { sampleRatio: 0.1, exporter: 'none' }, logs: { format: 'json', stream: logs } },
      {},
    );
  });
  afterEach(async () => {
    await telemetry.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  function serve(http: ReturnType<typeof createHttpObservability>, c: Case, tag: string): void {
    const headers: RequestInfo['headers'] = { host: 'api.example.com', 'x-request-id': c.id ?? tag };
    const info = { method: 'GET', url: c.url, headers, remoteAddress: '10.1.2.3', httpVersion: '1.1' };
    const handle = () => {
      const request = http.start(info);
      request.run(() => {
        if (c.route !== undefined) request.setRoute(c.route);
        if (c.user !== undefined) request.setUser(c.user);
        if (c.error !== undefined) request.fail(c.error);
      });
      request.end({ statusCode: c.status ?? 200, responseBytes: 17 });
    };
    if (c.enclosing) withLogContext(c.enclosing, handle);
    else handle();
  }

  test.each(CASES.map((c, i) => [i, c] as const))(
    'case %i: the fast line equals the line a walked log call writes',
    (i, c) => {
      const fast = createHttpObservability({ telemetry });
      const walked = createHttpObservability({ telemetry: withoutWriter(telemetry) });
      serve(fast, c, `fast-${i}`);
      serve(walked, c, `walked-${i}`);
      const lines = logs.lines.filter((l) => l['message'] === 'request completed');
      expect(lines).toHaveLength(2);
      const [a, b] = lines.map(comparable) as [Record<string, unknown>, Record<string, unknown>];
      if (c.id === undefined) {
        expect(a['request_id']).toBe(`fast-${i}`);
        expect(b['request_id']).toBe(`walked-${i}`);
        a['request_id'] = b['request_id'] = 'same';
      }
      expect(a).toEqual(b);
      // One JSON object per line, whatever the request carried.
      expect(logs.raw.every((raw) => !/[\r\n\u2028\u2029\u001b]/.test(raw))).toBe(true);
    },
  );

  test('secrets in the request never reach the line', () => {
    const http = createHttpObservability({ telemetry });
    for (const [i, c] of CASES.entries()) serve(http, c, `s-${i}`);
    const text = logs.raw.join('\n');
    for (const secret of [
      '4111111111111111',
      'jane.doe@example.com',
      'abcdef123456',
      'ABC123DEF456',
      'hunter2',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toContain('eyJzdWIiOiIxMjM0NTY3ODkwIn0');
  });

  test('a generated request id is written as it is, even one a detector would take for a number', () => {
    // This UUID holds `3999-4901-8799`, which the phone detector censors when the id is walked as data.
    const id = '7523cad3-3999-4901-8799-98eaf41ff522';
    const requestLog = new RequestLog(telemetry.logger);
    const [ctx] = requestLog.bind(ROOT_CONTEXT, id, true);
    context.with(ctx, () => telemetry.logger.info('inside'));
    expect(logs.withMessage('inside')[0]?.['request_id']).toBe(id);
    const [given] = requestLog.bind(ROOT_CONTEXT, id, false);
    context.with(given, () => telemetry.logger.info('client id'));
    expect(logs.withMessage('client id')[0]?.['request_id']).not.toBe(id);
  });

  test('the access line keeps its place among the lines of other requests', () => {
    const http = createHttpObservability({ telemetry });
    const request = http.start({ method: 'GET', url: '/x', headers: {} });
    request.run(() => telemetry.logger.info('before'));
    request.end({ statusCode: 200 });
    telemetry.logger.info('after');
    expect(logs.lines.map((l) => l['message'])).toEqual(['before', 'request completed', 'after']);
  });

  test('with a level that drops info, no access line; error lines still come', () => {
    telemetry.logger.level = 'warn';
    const http = createHttpObservability({ telemetry });
    serve(http, { url: '/ok', route: '/ok' }, 'quiet');
    serve(http, { url: '/boom', route: '/boom', status: 500 }, 'loud');
    expect(logs.lines.map((l) => l['message'])).toEqual(['request failed']);
  });
});

describe('access line through user transports', () => {
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
  });

  test('a transport of the user (with its own level) gets the same line through winston', async () => {
    const logs = new LogLines();
    const quiet = new LogLines();
    const transports = [
      new winston.transports.Stream({ stream: logs }),
      new winston.transports.Stream({ stream: quiet, level: 'error' }),
    ];
    const telemetry = startTelemetry({ logs: { format: 'json', transports } }, {});
    try {
      const http = createHttpObservability({ telemetry });
      const request = http.start({ method: 'GET', url: '/users/jane@example.com', headers: {} });
      request.end({ statusCode: 200 });
      await new Promise((resolve) => setImmediate(resolve));
      const [line] = logs.withMessage('request completed');
      expect(line?.['path']).toBe('/users/REDACTED');
      expect(quiet.lines).toEqual([]);
    } finally {
      await telemetry.shutdown();
    }
  });
});
