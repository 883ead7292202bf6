// The framework-free FastTodo domain on a real telemetry instance and the memory storage: metric names, config
// errors, the e-mail check, password hashing, hostile bodies for every route, and the breaker's recovery.
import { startTelemetry, type Telemetry } from '@fasttodo/telemetry';
import fc from 'fast-check';
import { normalizeEmail } from '../../examples/todo-domain/src/auth/email';
import { hashPassword, verifyPassword } from '../../examples/todo-domain/src/auth/password';
import { FastTodoConfigError, loadConfig } from '../../examples/todo-domain/src/config';
import { ROUTES } from '../../examples/todo-domain/src/http/routes';
import { BUSINESS_METRICS } from '../../examples/todo-domain/src/metric-names';
import { defineDbMetrics, defineFastTodoMetrics } from '../../examples/todo-domain/src/metrics';
import { createFastTodo } from '../../examples/todo-domain/src/service';
import { openMemoryStorage } from '../../examples/todo-domain/src/storage/memory';
import { LogLines } from '../../packages/telemetry/test/support/log-lines';

let telemetry: Telemetry;
let logs: LogLines;

beforeAll(() => {
  logs = new LogLines();
  telemetry = startTelemetry(
    { serviceName: 'domain-test', traces: { exporter: 'none' }, logs: { format: 'json', stream: logs } },
    {},
  );
});
afterAll(async () => {
  await telemetry.shutdown(); // also unregisters the OpenTelemetry globals
});

const route = (handler: string) => ROUTES.find((r) => r.handler === handler)!;

function service(breaker = loadConfig({}).breaker) {
  return createFastTodo({
    telemetry,
    metrics: defineFastTodoMetrics(telemetry),
    storage: openMemoryStorage(),
    breaker,
    setUser: () => {},
  });
}

describe('metrics', () => {
  it('defines every business metric under exactly the shared Prometheus name', async () => {
    const metrics = defineFastTodoMetrics(telemetry);
    for (const key of Object.keys(BUSINESS_METRICS) as (keyof typeof BUSINESS_METRICS)[]) {
      const instrument = (metrics as unknown as Record<string, { name?: string }>)[key];
      if (instrument?.name) expect([key, instrument.name]).toEqual([key, BUSINESS_METRICS[key]]);
    }
    const db = defineDbMetrics(telemetry);
    db.observeQuery('SELECT', 0.004);
    db.observeQuery('DROP TABLE users; --', 0.001);
    db.setActiveConnections(2);
    const text = await telemetry.metricsText();
    expect(text).toMatch(/^fasttodo_db_query_duration_seconds_count\{[^}]*operation="select"[^}]*\} 1$/m);
    expect(text).toMatch(/^fasttodo_db_query_duration_seconds_count\{[^}]*operation="other"[^}]*\} 1$/m);
    expect(text).toMatch(/^fasttodo_db_connections_active\{[^}]*\} 2$/m);
  });
});

