// The Prometheus and Alertmanager files pass the projects' own checkers (Debian's promtool and amtool).
import { readdirSync } from 'node:fs';
import { run } from './support/processes';
import { deployPath } from './support/paths';

const rulesDir = deployPath('prometheus', 'rules');
const testsDir = deployPath('prometheus', 'tests');
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`);

function expectSuccess(result: { code: number; output: string }): void {
  if (result.code !== 0) throw new Error(result.output);
  expect(result.output).not.toMatch(/FAILED|error/i);
}

describe('promtool and amtool', () => {
  it('promtool check config accepts deploy/prometheus/prometheus.yml', () => {
    expectSuccess(run('promtool', ['check', 'config', deployPath('prometheus', 'prometheus.yml')]));
  });

  it('promtool check rules accepts every rule file, without lint findings', () => {
    const result = run('promtool', ['check', 'rules', ...yamlIn(rulesDir)]);
    expectSuccess(result);
    expect(result.output.match(/SUCCESS/g)).toHaveLength(yamlIn(rulesDir).length);
  });

  it('promtool test rules passes every unit test (each alert fires when it should and not on a blip)', () => {
    expectSuccess(run('promtool', ['test', 'rules', ...yamlIn(testsDir)], testsDir));
  });

  it('amtool check-config accepts deploy/alertmanager/alertmanager.yml', () => {
    expectSuccess(run('amtool', ['check-config', deployPath('alertmanager', 'alertmanager.yml')]));
  });
});
