import { PassThrough, Writable } from 'node:stream';
import { createRedactor } from '@fasttodo/redact';
import type { Redactor } from '@fasttodo/redact';
import { context, propagation, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import winston from 'winston';
import { TelemetryConfigError } from '../src/errors';
import { withLogContext } from '../src/logs/log-context';
import { createLogging } from '../src/logs/setup';
import { MESSAGE } from '../src/logs/record';
import { captureLogging, settle } from './logs-helpers';

const provider = new NodeTracerProvider();
provider.register();
const tracer = provider.getTracer('logs-test');

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('JSON records', () => {
  test('one JSON object per line with the record fields in order', async () => {
    const log = captureLogging();
    log.logger.info('todo created', { todo_id: 42, tags: ['a'] });
    log.logger.warn('slow');
    await settle();
    const [first, second] = log.records();
    expect(Object.keys(first ?? {})).toEqual([
      'timestamp',
      'level',
      'message',
      'service',
      'environment',
      'todo_id',
      'tags',
    ]);
    expect(first).toMatchObject({
      level: 'info',
      message: 'todo created',
      service: 'logs-test',
      environment: 'test',
    });
    expect(first?.['todo_id']).toBe(42);
    expect(new Date(String(first?.['timestamp'])).toISOString()).toBe(first?.['timestamp']);
    expect(second).toMatchObject({ level: 'warn', message: 'slow' });
    expect(log.lines()).toHaveLength(2);
    await log.shutdown();
  });

  test('trace_id, span_id and trace_flags come from the active span', async () => {
    const log = captureLogging();
    const span = tracer.startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => log.logger.info('inside span'));
    span.end();
    log.logger.info('outside span');
    await settle();
    const [inside, outside] = log.records();
    const { traceId, spanId } = span.spanContext();
    expect(inside).toMatchObject({ trace_id: traceId, span_id: spanId, trace_flags: '01' });
    expect(outside).not.toHaveProperty('trace_id');
    await log.shutdown();
  });

  test('explicit trace fields (the slow-span warning) win over the active span; SDK keys cannot be overwritten', async () => {
    const log = captureLogging();
    const span = tracer.startSpan('other');
    context.with(trace.setSpan(context.active(), span), () =>
      log.logger.warn('slow operation', {
        trace_id: 'a'.repeat(32),
        span_id: 'b'.repeat(16),
        level: 'fake',
        service: 'x',
      }),
    );
    span.end();
    await settle();
    const [record] = log.records();
    expect(record).toMatchObject({
      level: 'warn',
      service: 'logs-test',
      trace_id: 'a'.repeat(32),
      span_id: 'b'.repeat(16),
      _level: 'fake',
      _service: 'x',
    });
    await log.shutdown();
  });

  test('request_id and user_id from the log context', async () => {
    const log = captureLogging();
    await withLogContext({ request_id: 'req-1', user_id: 'user-1' }, async () => {
      await settle();
      log.logger.info('handled');
    });
    await settle();
    expect(log.records()[0]).toMatchObject({ request_id: 'req-1', user_id: 'user-1', message: 'handled' });
    await log.shutdown();
  });

  test('secrets in the message, fields and context are redacted', async () => {
    const log = captureLogging();
    withLogContext({ request_id: 'r', email: 'ctx@example.com' }, () =>
      log.logger.info('signup by alice@example.com', {
        password: 'hunter2',
        nested: { token: 'abc', note: 'mail bob@example.com' },
        authorization: 'Bearer xyz',
      }),
    );
    await settle();
    const line = log.lines()[0] ?? '';
    for (const secret of [
      'alice@example.com',
      'hunter2',
      'abc"',
      'bob@example.com',
      'Bearer xyz',
      'ctx@example.com',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(log.records()[0]).toMatchObject({ password: '[REDACTED]', nested: { token: '[REDACTED]' } });
    await log.shutdown();
  });

  test('newlines and ANSI escapes in messages and fields never split or colour a line', async () => {
    const log = captureLogging();
    const evil = 'line1\nFAKE {"level":"error"}\r\n\u001b[31mred\u001b[0m\u2028end';
    log.logger.info(evil, { field: evil, [evil]: 1 });
    await settle();
    expect(log.lines()).toHaveLength(1);
    const [record] = log.records();
    expect(record?.['message']).toBe(
      'line1\\nFAKE {"level":"error"}\\r\\n\\u001b[31mred\\u001b[0m\\u2028end',
    );
    expect(record?.['field']).toBe(record?.['message']);
    expect(JSON.stringify(record)).not.toMatch(/[\u0000-\u001f\u2028]/);
    await log.shutdown();
  });

  test('control characters in nested keys, array items and context are escaped; the input is untouched', async () => {
    const log = captureLogging();
    const fields = {
      clean: { a: 1, list: ['x', 'y'] },
      nested: { ok: 'fine', 'bad\nkey': 'v', after: 'tab\there', deeper: { list: ['ok', 'a\u001b[2Jb'] } },
    };
    const before = JSON.stringify(fields);
    withLogContext({ request_id: 'req\r\n2' }, () => log.logger.info('nested', fields));
    await settle();
    expect(log.lines()).toHaveLength(1);
    const [record] = log.records();
    expect(record).toMatchObject({
      request_id: 'req\\r\\n2',
      clean: { a: 1, list: ['x', 'y'] },
      nested: { ok: 'fine', 'bad\\nkey': 'v', after: 'tab\\there', deeper: { list: ['ok', 'a\\u001b[2Jb'] } },
    });
    expect(Object.keys(record?.['nested'] as object)).toEqual(['ok', 'bad\\nkey', 'after', 'deeper']);
    expect(JSON.stringify(fields)).toBe(before);
    await log.shutdown();
  });

  test('a value the redactor shares across records is escaped in a copy, never in place', async () => {
    const shared = { reason: 'line\nbreak', list: ['a\tb'] };
    const log = captureLogging({}, createRedactor({ censor: () => shared }));
    log.logger.info('one', { password: 'p1' });
    log.logger.info('two', { password: 'p2' });
    await log.shutdown();
    const records = log.records();
    for (const record of records) {
      expect(record['password']).toEqual({ reason: 'line\\nbreak', list: ['a\\tb'] });
    }
    expect(shared).toEqual({ reason: 'line\nbreak', list: ['a\tb'] });
  });

  test('records written in quick succession carry valid, non-decreasing timestamps', async () => {
    const log = captureLogging();
    for (let i = 0; i < 200; i++) log.logger.info('tick', { i });
    await settle();
    const stamps = log.records().map((r) => String(r['timestamp']));
    expect(stamps).toHaveLength(200);
    for (const stamp of stamps) expect(new Date(stamp).toISOString()).toBe(stamp);
    expect([...stamps].sort()).toEqual(stamps);
    await log.shutdown();
  });

  test('child loggers keep their fields; printf-style extra arguments are kept as args', async () => {
    const log = captureLogging();
    log.logger.child({ component: 'db' }).info('query done', { rows: 3 });
    log.logger.info('user %s did %d things', 'ann', 3);
    await settle();
    const [child, printf] = log.records();
    expect(child).toMatchObject({ message: 'query done', component: 'db', rows: 3 });
    expect(printf).toMatchObject({ message: 'user %s did %d things', args: ['ann', 3] });
    await log.shutdown();
  });

  test('levels below the configured level are not written', async () => {
    const log = captureLogging({ level: 'warn' });
    log.logger.info('hidden');
    log.logger.debug('hidden');
    log.logger.error('shown');
    await settle();
    expect(log.records().map((r) => r['message'])).toEqual(['shown']);
    await log.shutdown();
  });
});

describe('hostile values never throw and stay bounded', () => {
  test('circular objects, BigInt, Errors, symbols, functions, huge strings, throwing getters, frozen info', async () => {
    const log = captureLogging();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular['self'] = circular;
    const error = Object.assign(new Error('db down for carol@example.com'), { code: 'ECONNREFUSED' });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const calls: (() => unknown)[] = [
      () => log.logger.info('circular', { circular }),
      () => log.logger.info('bigint', { big: 2n ** 70n }),
      () => log.logger.error('failed', { error }),
      () => log.logger.error('failed as argument', error),
      () => log.logger.error(error),
      () => log.logger.info('misc', { sym: Symbol('s'), fn: () => 1, nan: Number.NaN, date: new Date(0) }),
      () => log.logger.info('x'.repeat(1_000_000), { big: 'y'.repeat(1_000_000) }),
      () => log.logger.info('getter', getter),
      () => log.logger.info('revoked', { proxy: revoked.proxy }),
      () => log.logger.info(Object.freeze({ message: 'frozen' }) as never),
      () => log.logger.info(undefined as never),
      () => log.logger.log('info', null as never),
      () => log.logger.info({ deep: JSON.parse(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`) } as never),
      () =>
        log.logger.info(
          'proto',
          JSON.parse('{"__proto__":{"polluted":true},"nested":{"__proto__":{"x":1}}}'),
        ),
    ];
    for (const call of calls) expect(call).not.toThrow();
    await settle();
    const lines = log.lines();
    expect(lines).toHaveLength(calls.length);
    for (const line of lines) expect(line.length).toBeLessThan(40_000);
    const records = log.records();
    expect(records[0]?.['circular']).toEqual({ name: 'loop', self: '[Circular]' });
    expect(records[1]?.['big']).toBe((2n ** 70n).toString());
    expect(records[2]?.['error']).toMatchObject({
      name: 'Error',
      message: 'db down for [REDACTED]',
      code: 'ECONNREFUSED',
    });
    expect(String((records[2]?.['error'] as Record<string, unknown> | undefined)?.['stack'])).toContain(
      'Error: db down for',
    );
    expect(records[3]).toMatchObject({ message: 'failed as argument db down for [REDACTED]' });
    expect(records[3]?.['error']).toMatchObject({ name: 'Error', code: 'ECONNREFUSED' });
    expect(records[4]?.['error']).toMatchObject({ name: 'Error' });
    expect(records[4]?.['error']).not.toHaveProperty('level');
    expect(lines.join('\n')).not.toContain('carol@example.com');
    expect(records[5]).toMatchObject({ fn: '[Function: fn]', nan: 'NaN', date: '1970-01-01T00:00:00.000Z' });
    expect(String(records[6]?.['message'])).toMatch(/^x{8100,}…\[truncated 99\d{4} chars\]$/);
    expect(String(records[6]?.['message'])).toHaveLength(8192);
    expect(records[7]).toMatchObject({ message: 'getter', args: [{ boom: '[Unreadable]' }] });
    // winston writes `level` into its argument; ours hands it a copy, so even a frozen record logs normally.
    expect(records[9]).toMatchObject({ level: 'info', message: 'frozen' });
    expect(lines[13]).toContain('"__proto__":{"polluted":true}');
    expect(lines[13]).toContain('"nested":{"__proto__":{"x":1}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(records[13])).toBe(Object.prototype);
    await log.shutdown();
  });
  test('unsafe values after safe ones are still converted, in key order, and the input stays as it was', async () => {
    const log = captureLogging();
    const shared = { ok: 1 };
    const fields = {
      a: 1,
      b: 'x',
      c: undefined,
      d: 2n,
      list: [1, 'two', undefined, Number.NaN, shared],
      nested: { ok: true, later: { big: 3n, when: new Date(0) }, inf: Number.POSITIVE_INFINITY },
      again: shared,
      clean: { deep: { list: [1, 2, 3] } },
    };
    const snapshot = { ...fields, list: [...fields.list], nested: { ...fields.nested } };
    log.logger.info('mixed', fields);
    await settle();
    const [record] = log.records();
    expect(record).toMatchObject({
      a: 1,
      b: 'x',
      d: '2',
      list: [1, 'two', null, 'NaN', { ok: 1 }],
      nested: { ok: true, later: { big: '3', when: '1970-01-01T00:00:00.000Z' }, inf: 'Infinity' },
      again: { ok: 1 },
      clean: { deep: { list: [1, 2, 3] } },
    });
    expect(record).not.toHaveProperty('c');
    expect(Object.keys(record ?? {}).slice(5)).toEqual(['a', 'b', 'd', 'list', 'nested', 'again', 'clean']);
    expect(fields).toEqual(snapshot);
    expect(fields.list[3]).toBeNaN();
    expect(typeof fields.nested.later.big).toBe('bigint');
    await log.shutdown();
  });

  test('an Error or object logged as the whole record is never modified by winston', async () => {
    const log = captureLogging();
    const error = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    const record = { message: 'as object', order: 7 };
    const both = { message: 'via log()', order: 8 };
    const before = [error, record, both].map((value) => Reflect.ownKeys(value));
    log.logger.error(error);
    log.logger.info(record);
    log.logger.log('warn', both);
    await settle();
    expect([error, record, both].map((value) => Reflect.ownKeys(value))).toEqual(before);
    const [first, second, third] = log.records();
    expect(first).toMatchObject({ level: 'error', message: 'boom', code: 'E_BOOM' });
    expect(first?.error).toMatchObject({ name: 'Error', message: 'boom' });
    expect(String((first?.error as { stack?: string } | undefined)?.stack)).toContain('Error: boom');
    expect(second).toMatchObject({ level: 'info', message: 'as object', order: 7 });
    expect(third).toMatchObject({ level: 'warn', message: 'via log()', order: 8 });
    await log.shutdown();
  });

  test('a censor that throws costs the data, never the call', async () => {
    const failing = createRedactor({
      censor: () => {
        throw new Error('censor');
      },
    });
    const log = captureLogging({}, failing);
    expect(() =>
      log.logger.info('secret alice@example.com', { password: 'p', note: 'bob@example.com' }),
    ).not.toThrow();
    await log.shutdown();
    const output = log.lines().join('\n');
    expect(log.records()).toHaveLength(1);
    expect(log.records()[0]).toMatchObject({ password: '[REDACTED]' });
    expect(output).not.toContain('alice@example.com');
    expect(output).not.toContain('bob@example.com');
    expect(output).not.toContain('"p"');
  });

  test('a hand-made Redactor is refused: log lines derive their redactor from its options', () => {
    const handMade = {
      redact: (v: unknown) => v,
      redactText: (t: string) => t,
      redactHeaders: () => ({}),
      redactUrl: (u: string) => u,
    } as unknown as Redactor;
    const config = {
      level: 'info',
      format: 'json',
      exporter: 'none',
      serviceName: 's',
      environment: 'e',
    } as const;
    expect(() => createLogging(config, handMade)).toThrow(TelemetryConfigError);
    expect(() => createLogging(config, handMade)).toThrow(/option "redact"/);
  });
});

describe('pretty format', () => {
  test('one coloured line per record with the fields after the message', async () => {
    const log = captureLogging({ format: 'pretty', colors: true });
    withLogContext({ request_id: 'req-9' }, () =>
      log.logger.error('it\nbroke \u001b[2Jcleared', { attempt: 2 }),
    );
    await settle();
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).toContain('\u001b[31mERROR\u001b[0m');
    expect(line).toContain('[logs-test] it\\nbroke \\u001b[2Jcleared');
    expect(line).toContain('request_id=req-9 attempt=2');
    // The only real escape sequences are the SDK's own colours.
    const foreign = line.replace(/\u001b\[(?:0|2|31|90)m/g, '');
    expect(foreign).not.toContain('\u001b');
    await log.shutdown();
  });

  test('no colours when disabled (the default for a non-TTY stream)', async () => {
    const log = captureLogging({ format: 'pretty' });
    log.logger.info('plain', { text: 'has space' });
    await settle();
    expect(log.lines()[0]).toMatch(/^\S+Z INFO {2}\[logs-test\] plain text="has space"$/);
    await log.shutdown();
  });

  test('a TTY destination gets colours unless NO_COLOR is set', async () => {
    const previous = process.env['NO_COLOR'];
    const ttyLine = async () => {
      const stream = Object.assign(new PassThrough(), { isTTY: true });
      let output = '';
      stream.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const config = {
        level: 'info',
        format: 'pretty',
        exporter: 'none',
        serviceName: 's',
        environment: 'e',
        stream,
      } as const;
      const { logger, shutdown } = createLogging(config, createRedactor());
      logger.info('tty');
      await shutdown();
      return output;
    };
    try {
      delete process.env['NO_COLOR'];
      expect(await ttyLine()).toContain('\u001b[32mINFO');
      process.env['NO_COLOR'] = '1';
      expect(await ttyLine()).not.toContain('\u001b');
    } finally {
      if (previous === undefined) delete process.env['NO_COLOR'];
      else process.env['NO_COLOR'] = previous;
    }
  });

  test('string fields with control characters stay on one line, escaped once', async () => {
    const log = captureLogging({ format: 'pretty' });
    log.logger.info('field', { title: 'line one\nINFO forged "quoted"' });
    await settle();
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('title="line one\\nINFO forged \\"quoted\\""');
    await log.shutdown();
  });
});

describe('setup and shutdown', () => {
  test('custom transports replace stdout and receive the rendered line', async () => {
    const seen: string[] = [];
    const transport = new winston.transports.Stream({
      stream: new Writable({
        write(chunk, _encoding, callback) {
          seen.push(String(chunk));
          callback();
        },
      }),
    });
    const log = captureLogging({ transports: [transport] });
    log.logger.info('to custom', { password: 'p' });
    await settle();
    expect(log.lines()).toEqual([]);
    expect(JSON.parse(seen[0] ?? '{}')).toMatchObject({ message: 'to custom', password: '[REDACTED]' });
    await log.shutdown();
  });

  test('an empty transport list discards records quietly', async () => {
    const errors = jest.spyOn(console, 'error');
    const warnings = jest.spyOn(console, 'warn');
    try {
      const log = captureLogging({ transports: [] });
      expect(() => log.logger.info('nowhere')).not.toThrow();
      await settle();
      expect(log.lines()).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
      await log.shutdown();
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });

  test('the formatted info carries the line under the MESSAGE symbol', async () => {
    const infos: Record<symbol, unknown>[] = [];
    const transport = new winston.transports.Stream({
      stream: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    transport.on('logged', (info) => infos.push(info));
    const log = captureLogging({ transports: [transport] });
    log.logger.info('sym');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(JSON.parse(String(infos[0]?.[MESSAGE]))).toMatchObject({ message: 'sym' });
    await log.shutdown();
  });

  test('shutdown flushes, resolves quickly, leaves the destination open, and later calls are ignored', async () => {
    const log = captureLogging();
    for (let i = 0; i < 100; i++) log.logger.info(`line ${i}`);
    const started = Date.now();
    await log.shutdown();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(log.lines()).toHaveLength(100);
    expect(log.stream.writableEnded).toBe(false);
    expect(() => log.logger.info('after shutdown')).not.toThrow();
    await settle();
    expect(log.lines()).toHaveLength(100);
    await log.shutdown();
  });
});
