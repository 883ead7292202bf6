// The committed dashboards are exactly what deploy/grafana/generate.mjs builds from the shared metric names.
import { execPath } from 'node:process';
import { dashboardExpressions } from './support/expressions';
import { deployPath } from './support/paths';
import { run } from './support/processes';

describe('generated Grafana dashboards', () => {
  it('deploy/grafana/dashboards/*.json equal the generator output (node deploy/grafana/generate.mjs --check)', () => {
    const result = run(execPath, [deployPath('grafana', 'generate.mjs'), '--check']);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('every panel query reads a FastTodo, HTTP, runtime or recorded series', () => {
    const known = /(fasttodo_|http_server_request_duration_seconds|process_|v8js_|nodejs_|fasttodo:|\bup\{)/;
    for (const { source, expr } of dashboardExpressions())
      expect(`${source}: ${known.test(expr)}`).toBe(`${source}: true`);
  });
});
