// All three FastTodo examples, each a real process on the built packages, driven by the shared traffic
// scenario: identical status sequences, identical business-metric deltas, every business metric emitted.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUSINESS_METRICS } from '../../examples/todo-domain/src/metric-names';
import {
  FRAMEWORKS,
  type Framework,
  ROOT,
  type RunningExample,
  deltas,
  readinessWhileDraining,
  scrape,
  startExample,
} from './support';

const run = promisify(execFile);

interface Step {
  step: string;
  status: number;
}

async function runScenario(url: string): Promise<Step[]> {
  const { stdout } = await run(process.execPath, [
    join(ROOT, 'examples', 'traffic', 'run.mjs'),
    url,
    '--json',
  ]);
  return JSON.parse(stdout) as Step[];
}

async function expectedSteps(): Promise<Step[]> {
  const { stdout } = await run(process.execPath, [
    '--input-type=module',
    '-e',
    `import { EXPECTED_STEPS } from ${JSON.stringify(join(ROOT, 'examples', 'traffic', 'scenario.mjs'))};
     console.log(JSON.stringify(EXPECTED_STEPS));`,
  ]);
  return JSON.parse(stdout) as Step[];
}

// Names only a database backend emits (DATABASE_URL); the memory storage has no pool and no queries.
const DATABASE_ONLY: string[] = [BUSINESS_METRICS.dbConnectionsActive, BUSINESS_METRICS.dbQueryDuration];

interface Result {
  app: RunningExample;
  steps: Step[];
  metricDeltas: Record<string, number>;
  metricNames: Set<string>;
}

const results = new Map<Framework, Result>();

