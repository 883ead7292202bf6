import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { deployPath } from './paths';

/** One PromQL expression and where it was found (named in failure messages). */
export interface Expression {
  source: string;
  expr: string;
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
}

const RULES_DIR = deployPath('prometheus', 'rules');
const DASHBOARDS_DIR = deployPath('grafana', 'dashboards');

/** The rule files of the kit (absolute paths). */
export function ruleFiles(): string[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${RULES_DIR}/${f}`);
}

/** Every recording and alerting rule of deploy/prometheus/rules. */
export function rules(): (Rule & { file: string })[] {
  return ruleFiles().flatMap((file) => {
    const doc = parse(readFileSync(file, 'utf8')) as { groups: { rules: Rule[] }[] };
    return doc.groups.flatMap((group) => group.rules.map((rule) => ({ ...rule, file })));
  });
}

interface Panel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

/** Every query of every panel of every committed dashboard. */
export function dashboardExpressions(): Expression[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) => {
      const dashboard = JSON.parse(readFileSync(`${DASHBOARDS_DIR}/${file}`, 'utf8')) as { panels: Panel[] };
      const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
      return panels.flatMap((panel) =>
        (panel.targets ?? [])
          .filter((t): t is { expr: string } => typeof t.expr === 'string')
          .map((t, i) => ({ source: `${file} "${panel.title}" query ${i + 1}`, expr: t.expr })),
      );
    });
}

// A comparison with a number literal or a parenthesised product of literals: `> 0.05`, `== 2`, `> (14.4 * 0.001)`.
const THRESHOLD = /\s*(?:==|!=|>=|<=|>|<)\s*(?:\(\s*[\d.]+(?:\s*[*/+-]\s*[\d.]+)*\s*\)|[\d.]+)(?![\w.])/g;

/**
 * An alert expression without its thresholds, which is what "returns data" means for an alert that is not
 * firing: `a > 0.05 and b > 0.1` becomes `a and b`, `max(state) == 2` becomes `max(state)`. Only comparisons
 * with a number are removed, so every series and every join of the rule is still evaluated.
 */
export function withoutThresholds(expr: string): string {
  return expr.replace(THRESHOLD, '');
}

/** Every rule expression as the real-Prometheus test sends it: recording rules as they are, alerts without thresholds. */
export function ruleExpressions(): Expression[] {
  return rules().map((rule) => ({
    source: `${rule.file.split('/').pop()} ${rule.alert ? `alert ${rule.alert}` : `record ${rule.record}`}`,
    expr: rule.alert ? withoutThresholds(rule.expr) : rule.expr,
  }));
}

/** Grafana's `$__rate_interval` (four scrape intervals at least) for a query sent straight to Prometheus. */
export function forPrometheus(expr: string, rateInterval: string): string {
  return expr.replaceAll('$__rate_interval', rateInterval);
}