describe('loadConfig', () => {
  it('has built-in defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      drainDelayMs: 5000,
    });
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['HOST', 'a b'],
    ['AI_BREAKER_VOLUME_THRESHOLD', '0'],
    ['AI_BREAKER_ERROR_PERCENT', '101'],
    ['DRAIN_DELAY_MS', '1e3'],
    ['DATABASE_URL', 'mysql://root:hunter2@db/app'],
    ['REDIS_URL', 'not a url'],
  ])('rejects %s=%s with a typed error naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FastTodoConfigError);
    expect((error as FastTodoConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['Ada@Example.COM ', 'ada@example.com'],
    ['a.b+c@mail.example.org', 'a.b+c@mail.example.org'],
    ['no-at.example.com', undefined],
    ['two@@example.com', undefined],
    ['a@b@example.com', undefined],
    ['@example.com', undefined],
    ['a@example', undefined],
    ['a@.example.com', undefined],
    ['a@example..com', undefined],
    ['a@example.com.', undefined],
    ['a b@example.com', undefined],
    ['a@exa\nmple.com', undefined],
    [`${'a'.repeat(65)}@example.com`, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it('accepts only one @, printable ASCII and at most 254 characters, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const email = normalizeEmail(input);
        if (email === undefined) return;
        expect(email.length).toBeLessThanOrEqual(254);
        expect(email.split('@')).toHaveLength(2);
        expect(email).toMatch(/^[!-~]+$/);
      }),
    );
  });

  it('stays linear on 1 MB adversarial inputs', () => {
    const started = performance.now();
    for (const input of [
      'a@'.repeat(500_000),
      `${'a.'.repeat(500_000)}@x`,
      `a@${'b.'.repeat(500_000)}`,
      ' '.repeat(1 << 20),
    ])
      expect(normalizeEmail(input)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and verifies in constant time', async () => {
    const [first, second] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(first).toMatch(/^scrypt\$[\w-]{22}\$[\w-]{86}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', first)).toBe(true);
    expect(await verifyPassword('correct horsf', first)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
    expect(await verifyPassword('correct horse', 'scrypt$c2FsdA$c2hvcnQ')).toBe(false);
  });
});

// Any JSON value, and objects whose fields have any JSON type: the class of bodies a client can send.
const hostileBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      email: fc.oneof(fc.string(), fc.emailAddress(), fc.jsonValue()),
      password: fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue()),
      title: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue()),
      completed: fc.jsonValue(),
      prompt: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  ),
);

describe('hostile bodies', () => {
  it('every route answers any body with a 2xx or a 4xx, never a throw or a 5xx', async () => {
    const fastTodo = service();
    const { body } = await fastTodo.handle(route('register'), {
      body: { email: 'eve@example.com', password: 'long enough' },
    });
    expect(body).toHaveProperty('id');
    const login = await fastTodo.handle(route('login'), {
      body: { email: 'eve@example.com', password: 'long enough' },
    });
    const authorization = `Bearer ${(login.body as { token: string }).token}`;
    const todo = await fastTodo.handle(route('createTodo'), { authorization, body: { title: 'x' } });
    const params = { id: (todo.body as { id: string }).id };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), hostileBody, async (spec, input) => {
        const result = await fastTodo.handle(spec, { authorization, params, body: input });
        expect(result.status).toBeGreaterThanOrEqual(200);
        expect(result.status).toBeLessThan(500);
        if (result.status >= 400) expect(result.body).toEqual({ error: expect.stringMatching(/^[a-z_]+$/) });
      }),
      { numRuns: 150 },
    );
    await fastTodo.close();
  }, 60_000);

  it('answers 401 to missing, malformed and unknown bearer tokens', async () => {
    const fastTodo = service();
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      'Basic abc',
      'Bearer a b',
      'Bearer unknown',
      42,
      'Bearer '.padEnd(10_000, 'x'),
    ])
      expect((await fastTodo.handle(route('listTodos'), { authorization })).status).toBe(401);
    await fastTodo.close();
  });
});

describe('AI circuit breaker', () => {
  it('opens after failures (503), half-opens after resetTimeout, and closes on a good call', async () => {
    const fastTodo = service({
      volumeThreshold: 2,
      errorThresholdPercentage: 50,
      resetTimeoutMs: 300,
      timeoutMs: 2000,
    });
    await fastTodo.handle(route('register'), { body: { email: 'bo@example.com', password: 'long enough' } });
    const login = await fastTodo.handle(route('login'), {
      body: { email: 'bo@example.com', password: 'long enough' },
    });
    const authorization = `Bearer ${(login.body as { token: string }).token}`;
    const assist = async (prompt: string) =>
      (await fastTodo.handle(route('assist'), { authorization, body: { prompt } })).status;

    expect([await assist('#fail 1'), await assist('#fail 2'), await assist('#fail 3')]).toEqual([
      502, 502, 503,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await assist('hello after the reset timeout')).toBe(200);
    expect(await telemetry.metricsText()).toMatch(/^fasttodo_circuit_breaker_state\{breaker="ai"[^}]*\} 0$/m);
    await fastTodo.close();
  });

  it('never logs a prompt, a password or a token', () => {
    const text = logs.raw.join('\n');
    for (const secret of ['long enough', 'hello after the reset timeout', 'correct horse'])
      expect(text).not.toContain(secret);
  });
});
