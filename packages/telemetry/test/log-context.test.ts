import { createRedactor } from '@fasttodo/redact';
import { bindLogContext, currentLogContext, withLogContext } from '../src/logs/log-context';
import { captureLogging, settle } from './logs-helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('fields survive awaits, timers and later binds within one request', async () => {
  const log = captureLogging();
  await withLogContext({ request_id: 'req-1' }, async () => {
    log.logger.info('start');
    await sleep(5);
    bindLogContext({ user_id: 'user-7' });
    await Promise.resolve();
    log.logger.info('after auth');
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        log.logger.info('in timer');
        resolve();
      }, 1),
    );
  });
  await settle();
  const records = log.records();
  expect(records.map((r) => [r['message'], r['request_id'], r['user_id']])).toEqual([
    ['start', 'req-1', undefined],
    ['after auth', 'req-1', 'user-7'],
    ['in timer', 'req-1', 'user-7'],
  ]);
  await log.shutdown();
});

test('concurrent requests never see each other’s fields', async () => {
  const log = captureLogging();
  const request = (id: number) =>
    withLogContext({ request_id: `req-${id}` }, async () => {
      await sleep((id * 7) % 11);
      bindLogContext({ user_id: `user-${id}` });
      await sleep((id * 3) % 5);
      log.logger.info('done', { id });
    });
  await Promise.all(Array.from({ length: 50 }, (_, i) => request(i)));
  await settle();
  const records = log.records();
  expect(records).toHaveLength(50);
  for (const record of records) {
    expect(record['request_id']).toBe(`req-${record['id']}`);
    expect(record['user_id']).toBe(`user-${record['id']}`);
  }
  await log.shutdown();
});

test('nested contexts inherit and override; binds in the child do not leak to the parent', async () => {
  await withLogContext({ request_id: 'outer', tenant: 'acme' }, async () => {
    await withLogContext({ request_id: 'inner' }, async () => {
      bindLogContext({ user_id: 'u' });
      expect(currentLogContext()).toEqual({ request_id: 'inner', tenant: 'acme', user_id: 'u' });
    });
    expect(currentLogContext()).toEqual({ request_id: 'outer', tenant: 'acme' });
  });
  expect(currentLogContext()).toBeUndefined();
});

test('outside a context bindLogContext does nothing and logs carry no request fields', async () => {
  const log = captureLogging();
  bindLogContext({ user_id: 'ghost' });
  log.logger.info('no request');
  await settle();
  expect(log.records()[0]).not.toHaveProperty('user_id');
  expect(currentLogContext()).toBeUndefined();
  await log.shutdown();
});

test('callbacks scheduled inside a context (setImmediate) keep it', async () => {
  const log = captureLogging();
  const done = new Promise<void>((resolve) => {
    withLogContext({ request_id: 'evt' }, () => {
      setImmediate(() => {
        log.logger.info('immediate');
        resolve();
      });
    });
  });
  await done;
  await settle();
  expect(log.records()[0]).toMatchObject({ request_id: 'evt' });
  await log.shutdown();
});

test('hostile context fields never throw and the function still runs', () => {
  const hostile = Object.defineProperty({ request_id: 'ok' }, 'bad', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
  expect(withLogContext(hostile, () => 42)).toBe(42);
  expect(withLogContext(null as never, () => 'ran')).toBe('ran');
  withLogContext({}, () => {
    expect(() => bindLogContext(hostile)).not.toThrow();
    expect(() => bindLogContext(undefined as never)).not.toThrow();
  });
});

test('the function’s return value and thrown errors pass through', async () => {
  expect(withLogContext({ request_id: 'x' }, () => 'value')).toBe('value');
  await expect(withLogContext({}, async () => 7)).resolves.toBe(7);
  expect(() =>
    withLogContext({}, () => {
      throw new Error('app error');
    }),
  ).toThrow('app error');
});

test('the context is made safe once per context, not on every line; a bind makes it safe again', async () => {
  const censored: string[] = [];
  const redactor = createRedactor({
    censor: (value, { rule }) => {
      censored.push(`${rule}:${String(value)}`);
      return '[REDACTED]';
    },
  });
  const log = captureLogging({}, redactor);
  withLogContext({ request_id: 'r', token: 'ctx-secret\n' }, () => {
    for (let i = 0; i < 5; i++) log.logger.info('line', { i });
    bindLogContext({ password: 'bound-secret' });
    for (let i = 0; i < 5; i++) log.logger.info('line', { i });
  });
  await log.shutdown();
  expect(censored.filter((c) => c.includes('ctx-secret'))).toHaveLength(2);
  expect(censored.filter((c) => c.includes('bound-secret'))).toHaveLength(1);
  const records = log.records();
  expect(records).toHaveLength(10);
  expect(records[9]).toMatchObject({ request_id: 'r', token: '[REDACTED]', password: '[REDACTED]' });
  expect(log.lines().join('\n')).not.toContain('secret');
});
