// Every PromQL expression of the kit (each dashboard panel query, each recording rule, each alert rule without
// its threshold) is sent to a real Prometheus that scrapes the Express example after the shared traffic scenario,
// and must parse AND return data: a typo in a metric or label name is an empty result, and fails here by name.
//
// The example runs with a real PostgreSQL (DATABASE_URL) so the database pool and query metrics exist.
// FASTTODO_PROMQL_APP / FASTTODO_PROMQL_SCENARIO replace the example script and the scenario module (used while
// the examples were being written); by default: `node examples/express-todo` and examples/traffic/scenario.mjs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  dashboardExpressions,
  type Expression,
  forPrometheus,
  ruleExpressions,
  ruleFiles,
} from './support/expressions';
import { REPO_ROOT } from './support/paths';
import { type Postgres, startPostgres } from './support/postgres';
import { runAsync, type Started, startProcess } from './support/processes';
import { type Prometheus, startPrometheus } from './support/prometheus';

const APP = process.env['FASTTODO_PROMQL_APP'] ?? join(REPO_ROOT, 'examples', 'express-todo');
const SCENARIO =
  process.env['FASTTODO_PROMQL_SCENARIO'] ?? join(REPO_ROOT, 'examples', 'traffic', 'scenario.mjs');
// Four scrape intervals, as Grafana's $__rate_interval would be for a 1 s scrape.
const RATE_INTERVAL = '4s';
const DEADLINE_MS = 45_000;

/** Runs `runScenario(baseUrl)` of the scenario module in a child Node (jest's VM cannot import an ES module). */
async function runScenario(url: string): Promise<void> {
  const script = `const { runScenario } = await import(${JSON.stringify(pathToFileURL(SCENARIO).href)}); await runScenario(${JSON.stringify(url)});`;
  const result = await runAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT });
  if (result.code !== 0) throw new Error(`runScenario failed (${result.code}): ${result.output}`);
}

let postgres: Postgres | undefined;
let app: Started | undefined;
let prometheus: Prometheus | undefined;
let baseUrl = '';

beforeAll(async () => {
  postgres = await startPostgres();
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: postgres.url, LOG_LEVEL: 'warn' };
  const started = await startProcess(process.execPath, [APP], {
    env,
    cwd: REPO_ROOT,
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  app = started.started;
  baseUrl = started.match[1] ?? '';
  prometheus = await startPrometheus(new URL(baseUrl).host, ruleFiles());
  await runScenario(baseUrl);
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await app?.stop();
  await postgres?.stop();
});

/** Allocation on the app (GETs of /metrics) so V8 runs at least one GC and the GC histogram has a series. */
async function stirTheHeap(): Promise<void> {
  await Promise.all(
    Array.from({ length: 20 }, () => fetch(`${baseUrl}/metrics`).then((r) => r.arrayBuffer())),
  );
}

/** Asks every expression until each has returned data once, or the deadline passes; returns what never did. */
async function expressionsWithoutData(expressions: Expression[]): Promise<string[]> {
  let pending = expressions;
  const failures = new Map<string, string>();
  const deadline = Date.now() + DEADLINE_MS;
  while (pending.length > 0 && Date.now() < deadline) {
    await stirTheHeap();
    const next: Expression[] = [];
    for (const expression of pending) {
      const answer = await (prometheus as Prometheus).query(forPrometheus(expression.expr, RATE_INTERVAL));
      if (answer.status !== 'success') failures.set(expression.source, `does not parse: ${answer.error}`);
      else if ((answer.data?.result.length ?? 0) === 0) next.push(expression);
    }
    pending = next.filter((e) => !failures.has(e.source));
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  for (const e of pending) failures.set(e.source, 'returned no data');
  return [...failures].map(([source, why]) => `${source}: ${why}\n    ${oneLine(source, expressions)}`);
}

/** The expression of `source` on one line, for the failure message. */
function oneLine(source: string, expressions: Expression[]): string {
  return (
    expressions
      .find((x) => x.source === source)
      ?.expr.replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}

describe('every PromQL expression of the deploy kit, on a real Prometheus scraping the example', () => {
  it('the kit has dashboard queries and rules to check', () => {
    expect(dashboardExpressions().length).toBeGreaterThanOrEqual(40);
    expect(ruleExpressions().length).toBeGreaterThanOrEqual(30);
  });

  it('every dashboard panel query and every recording and alert rule parses and returns data', async () => {
    const failures = await expressionsWithoutData([...dashboardExpressions(), ...ruleExpressions()]);
    expect(failures).toEqual([]);
  }, 90_000);
});
