// Every alert has promtool unit tests: at least one case where it fires, and every alert family has a case where
// it must stay silent (`exp_alerts: []`).
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { rules } from './support/expressions';
import { deployPath } from './support/paths';

interface AlertCase {
  alertname: string;
  exp_alerts?: unknown[];
}

const testsDir = deployPath('prometheus', 'tests');
const cases: AlertCase[] = readdirSync(testsDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const doc = parse(readFileSync(`${testsDir}/${f}`, 'utf8')) as {
      tests: { alert_rule_test?: AlertCase[] }[];
    };
    return doc.tests.flatMap((t) => t.alert_rule_test ?? []);
  });
const alerts = rules().flatMap((r) => (r.alert ? [r.alert] : []));

/** SLO alerts form two families (availability, latency); every other alert is its own family. */
const family = (alert: string) => /^FastTodo(Availability|Latency)BudgetBurn/.exec(alert)?.[1] ?? alert;

describe('promtool test coverage of the alert rules', () => {
  it.each(alerts)('%s has a case where it fires', (alert) => {
    expect(cases.some((c) => c.alertname === alert && (c.exp_alerts?.length ?? 0) > 0)).toBe(true);
  });

  it.each([...new Set(alerts.map(family))])('alert family %s has a case where it must not fire', (name) => {
    expect(cases.some((c) => family(c.alertname) === name && (c.exp_alerts?.length ?? 0) === 0)).toBe(true);
  });

  it('the six symptom alerts and the eight burn-rate alerts exist', () => {
    expect(alerts).toHaveLength(14);
  });
});
