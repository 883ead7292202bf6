import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type Started, startProcess } from './processes';

/** A Prometheus server the test started, and its instant-query API. */
export interface Prometheus {
  url: string;
  /** `/api/v1/query`; resolves to Prometheus's JSON answer (status "error" for a query that does not parse). */
  query(expr: string): Promise<PromResponse>;
  stop(): Promise<void>;
}

export interface PromResponse {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: unknown[] };
}

/**
 * Starts Debian's `prometheus` on a free loopback port with temporary storage, scraping `target` (host:port) as
 * job `fasttodo` every second and evaluating `ruleFiles` every second. `ready="true"` stands for the pod's Ready
 * condition that Kubernetes discovery attaches in production (deploy/k8s/prometheus.yaml).
 */
export function startPrometheus(target: string, ruleFiles: string[]): Promise<Prometheus> {
  return startPrometheusWith({
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    rule_files: ruleFiles,
    scrape_configs: [
      { job_name: 'fasttodo', static_configs: [{ targets: [target], labels: { ready: 'true' } }] },
    ],
  });
}

/** Starts Debian's `prometheus` with `config` (a prometheus.yml as an object) on a free loopback port. */
export async function startPrometheusWith(config: object): Promise<Prometheus & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fasttodo-prometheus-'));
  const port = await freePort();
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify(config));
  const args = [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ];
  let started: Started;
  try {
    ({ started } = await startProcess('prometheus', args, {
      ready: /Server is ready to receive web requests/,
    }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dir,
    query: async (expr) => {
      const response = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: expr }),
      });
      return (await response.json()) as PromResponse;
    },
    stop: async () => {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
