// The FastTodo traffic scenario: one realistic burst that touches every route, every business metric and
// the AI circuit breaker. Shared by `bash scripts/demo.sh`, test/examples and the deploy kit's Prometheus test.
import { randomBytes } from 'node:crypto';

/** Most `#fail` prompts sent before giving up on the breaker opening. */
const MAX_FAILURES = 10;

/**
 * Runs the scenario against a FastTodo service at `baseUrl` and returns each step with the status it got.
 * Fresh random accounts each run, so it can run again against the same service, or several services sharing
 * one Redis (the reply cache is per user); the AI prompt is fixed, so token counts are the same everywhere.
 * Against a service whose AI breaker is still open from an earlier run (5 s by default) the AI steps get 503. Statuses are recorded, not
 * asserted: callers compare them (see EXPECTED_STEPS).
 * @param {string} baseUrl e.g. `http://127.0.0.1:3000`
 * @returns {Promise<{ step: string, status: number }[]>}
 */
export async function runScenario(baseUrl) {
  const steps = [];
  const call = async (step, method, path, { body, token } = {}) => {
    const headers = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    steps.push({ step, status: response.status });
    return text ? JSON.parse(text) : undefined;
  };

  const run = randomBytes(6).toString('hex');
  const alice = { email: `alice.${run}@example.com`, password: `correct horse ${run}` };
  const bob = { email: `bob.${run}@example.org`, password: `battery staple ${run}` };

  await call('register', 'POST', '/auth/register', { body: alice });
  await call('register duplicate', 'POST', '/auth/register', { body: alice });
  await call('register invalid email', 'POST', '/auth/register', {
    body: { email: 'not-an-email', password: 'x' },
  });
  await call('register second user', 'POST', '/auth/register', { body: bob });
  await call('login wrong password', 'POST', '/auth/login', {
    body: { ...alice, password: 'wrong password' },
  });
  const { token } = await call('login', 'POST', '/auth/login', { body: alice });
  const { token: bobToken } = await call('login second user', 'POST', '/auth/login', { body: bob });

  await call('list todos without token', 'GET', '/todos');
  const milk = await call('create todo', 'POST', '/todos', { body: { title: 'Buy milk' }, token });
  const taxes = await call('create second todo', 'POST', '/todos', { body: { title: 'File taxes' }, token });
  await call('create invalid todo', 'POST', '/todos', { body: { title: '   ' }, token });
  await call('list todos', 'GET', '/todos', { token });
  await call('complete todo', 'PATCH', `/todos/${milk.id}`, { body: { completed: true }, token });
  await call("patch another user's todo", 'PATCH', `/todos/${taxes.id}`, {
    body: { completed: true },
    token: bobToken,
  });
  await call("delete another user's todo", 'DELETE', `/todos/${taxes.id}`, { token: bobToken });
  await call('delete todo', 'DELETE', `/todos/${taxes.id}`, { token });
  await call('delete deleted todo', 'DELETE', `/todos/${taxes.id}`, { token });

  // A fixed prompt, so token counts are the same on every service.
  const prompt = { prompt: 'Plan my week around: buy milk, file taxes' };
  await call('ai assist', 'POST', '/ai/assist', { body: prompt, token });
  await call('ai assist cached', 'POST', '/ai/assist', { body: prompt, token });
  for (let i = 1; i <= MAX_FAILURES; i++) {
    await call('ai assist upstream failure', 'POST', '/ai/assist', {
      body: { prompt: `#fail attempt ${i}` },
      token,
    });
    if (steps.at(-1).status !== 502) break;
  }
  return steps;
}

/** The statuses a fresh FastTodo service answers with (default breaker settings). */
export const EXPECTED_STEPS = Object.freeze([
  { step: 'register', status: 201 },
  { step: 'register duplicate', status: 409 },
  { step: 'register invalid email', status: 400 },
  { step: 'register second user', status: 201 },
  { step: 'login wrong password', status: 401 },
  { step: 'login', status: 200 },
  { step: 'login second user', status: 200 },
  { step: 'list todos without token', status: 401 },
  { step: 'create todo', status: 201 },
  { step: 'create second todo', status: 201 },
  { step: 'create invalid todo', status: 400 },
  { step: 'list todos', status: 200 },
  { step: 'complete todo', status: 200 },
  { step: "patch another user's todo", status: 404 },
  { step: "delete another user's todo", status: 404 },
  { step: 'delete todo', status: 204 },
  { step: 'delete deleted todo', status: 404 },
  { step: 'ai assist', status: 200 },
  { step: 'ai assist cached', status: 200 },
  { step: 'ai assist upstream failure', status: 502 },
  { step: 'ai assist upstream failure', status: 502 },
  { step: 'ai assist upstream failure', status: 503 },
]);
