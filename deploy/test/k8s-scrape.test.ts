// The Kubernetes scrape config (deploy/prometheus/prometheus-k8s.yml) on a real Prometheus. Debian's Prometheus is
// built without Kubernetes discovery, so the test swaps `kubernetes_sd_configs` for a file_sd file holding the
// `__meta_kubernetes_*` labels pod discovery would attach to the pods of deploy/k8s/app.yaml; everything else
// (relabelling, paths, ports, the `ready` label the readiness alert reads) runs as written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type K8sObject, k8sObjects, readYaml } from './support/manifests';
import { run } from './support/processes';
import { type Prometheus, startPrometheusWith } from './support/prometheus';

interface ScrapeConfig {
  job_name: string;
  kubernetes_sd_configs?: unknown;
  file_sd_configs?: unknown;
}
interface Target {
  labels: Record<string, string>;
  scrapeUrl: string;
}

const app = k8sObjects().find(
  (o: K8sObject) => o.kind === 'Deployment' && o.metadata.name === 'fasttodo',
) as K8sObject;
const template = app.spec.template;
const containerPort = String(template.spec.containers[0].ports[0].containerPort);

/** What pod discovery reports for one pod of the app (one target per declared container port). */
function discovered(pod: string, ready: string, annotations: Record<string, string>): object {
  const meta: Record<string, string> = {
    __meta_kubernetes_namespace: app.metadata.namespace ?? '',
    __meta_kubernetes_pod_name: pod,
    __meta_kubernetes_pod_ready: ready,
    __meta_kubernetes_pod_label_app_kubernetes_io_name: template.metadata.labels['app.kubernetes.io/name'],
  };
  for (const [key, value] of Object.entries(annotations))
    meta[`__meta_kubernetes_pod_annotation_${key.replace(/[^a-zA-Z0-9]/g, '_')}`] = value;
  return { targets: [`10.1.0.${pod.length}:${containerPort}`], labels: meta };
}

let prometheus: (Prometheus & { dir: string }) | undefined;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fasttodo-sd-'));
  const config = readYaml<{ scrape_configs: ScrapeConfig[]; rule_files?: unknown; alerting?: unknown }>(
    'prometheus',
    'prometheus-k8s.yml',
  );
  const sdFile = join(dir, 'pods.json');
  writeFileSync(
    sdFile,
    JSON.stringify([
      discovered('fasttodo-a', 'true', template.metadata.annotations),
      discovered('fasttodo-bb', 'false', template.metadata.annotations),
      discovered('not-scraped', 'true', {}),
    ]),
  );
  for (const job of config.scrape_configs) {
    if (!job.kubernetes_sd_configs) continue;
    delete job.kubernetes_sd_configs;
    job.file_sd_configs = [{ files: [sdFile] }];
  }
  delete config.rule_files;
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify(config));
  prometheus = await startPrometheusWith(config);
});

afterAll(async () => {
  await prometheus?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function targets(): Promise<Target[]> {
  const response = await fetch(`${prometheus?.url}/api/v1/targets?state=active`);
  const body = (await response.json()) as { data: { activeTargets: Target[] } };
  return body.data.activeTargets.filter((t) => t.labels['job'] === 'fasttodo');
}

describe('deploy/prometheus/prometheus-k8s.yml', () => {
  it('passes promtool check config once discovery is swapped for files', () => {
    const result = run('promtool', ['check', 'config', join(dir, 'prometheus.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('scrapes the annotated pods on the annotated port and path, labelled with namespace, pod and readiness', async () => {
    let found: Target[] = [];
    for (let i = 0; i < 50 && found.length < 2; i++) {
      found = await targets();
      if (found.length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const byPod = Object.fromEntries(found.map((t) => [t.labels['pod'], t]));
    expect(Object.keys(byPod).sort()).toEqual(['fasttodo-a', 'fasttodo-bb']);
    const path = template.metadata.annotations['prometheus.io/path'];
    expect(byPod['fasttodo-a']?.scrapeUrl).toBe(`http://10.1.0.10:${containerPort}${path}`);
    expect(byPod['fasttodo-a']?.labels).toMatchObject({ namespace: 'fasttodo', ready: 'true' });
    expect(byPod['fasttodo-bb']?.labels).toMatchObject({ namespace: 'fasttodo', ready: 'false' });
  });
});
