// The collector configuration names only components of the contrib distribution the kit pins, wires each
// pipeline as docs/deploy.md says, and is the one file compose and Kubernetes both use.
import { readFileSync } from 'node:fs';
import { type K8sObject, k8sObjects, readYaml } from './support/manifests';
import { deployPath } from './support/paths';

type Section = Record<string, unknown> | undefined;
interface CollectorConfig {
  receivers: Section;
  processors: Section;
  exporters: Section;
  extensions: Section;
  connectors: Section;
  service: {
    extensions: string[];
    pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }>;
  };
}

const listText = readFileSync(deployPath('otel', 'otelcol-contrib-components.txt'), 'utf8');
const version = /otelcol-contrib\) (\d+\.\d+\.\d+)/.exec(listText)?.[1];
const components = new Set(listText.split('\n').filter((line) => line && !line.startsWith('#')));
const config = readYaml<CollectorConfig>('otel', 'collector.yaml');

/** `memory_limiter` (processor) → `processor memorylimiterprocessor`; `otlp/jaeger` → `exporter otlpexporter`. */
const moduleOf = (kind: string, name: string) =>
  `${kind} ${(name.split('/')[0] as string).replaceAll('_', '')}${kind}`;

const named = (['receiver', 'processor', 'exporter', 'extension', 'connector'] as const).flatMap((kind) =>
  Object.keys(config[`${kind}s`] ?? {}).map((name) => [kind, name] as const),
);

describe('deploy/otel/collector.yaml', () => {
  it('the component list states its version and holds the contrib manifest', () => {
    expect(version).toMatch(/^0\.\d+\.\d+$/);
    expect(components.size).toBeGreaterThan(200);
    expect(components.has('processor redactionprocessor')).toBe(true);
  });

  it.each(named)('%s %s is a component of otelcol-contrib', (kind, name) => {
    expect(components.has(moduleOf(kind, name))).toBe(true);
  });

  it('a name outside the distribution is caught', () => {
    expect(components.has(moduleOf('exporter', 'jaeger'))).toBe(false);
    expect(components.has(moduleOf('processor', 'memory_limitter'))).toBe(false);
  });

  it('every pipeline limits memory first, redacts, batches last, and uses only defined components', () => {
    const pipelines = Object.entries(config.service.pipelines);
    expect(pipelines.map(([name]) => name).sort()).toEqual(['logs', 'metrics', 'traces']);
    for (const [, pipeline] of pipelines) {
      expect(pipeline.processors[0]).toBe('memory_limiter');
      expect(pipeline.processors).toContain('redaction');
      expect(pipeline.processors.at(-1)).toBe('batch');
      for (const r of pipeline.receivers) expect(Object.keys(config.receivers ?? {})).toContain(r);
      for (const p of pipeline.processors) expect(Object.keys(config.processors ?? {})).toContain(p);
      for (const e of pipeline.exporters) expect(Object.keys(config.exporters ?? {})).toContain(e);
    }
    for (const e of config.service.extensions) expect(Object.keys(config.extensions ?? {})).toContain(e);
  });

  it('compose and Kubernetes run the version of the component list and mount this file', () => {
    const compose = readYaml<{ services: Record<string, { image: string; volumes: string[] }> }>(
      'docker-compose.yaml',
    );
    expect(compose.services['otel-collector']?.image).toBe(`otel/opentelemetry-collector-contrib:${version}`);
    expect(compose.services['otel-collector']?.volumes).toContain(
      './otel/collector.yaml:/etc/otelcol-contrib/config.yaml:ro',
    );
    const deployment = k8sObjects().find(
      (o: K8sObject) => o.metadata.name === 'otel-collector' && o.kind === 'Deployment',
    );
    expect(deployment?.spec.template.spec.containers[0].image).toBe(
      `otel/opentelemetry-collector-contrib:${version}`,
    );
    const kustomization = readYaml<{ configMapGenerator: { name: string; files: string[] }[] }>(
      'kustomization.yaml',
    );
    const generated = kustomization.configMapGenerator.find((g) => g.name === 'otel-collector-config');
    expect(generated?.files).toEqual(['config.yaml=otel/collector.yaml']);
  });
});
