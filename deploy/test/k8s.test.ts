// The Kubernetes manifests validate against the Kubernetes object models (kubernetes-models), every probe names a
// path the SDK serves on the port the app listens on, and preStop + terminationGracePeriodSeconds fit the drain
// sequence measured on a started app.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type K8sObject, k8sObjects, readYaml } from './support/manifests';
import { DEPLOY_DIR, REPO_ROOT } from './support/paths';
import { type Started, startProcess } from './support/processes';

/** A model class of kubernetes-models, e.g. `Deployment` of `kubernetes-models/apps/v1`. */
type ModelClass = new (data: unknown) => { validate(): void };
// Loaded by apiVersion at run time: `apps/v1` → kubernetes-models/apps/v1, then the export named like the kind.
const modelFor = (o: K8sObject): ModelClass =>
  (require(`kubernetes-models/${o.apiVersion}`) as Record<string, ModelClass>)[o.kind] as ModelClass;

const objects = k8sObjects();
const app = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'fasttodo') as K8sObject;
const podSpec = app.spec.template.spec;
const container = podSpec.containers[0];

/** A default from the option table of docs/health.md (`| \`name\` | \`5000\` | ...`), in seconds. */
function documentedDefaultSeconds(option: string): number {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'health.md'), 'utf8');
  const row = new RegExp(`^\\| \`${option}\` \\| \`(\\d+)\` \\|`, 'm').exec(doc);
  if (!row?.[1]) throw new Error(`docs/health.md has no default for ${option}`);
  return Number(row[1]) / 1000;
}

describe('deploy/k8s manifests', () => {
  it.each(objects.map((o) => [`${o.file} ${o.kind}/${o.metadata.name}`, o] as const))(
    '%s validates against the Kubernetes object model',
    (_name, object) => {
      const Model = modelFor(object);
      expect(Model).toBeDefined();
      const { file: _file, ...data } = object;
      expect(() => new Model(data).validate()).not.toThrow();
    },
  );

  it('the model rejects a broken manifest (the validation is real)', () => {
    const broken = { ...app, spec: { ...app.spec, replicas: 'two' } };
    const { file: _file, ...data } = broken;
    expect(() => new (modelFor(app))(data).validate()).toThrow(/replicas/);
  });

  it('every object lives in the fasttodo namespace, and every Service selects pods of a Deployment', () => {
    const namespaced = objects.filter(
      (o) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind),
    );
    for (const o of namespaced)
      expect(`${o.kind}/${o.metadata.name} ${o.metadata.namespace}`).toMatch(/ fasttodo$/);
    const podLabels = objects
      .filter((o) => o.kind === 'Deployment')
      .map((d) => d.spec.template.metadata.labels);
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      const selector = service.spec.selector as Record<string, string>;
      expect(podLabels.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v))).toBe(
        true,
      );
    }
  });

  it('kustomization.yaml lists every manifest and only files that exist', () => {
    const kustomization = readYaml<{ resources: string[]; configMapGenerator: { files: string[] }[] }>(
      'kustomization.yaml',
    );
    expect(new Set(kustomization.resources)).toEqual(new Set(objects.map((o) => `k8s/${o.file}`)));
    const files = kustomization.configMapGenerator.flatMap((g) =>
      g.files.map((f) => f.split('=').pop() as string),
    );
    for (const file of files) expect(`${file} ${existsSync(join(DEPLOY_DIR, file))}`).toBe(`${file} true`);
  });

  it('probes use the container port the app listens on (PORT) and the annotation Prometheus scrapes', () => {
    const port = container.ports.find((p: { name: string }) => p.name === 'http');
    const env = Object.fromEntries(
      container.env.map((e: { name: string; value: string }) => [e.name, e.value]),
    );
    expect(String(port.containerPort)).toBe(env.PORT);
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
      expect(container[probe].httpGet.port).toBe('http');
    expect(app.spec.template.metadata.annotations['prometheus.io/port']).toBe(env.PORT);
  });
});

describe('probes and drain against an app on SDK defaults', () => {
  let started: Started | undefined;
  let url = '';

  beforeAll(async () => {
    const result = await startProcess(process.execPath, [join(__dirname, 'support', 'probe-app.cjs')], {
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    });
    started = result.started;
    url = result.match[1] ?? '';
  });

  afterAll(async () => {
    await started?.stop();
  });

  const compose = readYaml<{ services: Record<string, { healthcheck?: { test: string[] } }> }>(
    'docker-compose.yaml',
  );
  const composePath = /127\.0\.0\.1:\d+(\/[\w/]+)/.exec(
    compose.services['app']?.healthcheck?.test.join(' ') ?? '',
  )?.[1];
  const probePaths = [
    ['k8s startupProbe', container.startupProbe.httpGet.path],
    ['k8s livenessProbe', container.livenessProbe.httpGet.path],
    ['k8s readinessProbe', container.readinessProbe.httpGet.path],
    ['compose healthcheck', composePath],
  ] as const;

  it.each(probePaths)('%s path %s is served by the SDK with 200', async (_where, path) => {
    expect(path).toMatch(/^\/health/);
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('pass');
    expect((await fetch(`${url}${path}-nope`)).status).toBe(404);
  });

  it('the readiness probe sees "draining" before the server stops accepting, and the grace period covers the drain', async () => {
    const readiness = container.readinessProbe;
    const preStopSeconds: number = container.lifecycle.preStop.sleep.seconds;
    const sigterm = Date.now();
    started?.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = await fetch(`${url}${readiness.httpGet.path}`, { headers: { connection: 'close' } });
    expect(ready.status).toBe(503);
    expect(
      (await fetch(`${url}${container.livenessProbe.httpGet.path}`, { headers: { connection: 'close' } }))
        .status,
    ).toBe(200);
    // Poll until the server refuses connections: that is the drain delay of the SDK's defaults.
    let acceptedUntil = Date.now();
    while (Date.now() - sigterm < 15_000) {
      const ok = await fetch(`${url}/health/live`, { headers: { connection: 'close' } }).then(
        () => true,
        () => false,
      );
      if (!ok) break;
      acceptedUntil = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drainDelaySeconds = (acceptedUntil - sigterm) / 1000;
    expect(drainDelaySeconds).toBeGreaterThanOrEqual(4.5);
    // Every prober has seen the failing readiness (period x threshold) before the server stops accepting.
    expect(readiness.periodSeconds * readiness.failureThreshold).toBeLessThanOrEqual(
      Math.round(drainDelaySeconds),
    );
    const worstDrain =
      preStopSeconds +
      Math.round(drainDelaySeconds) +
      documentedDefaultSeconds('drainTimeoutMs') +
      documentedDefaultSeconds('hookTimeoutMs');
    expect(worstDrain).toBeLessThan(podSpec.terminationGracePeriodSeconds);
  }, 30_000);
});