beforeAll(async () => {
  // One process per framework, reused by every test of this file; started one after the other (2 cores).
  for (const framework of FRAMEWORKS) {
    const app = await startExample(framework);
    const before = await scrape(app.url);
    const steps = await runScenario(app.url);
    const after = await scrape(app.url);
    const metricNames = new Set(
      [...after.keys()].map((key) => key.replace(/(_bucket|_count|_sum)?(\{.*)?$/, '')),
    );
    results.set(framework, { app, steps, metricDeltas: deltas(before, after), metricNames });
  }
}, 90_000);

afterAll(() => {
  for (const { app } of results.values()) if (app.child.exitCode === null) app.child.kill('SIGKILL');
});

const result = (framework: Framework) => results.get(framework) as Result;

describe.each(FRAMEWORKS)('FastTodo on %s', (framework) => {
  it('prints the URL it listens on as its first line', () => {
    const { app } = result(framework);
    expect(app.output().split('\n')[0]).toBe(`FastTodo (${framework}) listening on ${app.url}`);
  });

  it('answers the scenario with the expected statuses, the breaker opening after two upstream failures', async () => {
    expect(result(framework).steps).toEqual(await expectedSteps());
  });

  it('emits every business metric after the scenario (database ones need DATABASE_URL)', () => {
    const expected = Object.values(BUSINESS_METRICS).filter((name) => !DATABASE_ONLY.includes(name));
    const missing = expected.filter((name) => !result(framework).metricNames.has(name));
    expect(missing).toEqual([]);
  });
});

it('gives identical status sequences and identical business-metric deltas on all three frameworks', () => {
  const [first, ...others] = FRAMEWORKS.map(result);
  expect(first?.metricDeltas).toMatchObject({
    'fasttodo_logins_total{status="failed"}': 1,
    'fasttodo_logins_total{status="success"}': 2,
    fasttodo_registrations_total: 2,
    fasttodo_todos_completed_total: 1,
    'fasttodo_ai_requests_total{status="rejected"}': 1,
    'fasttodo_cache_hits_total{cache="ai"}': 1,
    'fasttodo_circuit_breaker_state{breaker="ai"}': 2,
  });
  for (const other of others) {
    expect(other?.steps).toEqual(first?.steps);
    expect(other?.metricDeltas).toEqual(first?.metricDeltas);
  }
});

// Bodies that must each get a 4xx with a JSON error, never a 500, on every framework.
const BAD_BODIES: { route: string; method: string; raw: string; status: number; type?: string }[] = [
  { route: '/auth/register', method: 'POST', raw: '{"email":', status: 400 },
  // Parsers quote invalid JSON in their error message: a secret sent as the body must not reach the log.
  { route: '/auth/login', method: 'POST', raw: 'Tr0ub4dor&3', status: 400 },
  { route: '/auth/register', method: 'POST', raw: 'null', status: 400 },
  { route: '/auth/register', method: 'POST', raw: '[]', status: 400 },
  { route: '/auth/register', method: 'POST', raw: '42', status: 400 },
  { route: '/auth/register', method: 'POST', raw: '{}', status: 400 },
  { route: '/auth/register', method: 'POST', raw: '{"email":5,"password":[]}', status: 400 },
  {
    route: '/auth/register',
    method: 'POST',
    raw: JSON.stringify({ email: 'a'.repeat(50_000), password: 'p' }),
    status: 400,
  },
  {
    route: '/auth/register',
    method: 'POST',
    raw: '{"__proto__":{"email":"x@y.z"},"password":"long enough"}',
    status: 400,
  },
  { route: '/auth/login', method: 'POST', raw: '{"email":{"$ne":""},"password":{"$ne":""}}', status: 400 },
  {
    route: '/auth/login',
    method: 'POST',
    raw: '<login><email>a@b.c</email></login>',
    status: 400,
    type: 'application/xml',
  },
  {
    route: '/auth/login',
    method: 'POST',
    raw: 'email=a%40b.c&password=x',
    status: 400,
    type: 'application/x-www-form-urlencoded',
  },
  { route: '/todos', method: 'POST', raw: 'buy milk', status: 400, type: 'text/plain' },
  { route: '/todos', method: 'POST', raw: '{"title":{}}', status: 400 },
  { route: '/todos', method: 'POST', raw: JSON.stringify({ title: 't'.repeat(201) }), status: 400 },
  { route: '/todos', method: 'POST', raw: JSON.stringify({ title: 'x'.repeat(60_000) }), status: 400 },
  { route: '/todos', method: 'POST', raw: JSON.stringify({ title: 'x'.repeat(100_000) }), status: 413 },
  { route: '/todos/:id', method: 'PATCH', raw: '{"completed":"yes"}', status: 400 },
  { route: '/todos/:id', method: 'PATCH', raw: '{}', status: 400 },
  { route: '/ai/assist', method: 'POST', raw: JSON.stringify({ prompt: 'p'.repeat(4001) }), status: 400 },
  { route: '/ai/assist', method: 'POST', raw: '{"prompt":"   "}', status: 400 },
];

const USER = { email: 'Grace.Hopper@Example.net', password: 'cobol-1959-compiler' };

async function sendBadBodies(url: string): Promise<{ statuses: number[]; token: string; errors: unknown[] }> {
  await fetch(`${url}/auth/register`, { method: 'POST', headers: json(), body: JSON.stringify(USER) });
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: json(),
    body: JSON.stringify(USER),
  });
  const { token } = (await login.json()) as { token: string };
  const todo = await fetch(`${url}/todos`, { method: 'POST', headers: json(token), body: '{"title":"t"}' });
  const { id } = (await todo.json()) as { id: string };
  const statuses: number[] = [];
  const errors: unknown[] = [];
  for (const { route, method, raw, type } of BAD_BODIES) {
    const response = await fetch(`${url}${route.replace(':id', id)}`, {
      method,
      headers: { ...json(token), ...(type ? { 'content-type': type } : {}) },
      body: raw,
    });
    statuses.push(response.status);
    errors.push(((await response.json()) as { error?: unknown }).error);
  }
  return { statuses, token, errors };
}

function json(token?: string): Record<string, string> {
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

describe.each(FRAMEWORKS)('FastTodo on %s, hostile input and shutdown', (framework) => {
  let bad: Awaited<ReturnType<typeof sendBadBodies>>;

  beforeAll(async () => {
    bad = await sendBadBodies(result(framework).app.url);
  });

  it('answers malformed, mistyped, missing and huge bodies with 400 (413 over 64 KB) and a JSON error word', () => {
    expect(bad.statuses).toEqual(BAD_BODIES.map(({ status }) => status));
    for (const error of bad.errors) expect(error).toMatch(/^[a-z_]+$/);
  });

  it('never writes a password, a bearer token or an e-mail address to its output', () => {
    const output = result(framework).app.output();
    expect(output).toContain('login failed'); // the failed login logged the address field: redacted
    for (const secret of [USER.password, bad.token, 'correct horse', 'battery staple', 'Tr0ub4dor'])
      expect(output).not.toContain(secret);
    expect(/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/i.exec(output)?.[0]).toBeUndefined();
  });

  it('drains on SIGTERM: readiness 503 while still serving, then exit code 0', async () => {
    const { app } = result(framework);
    app.child.kill('SIGTERM');
    expect(await readinessWhileDraining(app.url)).toBe(503);
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    expect(await app.exit).toBe(0);
  });
});
